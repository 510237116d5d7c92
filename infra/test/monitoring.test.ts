import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { BUSINESS_METRICS, type ServiceManifest } from '@jingzhun/platform';
import { App, Stack } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { describe, expect, it } from 'vitest';
import { manifest as fixture } from '../../packages/local-cloud/test/fixture/manifest.js';
import { services } from '../../services/registry.js';
import { buildApp, type JingzhunStacks } from '../lib/app.js';
import { DEFAULT_STAGE, type StageConfig, stageConfigSchema } from '../lib/stage.js';

/** Every manifest the app is built from: the services and the local-cloud test fixture. */
const manifests = [...services, fixture];

type Resources = Record<string, { Type: string; Properties: Record<string, any> }>;

function build(list: ServiceManifest[], stage: StageConfig = DEFAULT_STAGE) {
  const app = new App({ context: { 'aws:cdk:bundling-stacks': [] } });
  const stacks = buildApp(app, list, { stage });
  const assembly = app.synth();
  return { stacks, assembly };
}

/**
 * One service as deployed: its stack's template and its nested alarms stack's template, with the
 * nested stack's parameters replaced by what the parent passes, so references read as in the parent.
 */
function serviceTemplates(stacks: JingzhunStacks, name: string) {
  const stack = stacks.services[name] as JingzhunStacks['services'][string];
  const parent = Template.fromStack(stack);
  const nested = Template.fromStack(stack.monitoring);
  const [nestedResource] = Object.values(parent.findResources('AWS::CloudFormation::Stack'));
  const parameters: Record<string, unknown> = nestedResource?.Properties.Parameters ?? {};
  const resolve = (value: unknown): unknown => {
    if (Array.isArray(value)) return value.map(resolve);
    if (value && typeof value === 'object') {
      const ref = (value as { Ref?: string }).Ref;
      if (ref !== undefined && Object.keys(value).length === 1 && ref in parameters) return parameters[ref];
      return Object.fromEntries(Object.entries(value).map(([key, inner]) => [key, resolve(inner)]));
    }
    return value;
  };
  const nestedResources = resolve(nested.toJSON().Resources) as Resources;
  const alarms = Object.values(nestedResources).filter((resource) => resource.Type === 'AWS::CloudWatch::Alarm');
  const invokeConfigs = Object.values(nestedResources).filter((resource) => resource.Type === 'AWS::Lambda::EventInvokeConfig');
  const queueId = Object.keys(parent.findResources('AWS::SQS::Queue'))[0] as string;
  return { parent, nested, alarms, invokeConfigs, queueId };
}

const dimension = (alarm: { Properties: Record<string, any> }, name: string) =>
  (alarm.Properties.Dimensions as { Name: string; Value: unknown }[]).find((entry) => entry.Name === name)?.Value;

const dev = build(manifests);
const shared = Template.fromStack(dev.stacks.shared);
const topicId = Object.keys(shared.findResources('AWS::SNS::Topic'))[0] as string;
const monitoring = Template.fromStack(dev.stacks.monitoring);

/** Every alarm of the app: the shared stack's and each service's nested stack's (resolved). */
const everyAlarm = [
  ...Object.values(shared.findResources('AWS::CloudWatch::Alarm')).map((alarm) => ({ where: 'shared', alarm })),
  ...manifests.flatMap((manifest) => serviceTemplates(dev.stacks, manifest.name).alarms.map((alarm) => ({ where: manifest.name, alarm }))),
];

