import { CfnOutput, Duration, RemovalPolicy, Stack, type StackProps } from 'aws-cdk-lib';
import { HttpApi, HttpAuthorizer, HttpAuthorizerType, HttpStage, LogGroupLogDestination } from 'aws-cdk-lib/aws-apigatewayv2';
import { AccountRecovery, Mfa, StringAttribute, UserPool, type UserPoolClient } from 'aws-cdk-lib/aws-cognito';
import { EventBus } from 'aws-cdk-lib/aws-events';
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import type { Construct } from 'constructs';
import { acknowledge } from './nag.js';

/** Throttling of the whole API (requests/s and burst); public routes get their own lower limits. */
export const API_THROTTLE = { rateLimit: 500, burstLimit: 1000 };
export const PUBLIC_ROUTE_THROTTLE = { rateLimit: 200, burstLimit: 400 };

/**
 * What every service shares: the event bus, the staff user pool (Cognito) with the claims the
 * handlers read (`custom:role`, `custom:region`, `custom:department`, `custom:bank`), and the HTTP
 * API with its JWT authorizer and access logs.
 */
export class SharedStack extends Stack {
  readonly bus: EventBus;
  readonly userPool: UserPool;
  readonly consoleClient: UserPoolClient;
  readonly api: HttpApi;
  readonly stage: HttpStage;
  readonly staffAuthorizer: HttpAuthorizer;

  constructor(scope: Construct, id: string, props?: StackProps) {
    super(scope, id, props);

    this.bus = new EventBus(this, 'Bus', { eventBusName: 'jingzhun' });

    this.userPool = new UserPool(this, 'StaffPool', {
      userPoolName: 'jingzhun-staff',
      selfSignUpEnabled: false,
      signInAliases: { username: true },
      mfa: Mfa.REQUIRED,
      mfaSecondFactor: { sms: false, otp: true },
      passwordPolicy: { minLength: 12, requireDigits: true, requireLowercase: true, requireUppercase: true, requireSymbols: true },
      accountRecovery: AccountRecovery.NONE,
      customAttributes: {
        role: new StringAttribute({ mutable: true }),
        region: new StringAttribute({ minLen: 12, maxLen: 12, mutable: true }),
        department: new StringAttribute({ mutable: true }),
        bank: new StringAttribute({ mutable: true }),
      },
      removalPolicy: RemovalPolicy.RETAIN,
    });
    this.consoleClient = this.userPool.addClient('ConsoleClient', {
      userPoolClientName: 'jingzhun-console',
      authFlows: { userSrp: true },
      idTokenValidity: Duration.hours(8),
      accessTokenValidity: Duration.hours(8),
      preventUserExistenceErrors: true,
    });
    acknowledge(this.userPool, [
      {
        id: 'AwsSolutions-COG8',
        reason:
          'The Plus feature plan (threat protection) is billed per user; a county enables it at deployment if it wants it. Staff accounts are created by the administrator (no self sign-up) and MFA is required.',
      },
    ]);

    this.api = new HttpApi(this, 'Api', {
      apiName: 'jingzhun',
      createDefaultStage: false,
      corsPreflight: {
        allowOrigins: ['*'],
        allowHeaders: ['authorization', 'content-type', 'if-none-match'],
        allowMethods: [],
        maxAge: Duration.hours(1),
      },
    });
    const accessLogs = new LogGroup(this, 'ApiAccessLogs', { retention: RetentionDays.ONE_YEAR, removalPolicy: RemovalPolicy.RETAIN });
    this.stage = new HttpStage(this, 'DefaultStage', {
      httpApi: this.api,
      stageName: '$default',
      autoDeploy: true,
      throttle: API_THROTTLE,
      accessLogSettings: { destination: new LogGroupLogDestination(accessLogs) },
    });

    this.staffAuthorizer = new HttpAuthorizer(this, 'StaffAuthorizer', {
      httpApi: this.api,
      type: HttpAuthorizerType.JWT,
      identitySource: ['$request.header.Authorization'],
      jwtIssuer: `https://cognito-idp.${this.region}.amazonaws.com/${this.userPool.userPoolId}`,
      jwtAudience: [this.consoleClient.userPoolClientId],
    });

    new CfnOutput(this, 'ApiUrl', { value: this.api.apiEndpoint });
    new CfnOutput(this, 'UserPoolId', { value: this.userPool.userPoolId });
    new CfnOutput(this, 'ConsoleClientId', { value: this.consoleClient.userPoolClientId });
  }
}
