import {
  FILES_ENV,
  FRONT_DOOR,
  functionId,
  indexNames,
  parseHandlerRef,
  resolveHandler,
  type ServiceManifest,
  STAFF_SESSION_ENV,
  type StageSetting,
  TTL_ATTRIBUTE,
  tableEnvVar,
} from '@jingzhun/platform';
import { OVERRIDDEN_METHODS } from '@jingzhun/types';
import { Duration, RemovalPolicy, Stack, type StackProps, TimeZone } from 'aws-cdk-lib';
import { type CfnStage, HttpAuthorizer, HttpMethod, HttpRoute, HttpRouteKey } from 'aws-cdk-lib/aws-apigatewayv2';
import { HttpLambdaIntegration } from 'aws-cdk-lib/aws-apigatewayv2-integrations';
import { AttributeType, BillingMode, type CfnTable, StreamViewType, Table, TableEncryption } from 'aws-cdk-lib/aws-dynamodb';
import { Rule } from 'aws-cdk-lib/aws-events';
import { LambdaFunction } from 'aws-cdk-lib/aws-events-targets';
import { PolicyStatement, Role, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import { type CfnFunction, FilterCriteria, FilterRule, StartingPosition } from 'aws-cdk-lib/aws-lambda';
import { DynamoEventSource, SqsDlq } from 'aws-cdk-lib/aws-lambda-event-sources';
import type { CfnBucket } from 'aws-cdk-lib/aws-s3';
import { BlockPublicAccess, Bucket, BucketEncryption, HttpMethods, ObjectOwnership } from 'aws-cdk-lib/aws-s3';
import { ContextAttribute, Schedule, ScheduleExpression, ScheduleTargetInput } from 'aws-cdk-lib/aws-scheduler';
import { LambdaInvoke } from 'aws-cdk-lib/aws-scheduler-targets';
import { Secret } from 'aws-cdk-lib/aws-secretsmanager';
import { Queue, QueueEncryption } from 'aws-cdk-lib/aws-sqs';
import type { Construct } from 'constructs';
import { JingzhunFunction } from './lambda.js';
import { deadLetterQueueName, ServiceMonitoring } from './monitoring.js';
import { acknowledge } from './nag.js';
import { REPO_ROOT } from './paths.js';
import { PUBLIC_ROUTE_THROTTLE, type SharedStack } from './shared-stack.js';
import type { StageNaming } from './stage.js';

export interface ServiceStackProps extends StackProps {
  /** The stage's names (prefixed for every stage but the default). */
  naming: StageNaming;
  manifest: ServiceManifest;
  shared: SharedStack;
  /** The JWT authorizer of the staff routes (in the web stack, next to the app client whose tokens it checks). */
  staffAuthorizerId: string;
  /** The mini-program's app client of the staff pool, for the functions of the manifest's `staffSessions`. */
  staffSessionClientId?: string;
  /** The web's origin (CloudFront): the only origin that may PUT uploaded files into the files bucket. */
  webOrigin?: string;
}

/**
 * One service, built from its manifest: its table, one function per route, job and subscription
 * (each reaching only this table), the HTTP routes (JWT authorizer on staff routes), the
 * schedules (Asia/Shanghai), the EventBridge rules and the outbox relay from the table's stream.
 */
export class ServiceStack extends Stack {
  readonly table: Table;
  readonly monitoring: ServiceMonitoring;

  constructor(scope: Construct, id: string, props: ServiceStackProps) {
    super(scope, id, props);
    const { manifest, shared, staffAuthorizerId, naming } = props;

    const def = manifest.table;
    this.table = new Table(this, 'Table', {
      tableName: naming.physical(def.name),
      partitionKey: { name: 'pk', type: AttributeType.STRING },
      sortKey: { name: 'sk', type: AttributeType.STRING },
      billingMode: BillingMode.PAY_PER_REQUEST,
      pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: true },
      removalPolicy: RemovalPolicy.RETAIN,
      encryption: TableEncryption.AWS_MANAGED,
      stream: StreamViewType.NEW_IMAGE,
      timeToLiveAttribute: TTL_ATTRIBUTE,
      deletionProtection: true,
    });
    for (const index of indexNames(def)) {
      this.table.addGlobalSecondaryIndex({
        indexName: index.name,
        partitionKey: { name: index.pk, type: AttributeType.STRING },
        sortKey: { name: index.sk, type: AttributeType.STRING },
      });
    }
    const tableLogicalId = this.getLogicalId(this.table.node.defaultChild as CfnTable);
    // Business metrics (EMF) land in one namespace per stage, so two stages' dashboards do not mix.
    const metricsNamespace = naming.metricsNamespace;
    // The stage settings the service reads (manifest.stageEnvironment), e.g. the monthly run's counties.
    const stageEnvironment = Object.fromEntries(
      Object.entries(manifest.stageEnvironment ?? {}).map(([setting, variable]) => {
        const value = naming.stage[setting as StageSetting];
        return [variable as string, Array.isArray(value) ? value.join(',') : String(value)];
      }),
    );
    const environment = {
      [tableEnvVar(def)]: this.table.tableName,
      POWERTOOLS_SERVICE_NAME: manifest.name,
      POWERTOOLS_METRICS_NAMESPACE: metricsNamespace,
      ...stageEnvironment,
    };

    const deadLetters = new Queue(this, 'DeadLetters', {
      queueName: deadLetterQueueName(naming, manifest.name),
      retentionPeriod: Duration.days(14),
      encryption: QueueEncryption.SQS_MANAGED,
      enforceSSL: true,
    });
    acknowledge(deadLetters, [{ id: 'AwsSolutions-SQS3', reason: "This queue is itself the dead-letter queue of the service's event deliveries." }]);

    // Route functions also hold the origin secret, so that they believe the viewer address CloudFront
    // forwards (FRONT_DOOR in packages/platform/src/http.ts); resolved by CloudFormation at deployment.
    const routeEnvironment = { ...environment, [FRONT_DOOR.originVerifyEnv]: shared.originVerifyValue };

    // The manifest's secrets: created here, readable only by the functions of their readers.
    const secrets = (manifest.secrets ?? []).map((entry) => {
      const secret = new Secret(this, `${toConstructId(entry.name)}Secret`, {
        secretName: naming.path(manifest.name, entry.name),
        description: entry.description,
        generateSecretString: { passwordLength: 48, excludePunctuation: true },
        removalPolicy: RemovalPolicy.RETAIN,
      });
      acknowledge(secret, [
        {
          id: 'AwsSolutions-SMG4',
          reason:
            entry.notRotatedBecause ??
            'A hashing key, not a credential: rotating it would make every stored name hash unmatchable until the public copies were rewritten, so it is rotated deliberately (a new secret and a re-publication), not on a schedule.',
        },
      ]);
      return { entry, secret };
    });
    const secretsOf = (ref: string) => secrets.filter(({ entry }) => entry.readers.includes(ref));

    // Uploaded files (evidence photos and scans): private, encrypted, TLS only, versioned, access
    // logged, kept on stack deletion, like the site bucket. Browsers PUT and GET through presigned
    // URLs only (platform/src/files.ts), from the web's own origin.
    let files: Bucket | undefined;
    if (manifest.files) {
      const filesLogs = new Bucket(this, 'FilesAccessLogs', {
        blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
        enforceSSL: true,
        encryption: BucketEncryption.S3_MANAGED,
        objectOwnership: ObjectOwnership.OBJECT_WRITER,
        lifecycleRules: [{ expiration: Duration.days(365) }],
        removalPolicy: RemovalPolicy.RETAIN,
      });
      files = new Bucket(this, 'Files', {
        blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
        enforceSSL: true,
        encryption: BucketEncryption.S3_MANAGED,
        versioned: true,
        serverAccessLogsBucket: filesLogs,
        serverAccessLogsPrefix: 'files-bucket/',
        removalPolicy: RemovalPolicy.RETAIN,
        cors: [{ allowedMethods: [HttpMethods.PUT, HttpMethods.GET], allowedOrigins: [props.webOrigin ?? '*'], allowedHeaders: ['content-type'], maxAge: 3600 }],
      });
    }
    const filesReader = (ref: string) => (files && manifest.files?.readers.includes(ref) ? files : undefined);

    // Functions that sign staff in on the back end's own check (manifest.staffSessions): the pool, the
    // mini-program client and the challenge key, and the two calls of its custom authentication.
    const grantStaffSessions = (fn: JingzhunFunction) => {
      if (!props.staffSessionClientId) throw new Error(`${manifest.name}: staffSessions needs the mini-program client (staffSessionClientId)`);
      fn.addEnvironment(STAFF_SESSION_ENV.poolId, shared.userPool.userPoolId);
      fn.addEnvironment(STAFF_SESSION_ENV.clientId, props.staffSessionClientId);
      fn.addEnvironment(STAFF_SESSION_ENV.challengeKey, shared.staffChallengeKey.secretArn);
      shared.staffChallengeKey.grantRead(fn);
      fn.addToRolePolicy(new PolicyStatement({ actions: ['cognito-idp:AdminInitiateAuth', 'cognito-idp:AdminRespondToAuthChallenge'], resources: [shared.userPool.userPoolArn] }));
    };
    const makeFunction = (
      ref: string,
      description: string,
      options: { readOnly?: boolean; timeout?: Duration; memorySize?: number; environment?: Record<string, string> } = {},
    ) => {
      const { path, exportName } = resolveHandler(manifest, ref);
      const name = functionId(manifest, ref);
      const fn = new JingzhunFunction(this, toConstructId(exportName), {
        entry: path,
        handler: exportName,
        description: `${name}: ${description}`,
        environment: {
          ...(options.environment ?? environment),
          ...Object.fromEntries(secretsOf(ref).map(({ entry, secret }) => [entry.env, secret.secretArn])),
          ...(filesReader(ref) ? { [FILES_ENV.bucket]: (filesReader(ref) as Bucket).bucketName } : {}),
        },
        ...(manifest.dataFiles ? { dataFiles: manifest.dataFiles.map((file) => new URL(file, manifest.root).pathname) } : {}),
        ...(options.timeout ? { timeout: options.timeout } : {}),
        ...(options.memorySize ? { memorySize: options.memorySize } : {}),
      });
      for (const { secret } of secretsOf(ref)) secret.grantRead(fn);
      if (manifest.staffSessions?.issuers.includes(ref)) grantStaffSessions(fn);
      const bucket = filesReader(ref);
      if (bucket) {
        bucket.grantReadWrite(fn);
        const bucketLogicalId = this.getLogicalId(bucket.node.defaultChild as CfnBucket);
        acknowledge(fn.role as Role, [
          {
            id: `AwsSolutions-IAM5[Resource::<${bucketLogicalId}.Arn>/*]`,
            reason: "Objects of this service's own files bucket (one key per uploaded file, named when the upload is signed).",
          },
          { id: 'AwsSolutions-IAM5[Action::s3:GetObject*]', reason: 'Reading uploaded files of its own bucket (grantReadWrite).' },
          { id: 'AwsSolutions-IAM5[Action::s3:GetBucket*]', reason: 'Bucket metadata of its own files bucket (grantReadWrite).' },
          { id: 'AwsSolutions-IAM5[Action::s3:List*]', reason: 'Listing its own files bucket (grantReadWrite), so a missing file reads as 404.' },
          { id: 'AwsSolutions-IAM5[Action::s3:DeleteObject*]', reason: 'An upload may be replaced (grantReadWrite on its own bucket only).' },
          { id: 'AwsSolutions-IAM5[Action::s3:Abort*]', reason: 'Aborting its own uploads (grantReadWrite on its own bucket only).' },
        ]);
      }
      if (options.readOnly) this.table.grantReadData(fn);
      else this.table.grantReadWriteData(fn);
      acknowledge(fn.role as Role, [
        { id: `AwsSolutions-IAM5[Resource::<${tableLogicalId}.Arn>/index/*]`, reason: "The generic GSIs of this service's own table (gsi1…gsiN); no other table is reachable." },
      ]);
      return fn;
    };

    // HTTP routes.
    const staffAuthorizer = HttpAuthorizer.fromHttpAuthorizerAttributes(this, 'StaffAuthorizer', {
      authorizerId: staffAuthorizerId,
      authorizerType: 'JWT',
    });
    const publicRouteKeys: string[] = [];
    for (const route of manifest.routes) {
      const { contract } = route;
      const isPublic = contract.auth === 'public';
      const fn = makeFunction(route.handler, contract.summary, { readOnly: isPublic && contract.method === 'GET' && !route.writes, environment: routeEnvironment });
      const routeKey = HttpRouteKey.with(contract.path, HttpMethod[contract.method]);
      const httpRoute = new HttpRoute(this, `${toConstructId(parseHandlerRef(route.handler).exportName)}Route`, {
        httpApi: shared.api,
        routeKey,
        integration: new HttpLambdaIntegration(`${contract.id}Integration`, fn),
        ...(isPublic ? {} : { authorizer: staffAuthorizer }),
      });
      // A POST twin of a PATCH route for clients without PATCH (wx.request): the handler accepts it only
      // with the method-override header (packages/types method-override.ts).
      if (OVERRIDDEN_METHODS.includes(contract.method)) {
        new HttpRoute(this, `${toConstructId(parseHandlerRef(route.handler).exportName)}OverrideRoute`, {
          httpApi: shared.api,
          routeKey: HttpRouteKey.with(contract.path, HttpMethod.POST),
          integration: new HttpLambdaIntegration(`${contract.id}OverrideIntegration`, fn),
          ...(isPublic ? {} : { authorizer: staffAuthorizer }),
        });
      }
      if (isPublic) {
        publicRouteKeys.push(routeKey.key);
        acknowledge(httpRoute, [{ id: 'AwsSolutions-APIG4', reason: 'Anonymous public query of published, masked notices (workflows.md §4.4); throttled per route.' }]);
      }
    }
    // Lower throttling limits on anonymous routes (the local gateway adds a per-address bucket).
    const cfnStage = shared.stage.node.defaultChild as CfnStage;
    for (const key of publicRouteKeys) {
      cfnStage.addPropertyOverride(`RouteSettings.${key}`, { ThrottlingRateLimit: PUBLIC_ROUTE_THROTTLE.rateLimit, ThrottlingBurstLimit: PUBLIC_ROUTE_THROTTLE.burstLimit });
    }

    // Scheduled jobs (EventBridge Scheduler, Asia/Shanghai). The scheduler invokes asynchronously:
    // its retries and dead-letter queue cover a failed delivery, the function's async-invoke config
    // (ServiceMonitoring below) a failed run.
    const jobFunctions: { name: string; fn: JingzhunFunction }[] = [];
    for (const job of manifest.jobs) {
      const fn = makeFunction(job.handler, job.description, { timeout: Duration.minutes(15), memorySize: 1024 });
      jobFunctions.push({ name: job.name, fn });
      const scheduleRole = new Role(this, `${toConstructId(job.name)}ScheduleRole`, {
        assumedBy: new ServicePrincipal('scheduler.amazonaws.com'),
        description: `Lets the ${job.name} schedule invoke its function`,
      });
      const fnLogicalId = this.getLogicalId(fn.node.defaultChild as CfnFunction);
      acknowledge(scheduleRole, [
        { id: `AwsSolutions-IAM5[Resource::<${fnLogicalId}.Arn>:*]`, reason: 'Versions and aliases of this one job function; the role can invoke nothing else.' },
      ]);
      new Schedule(this, `${toConstructId(job.name)}Schedule`, {
        scheduleName: naming.physical(manifest.name, job.name),
        description: job.description,
        schedule: ScheduleExpression.expression(job.schedule, TimeZone.ASIA_SHANGHAI),
        target: new LambdaInvoke(fn, {
          input: ScheduleTargetInput.fromObject({ job: job.name, scheduledTime: ContextAttribute.scheduledTime, ...(job.onlyOn ? { onlyOn: job.onlyOn } : {}) }),
          deadLetterQueue: deadLetters,
          retryAttempts: 3,
          role: scheduleRole,
        }),
      });
    }

    // Event subscriptions (EventBridge rules on the shared bus): one function and one rule per
    // handler, matching every event the manifest routes to it.
    const eventsByHandler = new Map<string, string[]>();
    for (const subscription of manifest.subscriptions) {
      eventsByHandler.set(subscription.handler, [...(eventsByHandler.get(subscription.handler) ?? []), subscription.event]);
    }
    const subscriberFunctions: JingzhunFunction[] = [];
    for (const [handler, events] of eventsByHandler) {
      const fn = makeFunction(handler, `handles ${events.join(', ')}`, { timeout: Duration.seconds(60) });
      // The rule's retries and dead-letter queue cover a failed delivery; a failed run is retried by
      // Lambda and then lands in the same queue (ServiceMonitoring below), never dropped.
      subscriberFunctions.push(fn);
      new Rule(this, `${toConstructId(parseHandlerRef(handler).exportName)}Rule`, {
        eventBus: shared.bus,
        description: `${events.join(', ')} → ${functionId(manifest, handler)}`,
        eventPattern: { detailType: events },
        targets: [new LambdaFunction(fn, { deadLetterQueue: deadLetters, retryAttempts: 8, maxEventAge: Duration.hours(24) })],
      });
    }

    // The outbox relay: new outbox items on the stream → the event bus.
    const relay = new JingzhunFunction(this, 'OutboxRelay', {
      entry: `${REPO_ROOT}/packages/platform/src/relay.ts`,
      handler: 'handler',
      description: `${manifest.name}: forwards outbox items from the table stream to EventBridge`,
      environment: { JZ_EVENT_BUS: shared.bus.eventBusName, POWERTOOLS_SERVICE_NAME: manifest.name, POWERTOOLS_METRICS_NAMESPACE: metricsNamespace },
      timeout: Duration.seconds(60),
    });
    shared.bus.grantPutEventsTo(relay);
    relay.addEventSource(
      new DynamoEventSource(this.table, {
        startingPosition: StartingPosition.TRIM_HORIZON,
        batchSize: 100,
        bisectBatchOnError: true,
        reportBatchItemFailures: true,
        retryAttempts: 10,
        onFailure: new SqsDlq(deadLetters),
        filters: [FilterCriteria.filter({ eventName: FilterRule.isEqual('INSERT'), dynamodb: { NewImage: { entity: { S: FilterRule.isEqual('outbox') } } } })],
      }),
    );

    // Alarms on what must not go unnoticed (docs/operations.md): the dead-letter queue, every job,
    // the relay's errors and lag, all notifying the stage's topic; and the on-failure destination of
    // every function invoked asynchronously. A nested stack: see ServiceMonitoring.
    this.monitoring = new ServiceMonitoring(this, 'AlarmsAndAsyncFailures', {
      naming,
      manifest,
      topic: shared.alarmTopic,
      deadLetters,
      jobs: jobFunctions,
      subscribers: subscriberFunctions,
      relay,
      description: `Jingzhun ${manifest.name} service: alarms and async-invocation failure destinations`,
    });
  }
}

function toConstructId(name: string): string {
  return name.replace(/(^|[-_])(\w)/g, (_, __, char: string) => char.toUpperCase());
}
