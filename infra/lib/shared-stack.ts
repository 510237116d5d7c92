import { join } from 'node:path';
import { STAFF_SESSION_ENV } from '@jingzhun/platform/session';
import { CfnOutput, Duration, RemovalPolicy, SecretValue, Stack, type StackProps } from 'aws-cdk-lib';
import { HttpApi, HttpStage, LogGroupLogDestination } from 'aws-cdk-lib/aws-apigatewayv2';
import { AccountRecovery, ManagedLoginVersion, Mfa, StringAttribute, UserPool, type UserPoolDomain, UserPoolOperation } from 'aws-cdk-lib/aws-cognito';
import { EventBus } from 'aws-cdk-lib/aws-events';
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import { Secret } from 'aws-cdk-lib/aws-secretsmanager';
import type { Topic } from 'aws-cdk-lib/aws-sns';
import type { Construct } from 'constructs';
import { JingzhunFunction } from './lambda.js';
import { API_ACCESS_LOG_FORMAT, addApiAlarms, createAlarmTopic } from './monitoring.js';
import { acknowledge } from './nag.js';
import { REPO_ROOT } from './paths.js';
import type { StageNaming } from './stage.js';

/** Throttling of the whole API (requests/s and burst); public routes get their own lower limits. */
export const API_THROTTLE = { rateLimit: 500, burstLimit: 1000 };
export const PUBLIC_ROUTE_THROTTLE = { rateLimit: 200, burstLimit: 400 };

/** Context key for the Cognito prefix domain of the staff sign-in (`cdk deploy -c cognitoDomainPrefix=…`). */
export const COGNITO_DOMAIN_PREFIX_CONTEXT = 'cognitoDomainPrefix';
/** Context key that rotates the origin secret: `cdk deploy --all -c originVerifyGeneration=2` (default 1). */
export const ORIGIN_VERIFY_GENERATION_CONTEXT = 'originVerifyGeneration';

/**
 * What every service shares: the event bus, the staff user pool (Cognito) with the claims the
 * handlers read (`custom:role`, `custom:region`, `custom:department`, `custom:bank`) and its
 * sign-in domain (hosted UI), the HTTP API with its access logs, and the secret CloudFront shows
 * the API so that the API believes the viewer address it forwards (FRONT_DOOR in
 * packages/platform/src/http.ts).
 *
 * The console's app client and the JWT authorizer that checks its tokens are in the web stack
 * (infra/lib/web-stack.ts): the client's callback URL is the CloudFront distribution's, and the
 * authorizer's audience is the client's id.
 */
export class SharedStack extends Stack {
  readonly bus: EventBus;
  readonly userPool: UserPool;
  readonly signInDomain: UserPoolDomain;
  readonly api: HttpApi;
  readonly stage: HttpStage;
  readonly originVerify: Secret;
  /** The origin secret as a CloudFormation dynamic reference, for CloudFront and the route functions. */
  readonly originVerifyValue: string;
  /** The key of the staff pool's custom authentication (mini-program sessions): read by its triggers and the sign-in functions. */
  readonly staffChallengeKey: Secret;
  /** The stage's alarm topic: every alarm of every stack notifies it (e-mail from the stage's `alarmEmails`). */
  readonly alarmTopic: Topic;

