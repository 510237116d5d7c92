import { App, Stack, Validations } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import { Bucket } from 'aws-cdk-lib/aws-s3';
import { AwsSolutionsChecks } from 'cdk-nag';
import { describe, expect, it } from 'vitest';
import { manifest as fixture } from '../../packages/local-cloud/test/fixture/manifest.js';
import { services } from '../../services/registry.js';
import { buildApp } from '../lib/app.js';

/** Synthesises without bundling (`aws:cdk:bundling-stacks: []`), with the AwsSolutions checks on. */
function synth(extra?: (app: App) => void) {
  const app = new App({ context: { 'aws:cdk:bundling-stacks': [] } });
  const stacks = buildApp(app, [...services, fixture]);
  extra?.(app);
  Validations.of(app).addPlugins(new AwsSolutionsChecks(app));
  const assembly = app.synth();
  return { app, stacks, assembly };
}

const built = synth();
const templates = Object.fromEntries(Object.entries(built.stacks.services).map(([name, stack]) => [name, Template.fromStack(stack)]));
const shared = Template.fromStack(built.stacks.shared);

describe('CDK app built from the manifests', () => {
  it('passes the cdk-nag AwsSolutions checks (acknowledgements carry reasons)', () => {
    expect(built.assembly.stacks.map((stack) => stack.stackName).sort()).toEqual(
      ['Jingzhun-Shared', ...[...services, fixture].map((m) => `Jingzhun-${m.name.charAt(0).toUpperCase()}${m.name.slice(1)}`)].sort(),
    );
  });

  it('fails synthesis when a resource breaks an AwsSolutions rule', () => {
    expect(() =>
      synth((app) => {
        const stack = new Stack(app, 'Careless');
        new Bucket(stack, 'NoSslNoLogs');
      }),
    ).toThrow(/AwsSolutions-S1|S3 Bucket has server access/);
  });

  it('gives every service one table with PITR, RETAIN, a stream and TTL', () => {
    for (const [name, template] of Object.entries(templates)) {
      template.resourceCountIs('AWS::DynamoDB::Table', 1);
      template.hasResource('AWS::DynamoDB::Table', {
        DeletionPolicy: 'Retain',
        UpdateReplacePolicy: 'Retain',
        Properties: Match.objectLike({
          TableName: `jingzhun-${[...services, fixture].find((m) => m.name === name)?.table.name}`,
          PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true },
          StreamSpecification: { StreamViewType: 'NEW_IMAGE' },
          TimeToLiveSpecification: { AttributeName: 'ttl', Enabled: true },
          BillingMode: 'PAY_PER_REQUEST',
        }),
      });
    }
  });

  it('lets every function reach only its own service table', () => {
    for (const [name, template] of Object.entries(templates)) {
      const tableId = Object.keys(template.findResources('AWS::DynamoDB::Table'))[0];
      const policies = template.findResources('AWS::IAM::Policy');
      for (const [policyId, policy] of Object.entries(policies)) {
        for (const statement of policy.Properties.PolicyDocument.Statement) {
          const actions: string[] = [statement.Action].flat();
          if (!actions.some((action) => action.startsWith('dynamodb:'))) continue;
          const resources = JSON.stringify(statement.Resource);
          if (resources === '"*"') {
            expect(actions, `${name}/${policyId}`).toEqual(['dynamodb:ListStreams']);
            continue;
          }
          const referenced = [...resources.matchAll(/"Fn::GetAtt":\["([^"]+)"/g)].map((match) => match[1]);
          expect(referenced.length, `${name}/${policyId}`).toBeGreaterThan(0);
          expect(new Set(referenced), `${name}/${policyId} reaches another table`).toEqual(new Set([tableId]));
          expect(resources).not.toContain('Fn::ImportValue');
        }
      }
    }
  });

  it('runs every function on nodejs22.x, arm64, with the table name in its environment', () => {
    for (const template of Object.values(templates)) {
      for (const fn of Object.values(template.findResources('AWS::Lambda::Function'))) {
        expect(fn.Properties.Runtime).toBe('nodejs22.x');
        expect(fn.Properties.Architectures).toEqual(['arm64']);
      }
    }
  });

  it('puts the JWT authorizer on every staff route and none on public routes', () => {
    for (const manifest of [...services, fixture]) {
      const template = templates[manifest.name] as Template;
      const routes = Object.values(template.findResources('AWS::ApiGatewayV2::Route'));
      expect(routes).toHaveLength(manifest.routes.length);
      for (const route of manifest.routes) {
        const key = `${route.contract.method} ${route.contract.path}`;
        const found = routes.find((candidate) => candidate.Properties.RouteKey === key);
        expect(found, key).toBeDefined();
        expect(found?.Properties.AuthorizationType, key).toBe(route.contract.auth === 'staff' ? 'JWT' : 'NONE');
      }
    }
  });

  it('schedules jobs in Asia/Shanghai with the manifest cron and the job name as input', () => {
    const template = templates.fixture as Template;
    template.hasResourceProperties('AWS::Scheduler::Schedule', {
      ScheduleExpression: 'cron(0 9 1 * ? *)',
      ScheduleExpressionTimezone: 'Asia/Shanghai',
      Target: Match.objectLike({ Input: Match.serializedJson(Match.objectLike({ job: 'tick' })) }),
    });
    for (const manifest of services) {
      const schedules = (templates[manifest.name] as Template).findResources('AWS::Scheduler::Schedule');
      expect(Object.keys(schedules)).toHaveLength(manifest.jobs.length);
      for (const schedule of Object.values(schedules)) expect(schedule.Properties.ScheduleExpressionTimezone).toBe('Asia/Shanghai');
    }
  });

  it('routes subscribed events from the bus and relays the outbox from the stream', () => {
    const template = templates.fixture as Template;
    template.hasResourceProperties('AWS::Events::Rule', { EventPattern: { 'detail-type': ['fixture.note.created'] } });
    template.hasResourceProperties('AWS::Lambda::EventSourceMapping', {
      FunctionResponseTypes: ['ReportBatchItemFailures'],
      FilterCriteria: { Filters: [{ Pattern: Match.stringLikeRegexp('outbox') }] },
    });
  });

  it('shares one bus, a staff user pool with the role and region claims, and a throttled, logged API', () => {
    shared.resourceCountIs('AWS::Events::EventBus', 1);
    shared.hasResourceProperties('AWS::Cognito::UserPool', {
      MfaConfiguration: 'ON',
      Schema: Match.arrayWith([Match.objectLike({ Name: 'role' }), Match.objectLike({ Name: 'region' })]),
    });
    shared.hasResourceProperties('AWS::ApiGatewayV2::Authorizer', { AuthorizerType: 'JWT' });
    shared.hasResourceProperties('AWS::ApiGatewayV2::Stage', {
      DefaultRouteSettings: Match.objectLike({ ThrottlingRateLimit: 500 }),
      AccessLogSettings: Match.objectLike({ DestinationArn: Match.anyValue() }),
    });
  });
});
