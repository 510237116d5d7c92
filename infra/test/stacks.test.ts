import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { App, Stack, Validations } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import { CachePolicy, OriginRequestPolicy } from 'aws-cdk-lib/aws-cloudfront';
import { Bucket } from 'aws-cdk-lib/aws-s3';
import { AssetManifestArtifact } from 'aws-cdk-lib/cx-api';
import { AwsSolutionsChecks } from 'cdk-nag';
import { describe, expect, it } from 'vitest';
import { manifest as fixture } from '../../packages/local-cloud/test/fixture/manifest.js';
import { services } from '../../services/registry.js';
import { buildApp } from '../lib/app.js';
import { REPO_ROOT } from '../lib/paths.js';
import { apiPathPatterns } from '../lib/web-stack.js';

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
const web = Template.fromStack(built.stacks.web);

describe('CDK app built from the manifests', () => {
  it('passes the cdk-nag AwsSolutions checks (acknowledgements carry reasons)', () => {
    expect(built.assembly.stacks.map((stack) => stack.stackName).sort()).toEqual(
      ['Jingzhun-Shared', 'Jingzhun-Web', ...[...services, fixture].map((m) => `Jingzhun-${m.name.charAt(0).toUpperCase()}${m.name.slice(1)}`)].sort(),
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

  describe('web (S3 + CloudFront)', () => {
    const distribution = Object.values(web.findResources('AWS::CloudFront::Distribution'));
    const config = distribution[0]?.Properties.DistributionConfig;
    const siteId = Object.keys(web.findResources('AWS::S3::Bucket', { Properties: { VersioningConfiguration: { Status: 'Enabled' } } }))[0] as string;
    const behaviours: { PathPattern: string; [key: string]: unknown }[] = config.CacheBehaviors;
    /** CloudFront path patterns: `*` matches any characters, everything else literally. */
    const matches = (pattern: string, path: string) => new RegExp(`^${pattern.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*')}$`).test(path);

    it('keeps the site bucket private, SSL-only, encrypted, versioned and retained, readable only by the distribution', () => {
      expect(distribution).toHaveLength(1);
      web.hasResource('AWS::S3::Bucket', {
        DeletionPolicy: 'Retain',
        Properties: Match.objectLike({
          PublicAccessBlockConfiguration: { BlockPublicAcls: true, BlockPublicPolicy: true, IgnorePublicAcls: true, RestrictPublicBuckets: true },
          BucketEncryption: { ServerSideEncryptionConfiguration: [{ ServerSideEncryptionByDefault: { SSEAlgorithm: 'AES256' } }] },
          VersioningConfiguration: { Status: 'Enabled' },
          LoggingConfiguration: Match.objectLike({ DestinationBucketName: Match.anyValue() }),
        }),
      });
      const [policy] = Object.values(web.findResources('AWS::S3::BucketPolicy', { Properties: { Bucket: { Ref: siteId } } }));
      const statements: Record<string, any>[] = policy?.Properties.PolicyDocument.Statement ?? [];
      expect(statements).toContainEqual(expect.objectContaining({ Effect: 'Deny', Action: 's3:*', Condition: { Bool: { 'aws:SecureTransport': 'false' } } }));
      const allows = statements.filter((statement) => statement.Effect === 'Allow');
      expect(allows).toHaveLength(1);
      expect(allows[0]).toMatchObject({ Action: 's3:GetObject', Principal: { Service: 'cloudfront.amazonaws.com' } });
      expect(JSON.stringify(allows[0]?.Condition)).toContain('Distribution');
    });

    it('serves index.html over HTTPS (HTTP redirected) from the bucket through Origin Access Control, with a CSP', () => {
      expect(config.DefaultRootObject).toBe('index.html');
      expect(config.DefaultCacheBehavior.ViewerProtocolPolicy).toBe('redirect-to-https');
      expect(config.DefaultCacheBehavior.Compress).toBe(true);
      const siteOrigin = config.Origins.find((origin: any) => origin.Id === config.DefaultCacheBehavior.TargetOriginId);
      expect(siteOrigin.DomainName).toEqual({ 'Fn::GetAtt': [siteId, 'RegionalDomainName'] });
      expect(siteOrigin.OriginAccessControlId).toEqual({ 'Fn::GetAtt': [expect.any(String), 'Id'] });
      web.hasResourceProperties('AWS::CloudFront::OriginAccessControl', {
        OriginAccessControlConfig: Match.objectLike({ OriginAccessControlOriginType: 's3', SigningBehavior: 'always', SigningProtocol: 'sigv4' }),
      });
      expect(config.Logging).toMatchObject({ Bucket: { 'Fn::GetAtt': [expect.any(String), 'RegionalDomainName'] } });
      const headers = web.findResources('AWS::CloudFront::ResponseHeadersPolicy')[config.DefaultCacheBehavior.ResponseHeadersPolicyId.Ref];
      const csp = JSON.stringify(headers?.Properties.ResponseHeadersPolicyConfig.SecurityHeadersConfig.ContentSecurityPolicy);
      expect(csp).toContain("default-src 'self'");
      expect(csp).toContain("script-src 'self'");
      expect(csp).toContain("frame-ancestors 'none'");
      expect(csp).not.toContain('unsafe-');
    });

    it('forwards every API path to the HTTP API, uncached, with every viewer header but Host', () => {
      const patterns = apiPathPatterns([...services, fixture]);
      const apiBehaviours = behaviours.filter((behaviour) => patterns.includes(behaviour.PathPattern));
      expect(apiBehaviours.map((behaviour) => behaviour.PathPattern).sort()).toEqual(patterns);
      const apiOrigin = config.Origins.find((origin: any) => origin.Id === apiBehaviours[0]?.TargetOriginId);
      expect(JSON.stringify(apiOrigin.DomainName)).toMatch(/Fn::ImportValue.*Jingzhun-Shared:.*ApiEndpoint/);
      expect(apiOrigin.CustomOriginConfig).toMatchObject({ OriginProtocolPolicy: 'https-only' });
      for (const behaviour of apiBehaviours) {
        expect(behaviour, behaviour.PathPattern).toMatchObject({
          TargetOriginId: apiOrigin.Id,
          CachePolicyId: CachePolicy.CACHING_DISABLED.cachePolicyId,
          OriginRequestPolicyId: OriginRequestPolicy.ALL_VIEWER_EXCEPT_HOST_HEADER.originRequestPolicyId,
          AllowedMethods: expect.arrayContaining(['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS']),
          ViewerProtocolPolicy: 'https-only',
        });
      }
      // Every route reaches the API; no web file does.
      for (const manifest of [...services, fixture]) {
        for (const { contract } of manifest.routes) {
          const sample = contract.path.replace(/\{\w+\}/g, 'x');
          expect(
            apiBehaviours.some((behaviour) => matches(behaviour.PathPattern, sample)),
            sample,
          ).toBe(true);
        }
      }
      for (const file of ['/', '/index.html', '/assets/index-abc.js', '/regions.json', '/openapi.json', '/config.json']) {
        expect(
          apiBehaviours.some((behaviour) => matches(behaviour.PathPattern, file)),
          file,
        ).toBe(false);
      }
    });

    it('refuses an API prefix that would shadow the web files', () => {
      const route = fixture.routes[0] as (typeof fixture.routes)[number];
      const clash = { ...fixture, routes: [{ ...route, contract: { ...route.contract, path: '/assets/{id}' } }] };
      expect(() => apiPathPatterns([clash])).toThrow(/cannot be routed/);
    });

    it('deploys the web build and the openapi.json generated from the manifests, then invalidates the distribution', () => {
      const deployments = Object.values(web.findResources('Custom::CDKBucketDeployment'));
      for (const deployment of deployments) expect(deployment.Properties.DestinationBucketName).toEqual({ Ref: siteId });
      const pages = deployments.find((deployment) => deployment.Properties.DistributionPaths);
      expect(pages?.Properties.DistributionPaths).toEqual(['/*']);
      // Bundling is off here: the web source is packages/web itself (no build, no dist/ needed);
      // `cdk synth` runs the Vite build as the asset's local bundling.
      const assetManifest = built.assembly.getStackByName('Jingzhun-Web').dependencies.find((artifact) => artifact instanceof AssetManifestArtifact) as AssetManifestArtifact;
      const sources = ((pages?.Properties.SourceObjectKeys ?? []) as string[]).map((key) => assetManifest.contents.files?.[key.replace(/\.zip$/, '')]?.source.path ?? '');
      expect(sources).toHaveLength(2);
      expect(sources).toContain(join(REPO_ROOT, 'packages/web'));
      const documents = sources
        .map((path) => join(built.assembly.directory, path, 'openapi.json'))
        .filter((path) => existsSync(path))
        .map((path) => JSON.parse(readFileSync(path, 'utf8')));
      expect(documents).toHaveLength(1);
      const document = documents[0];
      expect(document.openapi).toBe('3.1.0');
      for (const manifest of [...services, fixture]) {
        for (const { contract } of manifest.routes) expect(document.paths[contract.path]?.[contract.method.toLowerCase()]?.operationId, contract.path).toBe(contract.id);
      }
      const openapi = behaviours.find((behaviour) => behaviour.PathPattern === '/openapi.json');
      expect(openapi?.TargetOriginId).toBe(config.DefaultCacheBehavior.TargetOriginId);
      web.hasOutput('WebUrl', {});
    });
  });
});