  constructor(scope: Construct, id: string, props: StackProps & { naming: StageNaming }) {
    super(scope, id, props);
    const { naming } = props;

    this.bus = new EventBus(this, 'Bus', { eventBusName: naming.physical() });
    this.alarmTopic = createAlarmTopic(this, naming);

    this.userPool = new UserPool(this, 'StaffPool', {
      userPoolName: naming.physical('staff'),
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
    // The hosted sign-in pages (MFA included) on a Cognito prefix domain:
    // https://<prefix>.auth.<region>.amazoncognito.com. The prefix is unique per region across all
    // of AWS, hence the account number in the default; a county can choose its own with the context
    // value. The classic hosted UI needs no branding resource (managed login v2 would).
    const domainPrefix = String(this.node.tryGetContext(COGNITO_DOMAIN_PREFIX_CONTEXT) ?? naming.physical(this.account));
    this.signInDomain = this.userPool.addDomain('SignInDomain', {
      cognitoDomain: { domainPrefix },
      managedLoginVersion: ManagedLoginVersion.CLASSIC_HOSTED_UI,
    });
    // Mini-program sessions (services/wechat/src/cognito/challenge.ts): after the wechat service has
    // checked a bound openid it signs the staff member in by the pool's custom authentication, whose
    // one challenge only a holder of this key can answer. The console's client does not allow the flow.
    this.staffChallengeKey = new Secret(this, 'StaffChallengeKey', {
      secretName: naming.path('staff-challenge-key'),
      description: "Jingzhun: key of the staff pool's custom authentication (mini-program sign-in after a WeChat binding)",
      generateSecretString: { passwordLength: 64, excludePunctuation: true },
    });
    acknowledge(this.staffChallengeKey, [
      {
        id: 'AwsSolutions-SMG4',
        reason:
          'Read once per container by the custom-authentication triggers and the wechat sign-in functions; a scheduled rotation would leave warm containers with different keys for up to their lifetime, failing sign-ins. It is rotated by replacing the secret (a new value) and redeploying, which restarts every reader.',
      },
    ]);
    const triggers = join(REPO_ROOT, 'services', 'wechat', 'src', 'handlers', 'cognito-triggers.ts');
    for (const [operation, handler, description] of [
      [UserPoolOperation.DEFINE_AUTH_CHALLENGE, 'defineAuthChallenge', 'one nonce challenge, one attempt'],
      [UserPoolOperation.CREATE_AUTH_CHALLENGE, 'createAuthChallenge', 'draws the nonce'],
      [UserPoolOperation.VERIFY_AUTH_CHALLENGE_RESPONSE, 'verifyAuthChallenge', 'checks the HMAC answer under the challenge key'],
    ] as const) {
      const fn = new JingzhunFunction(this, `Staff${handler.charAt(0).toUpperCase()}${handler.slice(1)}`, {
        entry: triggers,
        handler,
        description: `Staff pool custom authentication (mini-program sign-in): ${description}`,
        environment: handler === 'verifyAuthChallenge' ? { [STAFF_SESSION_ENV.challengeKey]: this.staffChallengeKey.secretArn } : {},
        timeout: Duration.seconds(5),
        memorySize: 256,
      });
      if (handler === 'verifyAuthChallenge') this.staffChallengeKey.grantRead(fn);
      this.userPool.addTrigger(operation, fn);
    }
    acknowledge(this.userPool, [
      {
        id: 'AwsSolutions-COG8',
        reason:
          'The Plus feature plan (threat protection) is billed per user; a county enables it at deployment if it wants it. Staff accounts are created by the administrator (no self sign-up) and MFA is required.',
      },
    ]);

    this.api = new HttpApi(this, 'Api', {
      apiName: naming.physical(),
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
      accessLogSettings: { destination: new LogGroupLogDestination(accessLogs), format: API_ACCESS_LOG_FORMAT },
    });
    addApiAlarms(this, { naming, topic: this.alarmTopic, api: this.api, stage: this.stage, accessLogs });

    // Shown by CloudFront to the API on every request (an origin custom header) and known to the
    // route functions: only with it do they believe the viewer address CloudFront forwards. Both
    // read it by name through a CloudFormation dynamic reference, resolved when their resources
    // deploy (no cross-stack export, which would pin the secret). A new generation is a new secret
    // under a new name, so every consumer's template changes and reads it again.
    const generation = String(this.node.tryGetContext(ORIGIN_VERIFY_GENERATION_CONTEXT) ?? '1');
    const originVerifyName = naming.path(`origin-verify-${generation}`);
    this.originVerify = new Secret(this, 'OriginVerify', {
      secretName: originVerifyName,
      description: 'Jingzhun: header value CloudFront adds to API requests, so the API believes the viewer address it forwards',
      generateSecretString: { passwordLength: 48, excludePunctuation: true },
    });
    this.originVerifyValue = SecretValue.secretsManager(originVerifyName).unsafeUnwrap();
    acknowledge(this.originVerify, [
      {
        id: 'AwsSolutions-SMG4',
        reason:
          'Not a credential to any data: it only decides whether the API believes the viewer address CloudFront forwards (flood control of public objections). CloudFront and the functions read it at deployment, so a scheduled rotation would not reach them; it is rotated with cdk deploy --all -c originVerifyGeneration=<next>, which replaces the secret and every reader. While the two sides disagree the API counts callers by the connection address, as before; nothing is refused.',
      },
    ]);

    new CfnOutput(this, 'ApiUrl', {
      value: this.api.apiEndpoint,
      description:
        'The HTTP API itself (execute-api). The web and the staff use it through CloudFront (Jingzhun-Web WebUrl); called directly, a caller is counted by its own address.',
    });
    new CfnOutput(this, 'UserPoolId', { value: this.userPool.userPoolId });
    new CfnOutput(this, 'SignInDomain', { value: this.signInDomain.baseUrl(), description: 'Cognito hosted UI of the staff sign-in' });
  }
}