describe('alarms, async failures and the dashboard', () => {
  it('has one alarm topic per stage, encrypted with a rotated key CloudWatch may use, TLS only, without subscriptions when no e-mail is configured', () => {
    shared.resourceCountIs('AWS::SNS::Topic', 1);
    const topic = shared.findResources('AWS::SNS::Topic')[topicId];
    expect(topic?.Properties.TopicName).toBe('jingzhun-alarms');
    const keyId = topic?.Properties.KmsMasterKeyId['Fn::GetAtt'][0];
    const key = shared.findResources('AWS::KMS::Key')[keyId];
    expect(key?.Properties.EnableKeyRotation).toBe(true);
    expect(key?.Properties.KeyPolicy.Statement).toContainEqual(
      expect.objectContaining({ Effect: 'Allow', Principal: { Service: 'cloudwatch.amazonaws.com' }, Action: ['kms:Decrypt', 'kms:GenerateDataKey*'] }),
    );
    const [policy] = Object.values(shared.findResources('AWS::SNS::TopicPolicy'));
    const statements: Record<string, any>[] = policy?.Properties.PolicyDocument.Statement ?? [];
    expect(statements).toContainEqual(expect.objectContaining({ Effect: 'Deny', Condition: { Bool: { 'aws:SecureTransport': 'false' } } }));
    expect(statements).toContainEqual(expect.objectContaining({ Effect: 'Allow', Action: 'sns:Publish', Principal: { Service: 'cloudwatch.amazonaws.com' } }));
    shared.resourceCountIs('AWS::SNS::Subscription', 0);
  });

  it("e-mails every address of the stage's alarmEmails, and refuses a bad or repeated address", () => {
    const stage = stageConfigSchema.parse({ name: 'ops', alarmEmails: ['ops@example.cn', 'duty@example.cn'] });
    const { stacks } = build([fixture], stage);
    const subscriptions = Object.values(Template.fromStack(stacks.shared).findResources('AWS::SNS::Subscription'));
    expect(subscriptions.map((subscription) => [subscription.Properties.Protocol, subscription.Properties.Endpoint]).sort()).toEqual([
      ['email', 'duty@example.cn'],
      ['email', 'ops@example.cn'],
    ]);
    expect(() => stageConfigSchema.parse({ name: 'ops', alarmEmails: ['not-an-address'] })).toThrow(/告警邮箱地址无效/);
    expect(() => stageConfigSchema.parse({ name: 'ops', alarmEmails: ['ops@example.cn', 'OPS@example.cn'] })).toThrow(/告警邮箱地址重复/);
  });

  it("notifies the stage's topic from every alarm, when it fires and when it clears", () => {
    const topicImport = new RegExp(`^\\{"Fn::ImportValue":"Jingzhun-Shared:ExportsOutputRef${topicId}\\w*"\\}$`);
    expect(everyAlarm.length).toBeGreaterThan(manifests.length * 3);
    for (const { where, alarm } of everyAlarm) {
      const name = `${where}/${alarm.Properties.AlarmName}`;
      for (const actions of [alarm.Properties.AlarmActions, alarm.Properties.OKActions]) {
        expect(actions, name).toHaveLength(1);
        if (where === 'shared') expect(actions[0], name).toEqual({ Ref: topicId });
        else expect(JSON.stringify(actions[0]), name).toMatch(topicImport);
      }
      expect(alarm.Properties.TreatMissingData, name).toBe('notBreaching');
      expect(alarm.Properties.AlarmDescription, name).toMatch(/[\u4e00-\u9fff]/);
    }
    // No other stack holds an alarm of its own (one without the nested stacks' checks above).
    for (const stack of [dev.stacks.web, dev.stacks.monitoring, ...Object.values(dev.stacks.services)]) {
      Template.fromStack(stack).resourceCountIs('AWS::CloudWatch::Alarm', 0);
    }
  });

  it("alarms on every service's dead-letter queue as soon as it holds a message", () => {
    for (const manifest of manifests) {
      const { alarms, queueId } = serviceTemplates(dev.stacks, manifest.name);
      const found = alarms.filter((alarm) => alarm.Properties.Namespace === 'AWS/SQS' && alarm.Properties.MetricName === 'ApproximateNumberOfMessagesVisible');
      expect(found, manifest.name).toHaveLength(1);
      expect(dimension(found[0] as Resources[string], 'QueueName'), manifest.name).toEqual({ 'Fn::GetAtt': [queueId, 'QueueName'] });
      expect(found[0]?.Properties, manifest.name).toMatchObject({
        AlarmName: `jingzhun-${manifest.name}-dead-letters-visible`,
        ComparisonOperator: 'GreaterThanThreshold',
        Threshold: 0,
        Statistic: 'Maximum',
        EvaluationPeriods: 1,
      });
    }
  });

  it("alarms on every scheduled job's function errors", () => {
    let jobs = 0;
    for (const manifest of manifests) {
      const { parent, alarms } = serviceTemplates(dev.stacks, manifest.name);
      for (const job of manifest.jobs) {
        jobs += 1;
        const [schedule] = Object.values(parent.findResources('AWS::Scheduler::Schedule', { Properties: { Name: `jingzhun-${manifest.name}-${job.name}` } }));
        const functionId = schedule?.Properties.Target.Arn['Fn::GetAtt'][0];
        expect(functionId, `${manifest.name}/${job.name}`).toBeDefined();
        const found = alarms.filter(
          (alarm) => alarm.Properties.MetricName === 'Errors' && JSON.stringify(dimension(alarm, 'FunctionName')) === JSON.stringify({ Ref: functionId }),
        );
        expect(found, `${manifest.name}/${job.name}`).toHaveLength(1);
        expect(found[0]?.Properties, `${manifest.name}/${job.name}`).toMatchObject({
          AlarmName: `jingzhun-${manifest.name}-job-${job.name}-errors`,
          Namespace: 'AWS/Lambda',
          ComparisonOperator: 'GreaterThanThreshold',
          Threshold: 0,
          Statistic: 'Sum',
        });
      }
    }
    expect(jobs).toBeGreaterThan(manifests.length);
  });

  it("alarms on every outbox relay's errors and on its stream falling five minutes behind", () => {
    for (const manifest of manifests) {
      const { parent, alarms } = serviceTemplates(dev.stacks, manifest.name);
      const [mapping] = Object.values(parent.findResources('AWS::Lambda::EventSourceMapping'));
      const relay = mapping?.Properties.FunctionName;
      expect(relay, manifest.name).toEqual({ Ref: expect.stringMatching(/^OutboxRelay/) });
      const on = (metric: string) => alarms.filter((alarm) => alarm.Properties.MetricName === metric && JSON.stringify(dimension(alarm, 'FunctionName')) === JSON.stringify(relay));
      expect(on('Errors'), manifest.name).toHaveLength(1);
      expect(on('Errors')[0]?.Properties).toMatchObject({ AlarmName: `jingzhun-${manifest.name}-relay-errors`, Threshold: 0, Statistic: 'Sum' });
      expect(on('IteratorAge'), manifest.name).toHaveLength(1);
      expect(on('IteratorAge')[0]?.Properties).toMatchObject({
        AlarmName: `jingzhun-${manifest.name}-relay-iterator-age`,
        Namespace: 'AWS/Lambda',
        Threshold: 300_000,
        Statistic: 'Maximum',
        ComparisonOperator: 'GreaterThanThreshold',
      });
    }
  });

  it('alarms on the API answering 5xx and on the gateway throttling, counted from the JSON access log', () => {
    const apiId = Object.keys(shared.findResources('AWS::ApiGatewayV2::Api'))[0];
    const alarms = Object.values(shared.findResources('AWS::CloudWatch::Alarm'));
    const serverErrors = alarms.find((alarm) => alarm.Properties.Namespace === 'AWS/ApiGateway' && alarm.Properties.MetricName === '5xx');
    expect(serverErrors?.Properties).toMatchObject({ AlarmName: 'jingzhun-api-5xx', Threshold: 0, Statistic: 'Sum' });
    expect(dimension(serverErrors as Resources[string], 'ApiId')).toEqual({ Ref: apiId });
    expect(dimension(serverErrors as Resources[string], 'Stage')).toBe('$default');
    const throttled = alarms.find((alarm) => alarm.Properties.MetricName === 'Throttled');
    expect(throttled?.Properties).toMatchObject({ AlarmName: 'jingzhun-api-throttled', Namespace: 'Jingzhun/ApiGateway', Threshold: 0, Statistic: 'Sum' });
    expect(dimension(throttled as Resources[string], 'ApiId')).toEqual({ Ref: apiId });
    // The metric filter reads the fields the access log writes: a 429 that never reached a function.
    const [stage] = Object.values(shared.findResources('AWS::ApiGatewayV2::Stage'));
    const format = JSON.parse(stage?.Properties.AccessLogSettings.Format);
    expect(format).toMatchObject({ apiId: '$context.apiId', status: '$context.status', integrationStatus: '$context.integrationStatus', requestId: '$context.requestId' });
    const [filter] = Object.values(shared.findResources('AWS::Logs::MetricFilter'));
    expect(filter?.Properties.LogGroupName).toEqual({ Ref: stage?.Properties.AccessLogSettings.DestinationArn['Fn::GetAtt'][0] });
    expect(filter?.Properties.FilterPattern).toBe('{ ($.status = "429") && ($.integrationStatus = "-") }');
    expect(filter?.Properties.MetricTransformations).toEqual([
      { MetricNamespace: 'Jingzhun/ApiGateway', MetricName: 'Throttled', MetricValue: '1', Dimensions: [{ Key: 'ApiId', Value: '$.apiId' }] },
    ]);
  });

  it("sends every failed asynchronous run (schedules and rule targets) to its service's dead-letter queue after explicit retries", () => {
    for (const manifest of manifests) {
      const { parent, invokeConfigs, queueId } = serviceTemplates(dev.stacks, manifest.name);
      const scheduled = Object.values(parent.findResources('AWS::Scheduler::Schedule')).map((schedule) => schedule.Properties.Target.Arn['Fn::GetAtt'][0]);
      const targeted = Object.values(parent.findResources('AWS::Events::Rule')).flatMap((rule) =>
        rule.Properties.Targets.map((target: { Arn: { 'Fn::GetAtt': string[] } }) => target.Arn['Fn::GetAtt'][0]),
      );
      const asynchronous = [...new Set([...scheduled, ...targeted])];
      expect(asynchronous, manifest.name).toHaveLength(manifest.jobs.length + new Set(manifest.subscriptions.map((sub) => sub.handler)).size);
      expect(invokeConfigs, manifest.name).toHaveLength(asynchronous.length);
      const queueArn = { 'Fn::GetAtt': [queueId, 'Arn'] };
      const policies = Object.values(parent.findResources('AWS::IAM::Policy'));
      const functions = parent.findResources('AWS::Lambda::Function');
      for (const functionId of asynchronous) {
        const configs = invokeConfigs.filter((config) => JSON.stringify(config.Properties.FunctionName) === JSON.stringify({ Ref: functionId }));
        expect(configs, `${manifest.name}/${functionId}`).toHaveLength(1);
        expect(configs[0]?.Properties, `${manifest.name}/${functionId}`).toEqual({
          FunctionName: { Ref: functionId },
          Qualifier: '$LATEST',
          MaximumRetryAttempts: 2,
          MaximumEventAgeInSeconds: 21_600,
          DestinationConfig: { OnFailure: { Destination: queueArn } },
        });
        // The function's own role may send to that queue (the on-failure record is sent as the function).
        const role = functions[functionId]?.Properties.Role['Fn::GetAtt'][0];
        const sends = policies.some(
          (policy) =>
            policy.Properties.Roles.some((r: { Ref: string }) => r.Ref === role) &&
            policy.Properties.PolicyDocument.Statement.some(
              (statement: { Action: string | string[]; Resource: unknown }) =>
                [statement.Action].flat().includes('sqs:SendMessage') && JSON.stringify(statement.Resource) === JSON.stringify(queueArn),
            ),
        );
        expect(sends, `${manifest.name}/${functionId} may send to its dead-letter queue`).toBe(true);
      }
    }
  });

  it('adds the alarm and the on-failure destination of a job a manifest gains, without anything else to change', () => {
    const grown = { ...fixture, jobs: [...fixture.jobs, { name: 'tock', schedule: 'cron(0 9 2 * ? *)', handler: 'handlers.ts#tock', description: 'second test job' }] };
    const { stacks } = build([grown]);
    const { alarms, invokeConfigs } = serviceTemplates(stacks, 'fixture');
    expect(alarms.map((alarm) => alarm.Properties.AlarmName)).toContain('jingzhun-fixture-job-tock-errors');
    expect(invokeConfigs).toHaveLength(3);
    expect(JSON.stringify(Template.fromStack(stacks.monitoring).toJSON())).toContain('alarm:jingzhun-fixture-job-tock-errors');
  });

  it('has one dashboard per stage with every dead-letter queue, every alarm, and the API figures', () => {
    const dashboards = Object.values(monitoring.findResources('AWS::CloudWatch::Dashboard'));
    expect(dashboards).toHaveLength(1);
    expect(dashboards[0]?.Properties.DashboardName).toBe('jingzhun-operations');
    // The body is a Fn::Join of JSON text and references (region, account, the API id).
    const parts: unknown[] = dashboards[0]?.Properties.DashboardBody['Fn::Join'][1];
    const body = JSON.parse(parts.map((part) => (typeof part === 'string' ? part : `<${JSON.stringify(part).replace(/"/g, "'")}>`)).join(''));
    const widgets: { type: string; properties: Record<string, any> }[] = body.widgets;
    const metrics = widgets.flatMap((widget) => (widget.properties.metrics ?? []) as unknown[][]);
    const queues = metrics.filter((metric) => metric[1] === 'ApproximateNumberOfMessagesVisible').map((metric) => metric[3]);
    expect(queues.sort()).toEqual(manifests.map((manifest) => `jingzhun-${manifest.name}-dead-letters`).sort());
    // It shows exactly the alarms the stacks create, by name (no export from a service stack).
    const arns = widgets.flatMap((widget) => [...(widget.properties.alarms ?? []), ...(widget.properties.annotations?.alarms ?? [])] as string[]);
    const shown = new Set(arns.map((arn) => arn.split(':alarm:')[1]));
    expect(shown).toEqual(new Set(everyAlarm.map(({ alarm }) => alarm.Properties.AlarmName)));
    const statusWidget = widgets.find((widget) => widget.type === 'alarm');
    expect(statusWidget?.properties.alarms).toHaveLength(everyAlarm.length);
    const apiId = Object.keys(shared.findResources('AWS::ApiGatewayV2::Api'))[0] as string;
    const apiMetrics = metrics.filter((metric) => metric[2] === 'ApiId');
    for (const [namespace, name] of [
      ['AWS/ApiGateway', '5xx'],
      ['AWS/ApiGateway', 'Latency'],
      ['AWS/ApiGateway', 'Count'],
      ['Jingzhun/ApiGateway', 'Throttled'],
    ]) {
      const found = apiMetrics.filter((metric) => metric[0] === namespace && metric[1] === name);
      expect(found.length, name).toBeGreaterThan(0);
      for (const metric of found) expect(metric[3], name).toContain(apiId);
    }
    expect(apiMetrics.filter((metric) => metric[1] === 'Latency').map((metric) => (metric.at(-1) as { stat: string }).stat)).toEqual(['p50', 'p99']);
    // The business figures (EMF) of the stage's namespace, by the service that counts each.
    const business = metrics.filter((metric) => metric[0] === 'Jingzhun' && metric[2] === 'service');
    expect(Object.fromEntries(business.map((metric) => [metric[1], metric[3]]))).toEqual(
      Object.fromEntries(Object.entries(BUSINESS_METRICS).map(([name, { service }]) => [name, service])),
    );
    for (const { service } of Object.values(BUSINESS_METRICS)) expect(manifests.map((manifest) => manifest.name)).toContain(service);
    // Only the shared stack's API id is imported: nothing pins a service stack's function.
    expect(JSON.stringify(monitoring.toJSON())).not.toMatch(/Fn::ImportValue":"Jingzhun-(?!Shared)/);
  });

  it('gives two stages disjoint topic, dashboard and alarm names (nested stacks included)', () => {
    const names = (built: ReturnType<typeof build>) => {
      const found: string[] = [];
      const templates = [
        ...built.assembly.stacks.map((stack) => stack.template),
        ...readdirSync(built.assembly.directory)
          .filter((file) => file.endsWith('.nested.template.json'))
          .map((file) => JSON.parse(readFileSync(join(built.assembly.directory, file), 'utf8'))),
      ];
      for (const template of templates) {
        for (const resource of Object.values((template.Resources ?? {}) as Resources)) {
          for (const property of ['TopicName', 'DashboardName', 'AlarmName']) {
            const value = resource.Properties?.[property];
            if (typeof value === 'string') found.push(`${property}=${value}`);
          }
        }
      }
      return found;
    };
    const prod = build(manifests, stageConfigSchema.parse({ name: 'prod', alarmEmails: ['ops@example.cn'] }));
    const devNames = names(dev);
    const prodNames = names(prod);
    expect(devNames.length).toBe(everyAlarm.length + 2);
    expect(prodNames.length).toBe(devNames.length);
    expect(prodNames).toContain('TopicName=jingzhun-prod-alarms');
    expect(prodNames).toContain('DashboardName=jingzhun-prod-operations');
    expect(prodNames).toContain('AlarmName=jingzhun-prod-subsidy-job-monthly-run-errors');
    expect(prodNames.filter((name) => devNames.includes(name))).toEqual([]);
    expect(Stack.of(prod.stacks.monitoring).stackName).toBe('Jingzhun-prod-Monitoring');
  }, 180_000);
});
