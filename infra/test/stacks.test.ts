import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { FRONT_DOOR } from '@jingzhun/platform';
import { OVERRIDDEN_METHODS } from '@jingzhun/types';
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

/** Every manifest the app is built from: the services and the local-cloud test fixture. */
const manifests = [...services, fixture];

/** Synthesises without bundling (`aws:cdk:bundling-stacks: []`), with the AwsSolutions checks on. */
function synth(extra?: (app: App) => void, context: Record<string, string> = {}) {
  const app = new App({ context: { 'aws:cdk:bundling-stacks': [], ...context } });
  const stacks = buildApp(app, manifests);
  extra?.(app);
  Validations.of(app).addPlugins(new AwsSolutionsChecks(app));
  const assembly = app.synth();
  return { app, stacks, assembly };
}

/** A test that synthesises the whole app again (10–40 s on this 2-core machine, depending on its load). */
const FULL_SYNTH_TIMEOUT = 180_000;

const built = synth();
const templates = Object.fromEntries(Object.entries(built.stacks.services).map(([name, stack]) => [name, Template.fromStack(stack)]));
const shared = Template.fromStack(built.stacks.shared);
const web = Template.fromStack(built.stacks.web);

describe('CDK app built from the manifests', () => {
  it('passes the cdk-nag AwsSolutions checks (acknowledgements carry reasons)', () => {
    expect(built.assembly.stacks.map((stack) => stack.stackName).sort()).toEqual(
      ['Jingzhun-Shared', 'Jingzhun-Web', 'Jingzhun-Monitoring', ...manifests.map((m) => `Jingzhun-${m.name.charAt(0).toUpperCase()}${m.name.slice(1)}`)].sort(),
    );
  });

  it(
    'fails synthesis when a resource breaks an AwsSolutions rule',
    () => {
      expect(() =>
        synth((app) => {
          const stack = new Stack(app, 'Careless');
          new Bucket(stack, 'NoSslNoLogs');
        }),
      ).toThrow(/AwsSolutions-S1|S3 Bucket has server access/);
    },
    FULL_SYNTH_TIMEOUT,
  );

  it('gives every service one table with PITR, RETAIN, a stream and TTL', () => {
    for (const [name, template] of Object.entries(templates)) {
      template.resourceCountIs('AWS::DynamoDB::Table', 1);
      template.hasResource('AWS::DynamoDB::Table', {
        DeletionPolicy: 'Retain',
        UpdateReplacePolicy: 'Retain',
        Properties: Match.objectLike({
          TableName: `jingzhun-${manifests.find((m) => m.name === name)?.table.name}`,
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
    for (const manifest of manifests) {
      const template = templates[manifest.name] as Template;
      const routes = Object.values(template.findResources('AWS::ApiGatewayV2::Route'));
      // PATCH routes have a POST twin for clients without PATCH (wx.request), with the same authorizer.
      const twins = manifest.routes.filter((route) => OVERRIDDEN_METHODS.includes(route.contract.method));
      expect(routes).toHaveLength(manifest.routes.length + twins.length);
      for (const twin of twins) {
        const found = routes.find((candidate) => candidate.Properties.RouteKey === `POST ${twin.contract.path}`);
        expect(found?.Properties.AuthorizationType, `POST twin of ${twin.contract.path}`).toBe(twin.contract.auth === 'staff' ? 'JWT' : 'NONE');
      }
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

  it('tells a first-working-day job so in its schedule input (the job skips the other days itself)', () => {
    const wd1 = services.flatMap((manifest) => manifest.jobs.filter((job) => job.onlyOn === 'first-working-day').map((job) => ({ manifest, job })));
    expect(wd1.length).toBeGreaterThan(0);
    for (const { manifest, job } of wd1) {
      (templates[manifest.name] as Template).hasResourceProperties('AWS::Scheduler::Schedule', {
        ScheduleExpression: job.schedule,
        Target: Match.objectLike({ Input: Match.serializedJson(Match.objectLike({ job: job.name, onlyOn: 'first-working-day' })) }),
      });
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

  it("gives every event target, schedule and stream relay the service's dead-letter queue (redriven as docs/development.md says)", () => {
    for (const [name, template] of Object.entries(templates)) {
      const queues = template.findResources('AWS::SQS::Queue', { Properties: { QueueName: `jingzhun-${name}-dead-letters` } });
      expect(Object.keys(queues), name).toHaveLength(1);
      const queueArn = { 'Fn::GetAtt': [Object.keys(queues)[0], 'Arn'] };
      const rules = Object.values(template.findResources('AWS::Events::Rule'));
      const manifest = manifests.find((m) => m.name === name);
      expect(rules.length, name).toBe(new Set(manifest?.subscriptions.map((sub) => sub.handler)).size);
      for (const rule of rules) {
        for (const target of rule.Properties.Targets) {
          expect(target.DeadLetterConfig, name).toEqual({ Arn: queueArn });
          expect(target.RetryPolicy, name).toEqual({ MaximumRetryAttempts: 8, MaximumEventAgeInSeconds: 86_400 });
        }
      }
      for (const schedule of Object.values(template.findResources('AWS::Scheduler::Schedule')))
        expect(schedule.Properties.Target.DeadLetterConfig, name).toEqual({ Arn: queueArn });
      const mappings = Object.values(template.findResources('AWS::Lambda::EventSourceMapping'));
      expect(mappings, name).toHaveLength(1);
      for (const mapping of mappings) expect(mapping.Properties.DestinationConfig, name).toEqual({ OnFailure: { Destination: queueArn } });
    }
  });

  it('creates the name-search key in Secrets Manager and lets only the notices functions that hash names read it', () => {
    const notices = templates.notices as Template;
    const secrets = notices.findResources('AWS::SecretsManager::Secret', { Properties: { Name: 'jingzhun/notices/name-key' } });
    const [secretId] = Object.keys(secrets);
    expect(secretId).toBeDefined();
    expect(secrets[secretId as string]?.Properties.GenerateSecretString).toMatchObject({ PasswordLength: 48 });
    const noticesManifest = manifests.find((m) => m.name === 'notices');
    const readers = noticesManifest?.secrets?.[0]?.readers ?? [];
    expect(readers.map((ref) => ref.split('#')[1]).sort()).toEqual(['createNotice', 'onNoticeRequested', 'publishNotice', 'searchVillage']);
    const functions = notices.findResources('AWS::Lambda::Function');
    const holders = Object.entries(functions).filter(([, fn]) => fn.Properties.Environment?.Variables?.JZ_NOTICES_NAME_KEY_SECRET !== undefined);
    expect(holders.map(([, fn]) => String(fn.Properties.Description).split(':')[0]).sort()).toEqual([
      'notices-createNotice',
      'notices-onNoticeRequested',
      'notices-publishNotice',
      'notices-searchVillage',
    ]);
    for (const [, fn] of holders) expect(fn.Properties.Environment.Variables.JZ_NOTICES_NAME_KEY_SECRET).toEqual({ Ref: secretId });
    // The roles allowed to read it are exactly the holders' roles, in every stack.
    const holderRoles = new Set(holders.map(([, fn]) => fn.Properties.Role['Fn::GetAtt'][0]));
    const readingRoles = new Set<string>();
    for (const template of [...Object.values(templates), shared, web]) {
      for (const policy of Object.values(template.findResources('AWS::IAM::Policy'))) {
        const reads = policy.Properties.PolicyDocument.Statement.some(
          (statement: { Action: string | string[]; Resource: unknown }) =>
            [statement.Action].flat().includes('secretsmanager:GetSecretValue') && JSON.stringify(statement.Resource).includes(secretId as string),
        );
        if (reads) for (const role of policy.Properties.Roles) readingRoles.add(role.Ref);
      }
    }
    expect(readingRoles).toEqual(holderRoles);
  });

  it('keeps evidence files in a private, SSL-only, encrypted, versioned, logged and retained bucket that only the evidence functions reach', () => {
    const identification = templates.identification as Template;
    const buckets = identification.findResources('AWS::S3::Bucket', { Properties: { VersioningConfiguration: { Status: 'Enabled' } } });
    const [filesId] = Object.keys(buckets);
    expect(filesId).toBeDefined();
    const files = buckets[filesId as string];
    expect(files?.DeletionPolicy).toBe('Retain');
    expect(files?.Properties.PublicAccessBlockConfiguration).toEqual({ BlockPublicAcls: true, BlockPublicPolicy: true, IgnorePublicAcls: true, RestrictPublicBuckets: true });
    expect(files?.Properties.BucketEncryption.ServerSideEncryptionConfiguration[0].ServerSideEncryptionByDefault.SSEAlgorithm).toBe('AES256');
    expect(files?.Properties.LoggingConfiguration.DestinationBucketName).toBeDefined();
    expect(files?.Properties.CorsConfiguration.CorsRules[0].AllowedMethods.sort()).toEqual(['GET', 'PUT']);
    const policy = Object.values(identification.findResources('AWS::S3::BucketPolicy')).find((p) => JSON.stringify(p.Properties.Bucket).includes(filesId as string));
    expect(JSON.stringify(policy?.Properties.PolicyDocument)).toContain('"aws:SecureTransport":"false"');
    const holders = Object.values(identification.findResources('AWS::Lambda::Function')).filter((fn) => fn.Properties.Environment?.Variables?.JZ_FILES_BUCKET !== undefined);
    expect(holders.map((fn) => String(fn.Properties.Description).split(':')[0]).sort()).toEqual([
      'identification-getEvidenceFile',
      'identification-householdAction',
      'identification-postNoticeList',
      'identification-requestEvidenceUpload',
      'identification-updateHousehold',
    ]);
  });

  it('limits the public name search in the cloud with the same per-address and per-village counters: its function may write them, other public GETs only read', () => {
    const notices = templates.notices as Template;
    const functions = notices.findResources('AWS::Lambda::Function');
    const policies = Object.values(notices.findResources('AWS::IAM::Policy'));
    const writes = (exportName: string) => {
      const [, fn] = Object.entries(functions).find(([, candidate]) => String(candidate.Properties.Description).startsWith(`notices-${exportName}:`)) ?? [];
      const role = fn?.Properties.Role['Fn::GetAtt'][0];
      return policies.some(
        (policy) =>
          policy.Properties.Roles.some((r: { Ref: string }) => r.Ref === role) &&
          policy.Properties.PolicyDocument.Statement.some((statement: { Action: string | string[] }) => [statement.Action].flat().includes('dynamodb:UpdateItem')),
      );
    };
    expect(writes('searchVillage')).toBe(true);
    // The objection-status lookup counts its callers the same way (decisions Notices 24).
    expect(writes('objectionStatus')).toBe(true);
    for (const name of ['listOpenNotices', 'getPublicNotice', 'listPublicEntries', 'villageSummary', 'listDisclosures']) expect(writes(name), name).toBe(false);
  });

  it('shares one bus, a staff user pool with the role and region claims, and a throttled, logged API', () => {
    shared.resourceCountIs('AWS::Events::EventBus', 1);
    shared.hasResourceProperties('AWS::Cognito::UserPool', {
      MfaConfiguration: 'ON',
      Schema: Match.arrayWith([Match.objectLike({ Name: 'role' }), Match.objectLike({ Name: 'region' })]),
    });
    shared.hasResourceProperties('AWS::ApiGatewayV2::Stage', {
      DefaultRouteSettings: Match.objectLike({ ThrottlingRateLimit: 500 }),
      AccessLogSettings: Match.objectLike({ DestinationArn: Match.anyValue() }),
    });
  });

  describe('staff sign-in (Cognito hosted UI, authorization code + PKCE)', () => {
    const distributionId = Object.keys(web.findResources('AWS::CloudFront::Distribution'))[0] as string;
    const distributionUrl = { 'Fn::Join': ['', ['https://', { 'Fn::GetAtt': [distributionId, 'DomainName'] }, '/']] };

    it(
      'gives the user pool a Cognito prefix domain, jingzhun-<account> unless the context names one',
      () => {
        shared.hasResourceProperties('AWS::Cognito::UserPoolDomain', {
          Domain: { 'Fn::Join': ['', ['jingzhun-', { Ref: 'AWS::AccountId' }]] },
          UserPoolId: { Ref: Object.keys(shared.findResources('AWS::Cognito::UserPool'))[0] },
        });
        const named = synth(undefined, { cognitoDomainPrefix: 'taierzhuang-staff' });
        Template.fromStack(named.stacks.shared).hasResourceProperties('AWS::Cognito::UserPoolDomain', { Domain: 'taierzhuang-staff' });
      },
      FULL_SYNTH_TIMEOUT,
    );

    /** The console's and the mini-program's app clients, by logical id. */
    const clientIds = () => {
      const clients = web.findResources('AWS::Cognito::UserPoolClient');
      const idOf = (name: string) => Object.keys(clients).find((id) => clients[id]?.Properties.ClientName === name) as string;
      return { clients, console: idOf('jingzhun-console'), miniprogram: idOf('jingzhun-miniprogram') };
    };

    it('has one console client: only the code grant, openid + profile, no secret, the distribution as callback and sign-out URL', () => {
      shared.resourceCountIs('AWS::Cognito::UserPoolClient', 0);
      const { clients, console: consoleId, miniprogram } = clientIds();
      expect(Object.keys(clients).sort()).toEqual([consoleId, miniprogram].sort());
      expect(clients[miniprogram]?.Properties.AllowedOAuthFlowsUserPoolClient).toBe(false);
      const client = clients[consoleId]?.Properties;
      expect(client).toMatchObject({
        AllowedOAuthFlows: ['code'],
        AllowedOAuthFlowsUserPoolClient: true,
        AllowedOAuthScopes: ['openid', 'profile'],
        GenerateSecret: false,
        SupportedIdentityProviders: ['COGNITO'],
        CallbackURLs: [distributionUrl],
        LogoutURLs: [distributionUrl],
      });
      expect(JSON.stringify(client.UserPoolId)).toMatch(/Fn::ImportValue.*Jingzhun-Shared:.*StaffPool/);
      expect(client.ExplicitAuthFlows).not.toContain('ALLOW_USER_PASSWORD_AUTH');
    });

    it("checks the console's ID tokens on every staff route: JWT authorizer with the client id as audience and the pool as issuer", () => {
      shared.resourceCountIs('AWS::ApiGatewayV2::Authorizer', 0);
      const { console: consoleId, miniprogram } = clientIds();
      const [authorizerId, authorizer] = Object.entries(web.findResources('AWS::ApiGatewayV2::Authorizer'))[0] ?? [];
      expect(authorizer?.Properties).toMatchObject({
        AuthorizerType: 'JWT',
        IdentitySource: ['$request.header.Authorization'],
        JwtConfiguration: { Audience: [{ Ref: consoleId }, { Ref: miniprogram }] },
      });
      expect(JSON.stringify(authorizer?.Properties.JwtConfiguration.Issuer)).toMatch(/https:\/\/cognito-idp\..*Jingzhun-Shared:.*StaffPool/);
      expect(JSON.stringify(authorizer?.Properties.ApiId)).toMatch(/Jingzhun-Shared:.*Api/);
      for (const template of Object.values(templates)) {
        for (const route of Object.values(template.findResources('AWS::ApiGatewayV2::Route', { Properties: { AuthorizationType: 'JWT' } }))) {
          expect(JSON.stringify(route.Properties.AuthorizerId)).toContain(`Jingzhun-Web:ExportsOutputRef${authorizerId}`);
        }
      }
    });
  });

  describe('web (S3 + CloudFront)', () => {
    const distribution = Object.values(web.findResources('AWS::CloudFront::Distribution'));
    const config = distribution[0]?.Properties.DistributionConfig;
    const siteId = Object.keys(web.findResources('AWS::S3::Bucket', { Properties: { VersioningConfiguration: { Status: 'Enabled' } } }))[0] as string;
    const behaviours: { PathPattern: string; [key: string]: unknown }[] = config.CacheBehaviors;
    /** Read by CloudFormation at deployment, by name: no secret in the template, no export. */
    const originSecret = '{{resolve:secretsmanager:jingzhun/origin-verify-1:SecretString:::}}';
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
      expect(csp).toContain("script-src 'self';");
      // Ant Design's run-time styles (decisions: Web 8); scripts stay 'self' only.
      expect(csp).toContain("style-src 'self' 'unsafe-inline'");
      expect(csp).toContain("frame-ancestors 'none'");
      expect(csp).not.toMatch(/(script|default)-src[^;]*unsafe-/);
      expect(csp).not.toContain('unsafe-eval');
      // The code exchange at the Cognito domain; the API only on the web's own origin.
      expect(csp).toMatch(
        /connect-src 'self' https:\/\/",\{"Fn::ImportValue":"Jingzhun-Shared:ExportsOutputRefStaffPoolSignInDomain\w+"\},"\.auth\.",\{"Ref":"AWS::Region"\},"\.amazoncognito\.com https:\/\/\*\.s3\.",\{"Ref":"AWS::Region"\},"\.",\{"Ref":"AWS::URLSuffix"\},";/,
      );
      expect(csp).not.toContain('ApiEndpoint');
    });

    it('forwards every API path to the HTTP API, uncached, with every viewer header but Host', () => {
      const patterns = apiPathPatterns(manifests);
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
      // CloudFront shows the API the origin secret (the route functions' copy is checked below)…
      expect(apiOrigin.OriginCustomHeaders).toEqual([{ HeaderName: FRONT_DOOR.originVerifyHeader, HeaderValue: originSecret }]);
      // …and writes the viewer's address on every API request, not on the web files.
      const functionId = Object.entries(web.findResources('AWS::CloudFront::Function')).find(([, fn]) =>
        String(fn.Properties.FunctionConfig.Comment).includes('viewer address'),
      )?.[0];
      const appPagesId = Object.entries(web.findResources('AWS::CloudFront::Function')).find(([, fn]) => String(fn.Properties.FunctionConfig.Comment).includes('page paths'))?.[0];
      for (const behaviour of apiBehaviours) {
        expect(behaviour.FunctionAssociations, behaviour.PathPattern).toEqual([{ EventType: 'viewer-request', FunctionARN: { 'Fn::GetAtt': [functionId, 'FunctionARN'] } }]);
      }
      // The web files' behaviour answers page paths with the app's HTML (path links survive sharing, issue 14).
      expect(config.DefaultCacheBehavior.FunctionAssociations).toEqual([{ EventType: 'viewer-request', FunctionARN: { 'Fn::GetAtt': [appPagesId, 'FunctionARN'] } }]);
      const siteOrigin = config.Origins.find((origin: any) => origin.Id === config.DefaultCacheBehavior.TargetOriginId);
      expect(siteOrigin.OriginCustomHeaders).toBeUndefined();
      // Every route reaches the API; no web file does.
      for (const manifest of manifests) {
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

    it("writes the viewer's address into the header the API reads, over whatever the viewer sent", () => {
      const fn = Object.values(web.findResources('AWS::CloudFront::Function')).find((candidate) =>
        String(candidate.Properties.FunctionConfig.Comment).includes('viewer address'),
      )?.Properties;
      expect(fn.FunctionConfig.Runtime).toBe('cloudfront-js-2.0');
      const handler = new Function(`${fn.FunctionCode}\nreturn handler;`)() as (event: unknown) => { headers: Record<string, { value: string }> };
      const forged = { [FRONT_DOOR.viewerAddressHeader]: { value: '10.0.0.1' }, authorization: { value: 'Bearer x' } };
      const request = handler({ viewer: { ip: '2001:db8::7' }, request: { method: 'POST', uri: '/public/notices/x/objections', headers: forged } });
      expect(request.headers[FRONT_DOOR.viewerAddressHeader]).toEqual({ value: '2001:db8::7' });
      expect(request.headers.authorization).toEqual({ value: 'Bearer x' });
    });

    it('gives the origin secret to the route functions only, as CloudFront sends it', () => {
      for (const [name, template] of Object.entries(templates)) {
        const manifest = manifests.find((m) => m.name === name);
        const functions = Object.values(template.findResources('AWS::Lambda::Function'));
        const holders = functions.filter((fn) => fn.Properties.Environment?.Variables?.[FRONT_DOOR.originVerifyEnv] !== undefined);
        expect(holders, name).toHaveLength(manifest?.routes.length ?? -1);
        for (const fn of holders) expect(fn.Properties.Environment.Variables[FRONT_DOOR.originVerifyEnv]).toEqual(originSecret);
      }
      shared.hasResourceProperties('AWS::SecretsManager::Secret', { Name: 'jingzhun/origin-verify-1', GenerateSecretString: Match.objectLike({ PasswordLength: 48 }) });
    });

    it('refuses an API prefix that would shadow the web files', () => {
      const route = fixture.routes[0] as (typeof fixture.routes)[number];
      const clash = { ...fixture, routes: [{ ...route, contract: { ...route.contract, path: '/assets/{id}' } }] };
      expect(() => apiPathPatterns([clash])).toThrow(/cannot be routed/);
    });

    it('deploys the web build, config.json and the openapi.json generated from the manifests, then invalidates the distribution', () => {
      const deployments = Object.values(web.findResources('Custom::CDKBucketDeployment'));
      for (const deployment of deployments) expect(deployment.Properties.DestinationBucketName).toEqual({ Ref: siteId });
      const pages = deployments.find((deployment) => deployment.Properties.DistributionPaths);
      expect(pages?.Properties.DistributionPaths).toEqual(['/*']);
      // Bundling is off here: the web source is packages/web itself (no build, no dist/ needed);
      // `cdk synth` runs the Vite build as the asset's local bundling.
      const assetManifest = built.assembly.getStackByName('Jingzhun-Web').dependencies.find((artifact) => artifact instanceof AssetManifestArtifact) as AssetManifestArtifact;
      const sources = ((pages?.Properties.SourceObjectKeys ?? []) as string[]).map((key) => assetManifest.contents.files?.[key.replace(/\.zip$/, '')]?.source.path ?? '');
      expect(sources).toHaveLength(3);
      expect(sources).toContain(join(REPO_ROOT, 'packages/web'));
      // config.json: the console signs in with Cognito; the ids and URLs are filled in at deployment.
      const configIndex = sources.findIndex((path) => existsSync(join(built.assembly.directory, path, 'config.json')));
      const webConfig = JSON.parse(readFileSync(join(built.assembly.directory, sources[configIndex] as string, 'config.json'), 'utf8'));
      const markers: Record<string, unknown> = pages?.Properties.SourceMarkers[configIndex];
      const resolve = (text: string) => text.replace(/<<marker:0xbaba:\d+>>/g, (marker) => `[${JSON.stringify(markers[marker])}]`);
      expect(webConfig.auth).toBe('cognito');
      expect(Object.keys(webConfig.cognito).sort()).toEqual(['clientId', 'domain', 'redirectUri']);
      expect(resolve(webConfig.cognito.clientId)).toBe(`[${JSON.stringify({ Ref: Object.keys(web.findResources('AWS::Cognito::UserPoolClient'))[0] })}]`);
      expect(resolve(webConfig.cognito.redirectUri)).toBe(
        `https://[${JSON.stringify({ 'Fn::GetAtt': [Object.keys(web.findResources('AWS::CloudFront::Distribution'))[0], 'DomainName'] })}]/`,
      );
      expect(resolve(webConfig.cognito.domain)).toMatch(/^https:\/\/\[.*Jingzhun-Shared:ExportsOutputRefStaffPoolSignInDomain.*\]\.auth\.\[.*AWS::Region.*\]\.amazoncognito\.com$/);
      const documents = sources
        .map((path) => join(built.assembly.directory, path, 'openapi.json'))
        .filter((path) => existsSync(path))
        .map((path) => JSON.parse(readFileSync(path, 'utf8')));
      expect(documents).toHaveLength(1);
      const document = documents[0];
      expect(document.openapi).toBe('3.1.0');
      for (const manifest of manifests) {
        for (const { contract } of manifest.routes) expect(document.paths[contract.path]?.[contract.method.toLowerCase()]?.operationId, contract.path).toBe(contract.id);
      }
      const openapi = behaviours.find((behaviour) => behaviour.PathPattern === '/openapi.json');
      expect(openapi?.TargetOriginId).toBe(config.DefaultCacheBehavior.TargetOriginId);
      web.hasOutput('WebUrl', {});
      web.hasOutput('ConsoleClientId', {});
    });
  });
});

describe('mini-program staff sessions (custom authentication of the staff pool)', () => {
  const roleOf = (template: Template, logicalId: string) => {
    const fn = template.findResources('AWS::Lambda::Function')[logicalId] as {
      Properties: { Role: { 'Fn::GetAtt': [string, string] }; Environment?: { Variables?: Record<string, unknown> } };
    };
    return fn;
  };
  const policiesAllowing = (template: Template, action: string) =>
    Object.entries(template.findResources('AWS::IAM::Policy')).filter(([, policy]) =>
      JSON.stringify((policy as { Properties: { PolicyDocument: unknown } }).Properties.PolicyDocument).includes(`"${action}"`),
    );

  it('attaches the three challenge triggers to the staff pool', () => {
    shared.hasResourceProperties('AWS::Cognito::UserPool', {
      LambdaConfig: { DefineAuthChallenge: Match.anyValue(), CreateAuthChallenge: Match.anyValue(), VerifyAuthChallengeResponse: Match.anyValue() },
    });
  });

  it('allows the custom flow on the mini-program client only, and the authorizer takes both clients’ tokens', () => {
    const clients = Object.values(web.findResources('AWS::Cognito::UserPoolClient')) as { Properties: { ClientName: string; ExplicitAuthFlows?: string[] } }[];
    const byName = Object.fromEntries(clients.map((client) => [client.Properties.ClientName, client.Properties.ExplicitAuthFlows ?? []]));
    expect(byName['jingzhun-miniprogram']).toEqual(expect.arrayContaining(['ALLOW_CUSTOM_AUTH']));
    expect(byName['jingzhun-miniprogram']).not.toEqual(expect.arrayContaining(['ALLOW_USER_SRP_AUTH']));
    expect(byName['jingzhun-console']).not.toEqual(expect.arrayContaining(['ALLOW_CUSTOM_AUTH']));
    const authorizer = Object.values(web.findResources('AWS::ApiGatewayV2::Authorizer'))[0] as { Properties: { JwtConfiguration: { Audience: unknown[] } } };
    expect(authorizer.Properties.JwtConfiguration.Audience).toHaveLength(2);
  });

  it('lets exactly the manifests’ staff-session issuers start and answer the flow, with the pool, the client and the key', () => {
    for (const manifest of manifests) {
      const template = templates[manifest.name] as Template;
      const allowed = policiesAllowing(template, 'cognito-idp:AdminInitiateAuth');
      expect(allowed, manifest.name).toHaveLength(manifest.staffSessions?.issuers.length ?? 0);
    }
    const wechat = templates.wechat as Template;
    const functions = wechat.findResources('AWS::Lambda::Function');
    const issuers = Object.keys(functions).filter((id) => 'JZ_STAFF_POOL_ID' in ((roleOf(wechat, id).Properties.Environment?.Variables ?? {}) as object));
    expect(issuers).toHaveLength(2);
    for (const id of issuers) {
      expect(Object.keys(roleOf(wechat, id).Properties.Environment?.Variables ?? {})).toEqual(expect.arrayContaining(['JZ_STAFF_SESSION_CLIENT_ID', 'JZ_STAFF_CHALLENGE_KEY_ARN']));
    }
  });
});
