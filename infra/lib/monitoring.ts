import { BUSINESS_METRICS, type ServiceManifest } from '@jingzhun/platform';
import { Duration, NestedStack, type NestedStackProps, RemovalPolicy, Stack, type StackProps } from 'aws-cdk-lib';
import { AccessLogFormat } from 'aws-cdk-lib/aws-apigateway';
import type { HttpApi, HttpStage } from 'aws-cdk-lib/aws-apigatewayv2';
import {
  Alarm,
  AlarmStatusWidget,
  AlarmWidget,
  ComparisonOperator,
  Dashboard,
  GraphWidget,
  type IAlarm,
  type IMetric,
  Metric,
  Stats,
  TextWidget,
  TreatMissingData,
} from 'aws-cdk-lib/aws-cloudwatch';
import { SnsAction } from 'aws-cdk-lib/aws-cloudwatch-actions';
import { Effect, PolicyStatement, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import { Key } from 'aws-cdk-lib/aws-kms';
import { EventInvokeConfig, type IFunction } from 'aws-cdk-lib/aws-lambda';
import { SqsDestination } from 'aws-cdk-lib/aws-lambda-destinations';
import type { ILogGroup } from 'aws-cdk-lib/aws-logs';
import { FilterPattern, MetricFilter } from 'aws-cdk-lib/aws-logs';
import { type ITopic, Topic } from 'aws-cdk-lib/aws-sns';
import { EmailSubscription } from 'aws-cdk-lib/aws-sns-subscriptions';
import type { IQueue } from 'aws-cdk-lib/aws-sqs';
import type { Construct } from 'constructs';
import type { StageNaming } from './stage.js';

/**
 * What an operator is told about, and when (docs/operations.md explains each alarm and what to do).
 * Every alarm notifies the stage's topic when it fires and again when it clears.
 */
export const ALARM_THRESHOLDS = {
  /** Any message in a dead-letter queue is an event, job or stream batch that was not handled. */
  deadLetters: 0,
  /** Any failed invocation of a scheduled job (an error or a timeout) in five minutes. */
  jobErrors: 0,
  /** Any failed relay batch in five minutes (it is retried; the alarm says events are late). */
  relayErrors: 0,
  /** The oldest stream record the relay has not forwarded, in milliseconds: five minutes behind. */
  relayIteratorAgeMs: 5 * 60 * 1000,
  /** Any 5xx answered by the API in five minutes (a handler failed, timed out or was throttled). */
  api5xx: 0,
  /** Any request refused by the API's own throttling (not a handler's RATE_LIMITED) in five minutes. */
  apiThrottled: 0,
} as const;

/** The period every alarm evaluates (one period: an operator hears about the first failure). */
export const ALARM_PERIOD = Duration.minutes(5);

/**
 * Retries of a function invoked asynchronously (schedules and EventBridge rules): Lambda retries a
 * failed invocation twice (its maximum), within six hours (its maximum), and then sends the
 * invocation record to the service's dead-letter queue instead of dropping it.
 */
export const ASYNC_RETRY = { retryAttempts: 2, maxEventAge: Duration.hours(6) } as const;

/** The dead-letter queue of a service (also the on-failure destination of its async functions). */
export function deadLetterQueueName(naming: StageNaming, service: string): string {
  return naming.physical(service, 'dead-letters');
}

/** The physical names of every alarm, so that the stacks creating them and the dashboard agree. */
export const alarmNames = {
  topic: (naming: StageNaming) => naming.physical('alarms'),
  dashboard: (naming: StageNaming) => naming.physical('operations'),
  deadLetters: (naming: StageNaming, service: string) => naming.physical(service, 'dead-letters', 'visible'),
  jobErrors: (naming: StageNaming, service: string, job: string) => naming.physical(service, 'job', job, 'errors'),
  relayErrors: (naming: StageNaming, service: string) => naming.physical(service, 'relay', 'errors'),
  relayIteratorAge: (naming: StageNaming, service: string) => naming.physical(service, 'relay', 'iterator-age'),
  api5xx: (naming: StageNaming) => naming.physical('api', '5xx'),
  apiThrottled: (naming: StageNaming) => naming.physical('api', 'throttled'),
};

/** Every alarm name of a service, as its stack creates them (from its manifest). */
export function serviceAlarmNames(naming: StageNaming, manifest: ServiceManifest): string[] {
  return [
    alarmNames.deadLetters(naming, manifest.name),
    ...manifest.jobs.map((job) => alarmNames.jobErrors(naming, manifest.name, job.name)),
    alarmNames.relayErrors(naming, manifest.name),
    alarmNames.relayIteratorAge(naming, manifest.name),
  ];
}

/**
 * The API's access log: one JSON object per request. `integrationStatus` is `-` when the request
 * never reached a function, which tells the gateway's own throttling (429 without integration)
 * from a handler's `429 RATE_LIMITED`.
 */
export const API_ACCESS_LOG_FORMAT = AccessLogFormat.custom(
  JSON.stringify({
    requestId: '$context.requestId',
    apiId: '$context.apiId',
    ip: '$context.identity.sourceIp',
    requestTime: '$context.requestTime',
    method: '$context.httpMethod',
    routeKey: '$context.routeKey',
    path: '$context.path',
    status: '$context.status',
    protocol: '$context.protocol',
    responseLength: '$context.responseLength',
    responseLatency: '$context.responseLatency',
    integrationStatus: '$context.integrationStatus',
    integrationLatency: '$context.integrationLatency',
    integrationError: '$context.integrationErrorMessage',
    error: '$context.error.message',
  }),
);

/** The custom metric counting requests the gateway throttled (from the access log), per API. */
export const API_THROTTLED_METRIC = { namespace: 'Jingzhun/ApiGateway', metricName: 'Throttled' } as const;

/**
 * The stage's alarm topic: encrypted with its own key (rotated yearly), which CloudWatch may use to
 * publish (the AWS-managed SNS key does not let CloudWatch alarms publish); TLS only; e-mailed to
 * every address of the stage's `alarmEmails` (none: the topic exists without subscriptions).
 */
export function createAlarmTopic(scope: Construct, naming: StageNaming): Topic {
  const key = new Key(scope, 'AlarmTopicKey', {
    description: `Jingzhun ${naming.stage.name}: encrypts the alarm topic ${alarmNames.topic(naming)}`,
    enableKeyRotation: true,
    removalPolicy: RemovalPolicy.DESTROY,
    pendingWindow: Duration.days(7),
  });
  key.addToResourcePolicy(
    new PolicyStatement({
      sid: 'CloudWatchAlarmsPublish',
      effect: Effect.ALLOW,
      principals: [new ServicePrincipal('cloudwatch.amazonaws.com')],
      actions: ['kms:Decrypt', 'kms:GenerateDataKey*'],
      resources: ['*'],
    }),
  );
  const topic = new Topic(scope, 'AlarmTopic', {
    topicName: alarmNames.topic(naming),
    displayName: `精准扶贫 ${naming.stage.name} 告警`,
    masterKey: key,
    enforceSSL: true,
  });
  topic.addToResourcePolicy(
    new PolicyStatement({
      sid: 'CloudWatchAlarmsOfThisAccount',
      effect: Effect.ALLOW,
      principals: [new ServicePrincipal('cloudwatch.amazonaws.com')],
      actions: ['sns:Publish'],
      resources: [topic.topicArn],
      conditions: { StringEquals: { 'aws:SourceAccount': Stack.of(scope).account } },
    }),
  );
  for (const email of naming.stage.alarmEmails ?? []) topic.addSubscription(new EmailSubscription(email));
  return topic;
}

/** An alarm that notifies the topic when it fires and when it clears; missing data is not a failure. */
export function notifyingAlarm(
  scope: Construct,
  id: string,
  props: { topic: ITopic; alarmName: string; description: string; metric: IMetric; threshold: number; evaluationPeriods?: number },
): Alarm {
  const alarm = new Alarm(scope, id, {
    alarmName: props.alarmName,
    alarmDescription: props.description,
    metric: props.metric,
    threshold: props.threshold,
    comparisonOperator: ComparisonOperator.GREATER_THAN_THRESHOLD,
    evaluationPeriods: props.evaluationPeriods ?? 1,
    treatMissingData: TreatMissingData.NOT_BREACHING,
  });
  const action = new SnsAction(props.topic);
  alarm.addAlarmAction(action);
  alarm.addOkAction(action);
  return alarm;
}

export interface ServiceMonitoringProps extends NestedStackProps {
  naming: StageNaming;
  manifest: ServiceManifest;
  topic: ITopic;
  deadLetters: IQueue;
  /** The scheduled jobs' functions, by job name (invoked asynchronously by EventBridge Scheduler). */
  jobs: { name: string; fn: IFunction }[];
  /** The EventBridge rule targets (invoked asynchronously by the rules). */
  subscribers: IFunction[];
  relay: IFunction;
}

/**
 * What watches one service, in a nested stack of its service stack (the dispatch stack alone holds
 * about 470 resources; CloudFormation allows 500 in a stack): the alarms on its dead-letter queue,
 * on every job function and on the outbox relay, and the async-invocation settings of every
 * function a schedule or a rule invokes. The service stack hands it its functions and queue as
 * nested-stack parameters, not exports, so nothing here pins a function.
 */
export class ServiceMonitoring extends NestedStack {
  readonly alarms: Alarm[];

  constructor(scope: Construct, id: string, props: ServiceMonitoringProps) {
    super(scope, id, props);
    const { naming, manifest, topic, deadLetters } = props;
    const service = manifest.name;

    // Lambda retries a failed asynchronous run, then sends its invocation record (the input, the
    // error) to the dead-letter queue instead of dropping it; SqsDestination grants each function
    // sqs:SendMessage on that queue only.
    const asyncFunctions = [...props.jobs.map(({ fn }) => fn), ...props.subscribers];
    asyncFunctions.forEach((fn, index) => {
      new EventInvokeConfig(this, `AsyncInvoke${index}`, {
        function: fn,
        onFailure: new SqsDestination(deadLetters),
        retryAttempts: ASYNC_RETRY.retryAttempts,
        maxEventAge: ASYNC_RETRY.maxEventAge,
      });
    });

    this.alarms = [
      notifyingAlarm(this, 'DeadLettersAlarm', {
        topic,
        alarmName: alarmNames.deadLetters(naming, service),
        description: `${service} 服务的死信队列 ${deadLetterQueueName(naming, service)} 有未处理的消息（事件、定时任务或流批次重试后仍失败）。处理与重投见 docs/operations.md。`,
        metric: deadLetters.metricApproximateNumberOfMessagesVisible({ period: ALARM_PERIOD, statistic: Stats.MAXIMUM }),
        threshold: ALARM_THRESHOLDS.deadLetters,
      }),
      ...props.jobs.map(({ name, fn }) =>
        notifyingAlarm(this, `${constructIdOf(name)}JobErrorsAlarm`, {
          topic,
          alarmName: alarmNames.jobErrors(naming, service, name),
          description: `${service} 服务的定时任务 ${name} 执行失败（错误或超时）；重试两次后仍失败的调用进入死信队列。见 docs/operations.md。`,
          metric: fn.metricErrors({ period: ALARM_PERIOD, statistic: Stats.SUM }),
          threshold: ALARM_THRESHOLDS.jobErrors,
        }),
      ),
      notifyingAlarm(this, 'RelayErrorsAlarm', {
        topic,
        alarmName: alarmNames.relayErrors(naming, service),
        description: `${service} 服务的发件箱转发（表流 → 事件总线）出错，事件会迟到；重试 10 次后仍失败的批次进入死信队列。见 docs/operations.md。`,
        metric: props.relay.metricErrors({ period: ALARM_PERIOD, statistic: Stats.SUM }),
        threshold: ALARM_THRESHOLDS.relayErrors,
      }),
      notifyingAlarm(this, 'RelayIteratorAgeAlarm', {
        topic,
        alarmName: alarmNames.relayIteratorAge(naming, service),
        description: `${service} 服务的发件箱转发落后超过 5 分钟（表流中最旧的未转发记录）；其他服务收到事件会延迟，流记录保留 24 小时。见 docs/operations.md。`,
        metric: props.relay.metric('IteratorAge', { period: ALARM_PERIOD, statistic: Stats.MAXIMUM }),
        threshold: ALARM_THRESHOLDS.relayIteratorAgeMs,
      }),
    ];
  }
}

/** The API's alarms (in the stack that holds the API): 5xx answers and the gateway's throttling. */
export function addApiAlarms(scope: Construct, props: { naming: StageNaming; topic: ITopic; api: HttpApi; stage: HttpStage; accessLogs: ILogGroup }): Alarm[] {
  const { naming, topic } = props;
  new MetricFilter(scope, 'ApiThrottledFilter', {
    logGroup: props.accessLogs,
    filterPattern: FilterPattern.all(FilterPattern.stringValue('$.status', '=', '429'), FilterPattern.stringValue('$.integrationStatus', '=', '-')),
    metricNamespace: API_THROTTLED_METRIC.namespace,
    metricName: API_THROTTLED_METRIC.metricName,
    metricValue: '1',
    dimensions: { ApiId: '$.apiId' },
  });
  return [
    notifyingAlarm(scope, 'Api5xxAlarm', {
      topic,
      alarmName: alarmNames.api5xx(naming),
      description: '接口返回了 5xx（处理函数出错、超时或被限流）。按访问日志中的 requestId 查函数日志，见 docs/operations.md。',
      metric: props.stage.metricServerError({ period: ALARM_PERIOD, statistic: Stats.SUM }),
      threshold: ALARM_THRESHOLDS.api5xx,
    }),
    notifyingAlarm(scope, 'ApiThrottledAlarm', {
      topic,
      alarmName: alarmNames.apiThrottled(naming),
      description: '接口网关因超过限流（全站或公开路由的速率上限）拒绝了请求（429）。见 docs/operations.md。',
      metric: apiThrottledMetric(props.api.apiId),
      threshold: ALARM_THRESHOLDS.apiThrottled,
    }),
  ];
}

function apiThrottledMetric(apiId: string): Metric {
  return new Metric({ ...API_THROTTLED_METRIC, dimensionsMap: { ApiId: apiId }, period: ALARM_PERIOD, statistic: Stats.SUM });
}

export interface MonitoringStackProps extends StackProps {
  naming: StageNaming;
  manifests: ServiceManifest[];
  api: HttpApi;
  stage: HttpStage;
}

/**
 * The stage's dashboard. It names what it shows by physical name (the dead-letter queues, the
 * alarms), so it needs no export from the service stacks: a replaced function never blocks a
 * deployment. The alarms themselves live beside what they watch (service and shared stacks).
 */
export class MonitoringStack extends Stack {
  readonly dashboard: Dashboard;

  constructor(scope: Construct, id: string, props: MonitoringStackProps) {
    super(scope, id, props);
    const { naming, manifests } = props;
    const imported = new Map<string, IAlarm>();
    const alarm = (name: string): IAlarm => {
      const found = imported.get(name) ?? Alarm.fromAlarmName(this, `Alarm-${name}`, name);
      imported.set(name, found);
      return found;
    };
    const apiAlarms = [alarmNames.api5xx(naming), alarmNames.apiThrottled(naming)];
    const all = [...apiAlarms, ...manifests.flatMap((manifest) => serviceAlarmNames(naming, manifest))].map(alarm);

    this.dashboard = new Dashboard(this, 'Dashboard', {
      dashboardName: alarmNames.dashboard(naming),
      defaultInterval: Duration.days(1),
    });
    this.dashboard.addWidgets(
      new TextWidget({
        markdown: `# 精准扶贫 ${naming.stage.name} 运行监控\n告警发送到 SNS 主题 \`${alarmNames.topic(naming)}\`；每个告警的含义与处理见 docs/operations.md。`,
        width: 24,
        height: 2,
      }),
    );
    this.dashboard.addWidgets(new AlarmStatusWidget({ title: '全部告警', alarms: all, width: 24, height: Math.max(3, Math.ceil(all.length / 4) + 1) }));
    this.dashboard.addWidgets(
      new GraphWidget({
        title: '死信队列积压（条）',
        width: 24,
        left: manifests.map(
          (manifest) =>
            new Metric({
              namespace: 'AWS/SQS',
              metricName: 'ApproximateNumberOfMessagesVisible',
              dimensionsMap: { QueueName: deadLetterQueueName(naming, manifest.name) },
              statistic: Stats.MAXIMUM,
              period: ALARM_PERIOD,
              label: manifest.name,
            }),
        ),
      }),
    );
    const stage = props.stage;
    this.dashboard.addWidgets(
      new GraphWidget({
        title: '接口 5xx 与网关限流（次/5 分钟）',
        width: 8,
        left: [stage.metricServerError({ period: ALARM_PERIOD, statistic: Stats.SUM, label: '5xx' }), apiThrottledMetric(props.api.apiId).with({ label: '限流 429' })],
      }),
      new GraphWidget({
        title: '接口延迟（毫秒）',
        width: 8,
        left: [
          stage.metricLatency({ period: ALARM_PERIOD, statistic: Stats.percentile(50), label: 'p50' }),
          stage.metricLatency({ period: ALARM_PERIOD, statistic: Stats.percentile(99), label: 'p99' }),
        ],
      }),
      new GraphWidget({
        title: '接口请求数与 4xx（次/5 分钟）',
        width: 8,
        left: [
          stage.metricCount({ period: ALARM_PERIOD, statistic: Stats.SUM, label: '请求' }),
          stage.metricClientError({ period: ALARM_PERIOD, statistic: Stats.SUM, label: '4xx' }),
        ],
      }),
    );
    // The business figures the functions count (packages/platform/src/metrics.ts), per day.
    this.dashboard.addWidgets(
      ...Object.entries(BUSINESS_METRICS).map(
        ([name, { service, title }]) =>
          new GraphWidget({
            title,
            width: 6,
            left: [
              new Metric({ namespace: naming.metricsNamespace, metricName: name, dimensionsMap: { service }, statistic: Stats.SUM, period: Duration.days(1), label: service }),
            ],
          }),
      ),
    );
    const jobs = manifests.flatMap((manifest) => manifest.jobs.map((job) => ({ manifest, job })));
    this.dashboard.addWidgets(
      ...jobs.map(
        ({ manifest, job }) =>
          new AlarmWidget({ title: `定时任务错误：${manifest.name} ${job.name}`, alarm: alarm(alarmNames.jobErrors(naming, manifest.name, job.name)), width: 6 }),
      ),
    );
    this.dashboard.addWidgets(
      ...manifests.map((manifest) => new AlarmWidget({ title: `发件箱转发错误：${manifest.name}`, alarm: alarm(alarmNames.relayErrors(naming, manifest.name)), width: 6 })),
    );
    this.dashboard.addWidgets(
      ...manifests.map(
        (manifest) => new AlarmWidget({ title: `发件箱转发延迟（毫秒）：${manifest.name}`, alarm: alarm(alarmNames.relayIteratorAge(naming, manifest.name)), width: 6 }),
      ),
    );
  }
}

function constructIdOf(name: string): string {
  return name.replace(/(^|[-_])(\w)/g, (_, __, char: string) => char.toUpperCase());
}
