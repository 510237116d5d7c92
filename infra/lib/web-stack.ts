import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { FRONT_DOOR, type ServiceManifest } from '@jingzhun/platform';
import { generateOpenApi } from '@jingzhun/platform/openapi';
import { Annotations, AssetHashType, CfnOutput, DefaultStackSynthesizer, DockerImage, Duration, Fn, RemovalPolicy, Stack, type StackProps, Token } from 'aws-cdk-lib';
import { HttpAuthorizer, HttpAuthorizerType } from 'aws-cdk-lib/aws-apigatewayv2';
import {
  AllowedMethods,
  type BehaviorOptions,
  CachePolicy,
  Function as CloudFrontFunction,
  Distribution,
  FunctionCode,
  FunctionEventType,
  FunctionRuntime,
  HeadersFrameOption,
  HeadersReferrerPolicy,
  HttpVersion,
  OriginProtocolPolicy,
  OriginRequestPolicy,
  OriginSslPolicy,
  ResponseHeadersPolicy,
  type ResponseSecurityHeadersBehavior,
  ViewerProtocolPolicy,
} from 'aws-cdk-lib/aws-cloudfront';
import { HttpOrigin, S3BucketOrigin } from 'aws-cdk-lib/aws-cloudfront-origins';
import { OAuthScope, UserPoolClient, UserPoolClientIdentityProvider } from 'aws-cdk-lib/aws-cognito';
import { BlockPublicAccess, Bucket, BucketEncryption, type CfnBucket, ObjectOwnership } from 'aws-cdk-lib/aws-s3';
import { BucketDeployment, CacheControl, type ISource, Source } from 'aws-cdk-lib/aws-s3-deployment';
import type { Construct } from 'constructs';
import { executionRole } from './lambda.js';
import { acknowledge } from './nag.js';
import { REPO_ROOT } from './paths.js';
import type { SharedStack } from './shared-stack.js';
import type { StageNaming } from './stage.js';

/** CloudFront's default quota of cache behaviours per distribution. */
const MAX_BEHAVIOURS = 25;

/** Top-level folders of the web build (Vite's output): an API prefix must never shadow them. */
const WEB_FOLDERS = new Set(['assets']);

export interface WebStackProps extends StackProps {
  /** The stage's names (prefixed for every stage but the default). */
  naming: StageNaming;
  /** Every service manifest: the API path prefixes routed to the HTTP API and the OpenAPI document. */
  manifests: readonly ServiceManifest[];
  shared: SharedStack;
  /**
   * The web package (Vite project). Its build runs as the asset's local bundling step, so `cdk synth`
   * always ships a fresh build and never needs a `dist/` made beforehand; tests switch bundling off
   * (`aws:cdk:bundling-stacks: []`) and nothing is built.
   */
  webPackageDir?: string;
}

/**
 * CloudFront path patterns that send the API's paths to the HTTP API: one `/<prefix>/*` per
 * top-level segment of any manifest route, plus `/<prefix>` where a route is the bare prefix.
 */
export function apiPathPatterns(manifests: readonly ServiceManifest[]): string[] {
  const patterns = new Set<string>();
  for (const manifest of manifests) {
    for (const { contract } of manifest.routes) {
      const segment = contract.path.split('/')[1] ?? '';
      // A plain word: never a path parameter, never a file name of the build (index.html, regions.json…).
      if (!/^[a-z][a-z0-9-]*$/.test(segment) || WEB_FOLDERS.has(segment)) {
        throw new Error(`${manifest.name}: route ${contract.path} cannot be routed by a path prefix next to the web files`);
      }
      patterns.add(`/${segment}/*`);
      if (contract.path === `/${segment}`) patterns.add(`/${segment}`);
    }
  }
  return [...patterns].sort();
}

/**
 * The web console and public notice board (packages/web, a Vite build; path routing, so page
 * paths are answered with the app's HTML by a CloudFront function) in a private S3 bucket behind CloudFront, with the OpenAPI document next to it and the
 * API's paths forwarded to the shared HTTP API, so the web calls the API on its own origin exactly
 * as under `npm start` (api.ts: `apiBaseUrl` defaults to '').
 *
 * Staff sign-in: the console's Cognito app client (authorization code + PKCE, no secret, callback
 * and sign-out URL = this distribution) and the API's JWT authorizer for its ID tokens live here,
 * with `/config.json` telling the console where to sign in. Here rather than in the shared stack
 * because the web stack already depends on the shared stack (API origin, user pool): a client in
 * the shared stack would need the distribution's URL from here, a cycle. The authorizer follows
 * the client (its audience is the client's id), and the service stacks, whose staff routes use the
 * authorizer, deploy after this one: shared → web → services, no cycle and no second deployment
 * to learn the URL. (A context value with the URL would also break the cycle, but the
 * *.cloudfront.net name is only known after the first deployment.)
 *
 * China regions: CloudFront in cn-north-1/cn-northwest-1 cannot serve on the default
 * *.cloudfront.cn domain. A deployment there needs an ICP-licensed (备案) alternate domain name and
 * a certificate from a third-party CA uploaded to IAM (ACM is not available to CloudFront China).
 * CloudFront China also lacks some global features: synthesis for cn-north-1 reports that
 * AWS::CloudFront::OriginAccessControl is not in that region's CloudFormation spec (an origin
 * access identity would replace it there), and the managed cache/origin request policies should be
 * checked against the China documentation before the first deployment. Other regions keep the
 * default CloudFront certificate, as here.
 */
export class WebStack extends Stack {
  readonly bucket: Bucket;
  readonly distribution: Distribution;
  /** The console's app client: hosted UI, authorization code with PKCE, no client secret. */
  readonly consoleClient: UserPoolClient;
  /** The mini-program's app client: custom authentication only, started by the wechat service after its own check. */
  readonly miniprogramClient: UserPoolClient;
  /** The JWT authorizer of the staff routes: Cognito ID tokens of the console client. */
  readonly staffAuthorizer: HttpAuthorizer;

  constructor(scope: Construct, id: string, props: WebStackProps) {
    super(scope, id, props);
    const { manifests, shared } = props;
    const webPackageDir = props.webPackageDir ?? `${REPO_ROOT}/packages/web`;

    // Access logs of the distribution and of the site bucket. CloudFront standard logging writes
    // with ACLs, hence OBJECT_WRITER ownership; logs are kept a year, like the API access logs.
    const logs = new Bucket(this, 'AccessLogs', {
      blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
      enforceSSL: true,
      encryption: BucketEncryption.S3_MANAGED,
      objectOwnership: ObjectOwnership.OBJECT_WRITER,
      lifecycleRules: [{ expiration: Duration.days(365) }],
      removalPolicy: RemovalPolicy.RETAIN,
    });

    // RETAIN, the house default, rather than DESTROY + autoDeleteObjects: the files are rebuilt from
    // the repository, but auto-delete adds a custom-resource Lambda (managed policy, its own runtime)
    // that cdk-nag would need acknowledged, and a retained, versioned bucket keeps what the public
    // was shown (previous builds for 90 days, then they expire so versioning does not grow forever).
    this.bucket = new Bucket(this, 'Site', {
      blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
      enforceSSL: true,
      encryption: BucketEncryption.S3_MANAGED,
      versioned: true,
      lifecycleRules: [{ noncurrentVersionExpiration: Duration.days(90) }],
      serverAccessLogsBucket: logs,
      serverAccessLogsPrefix: 'site-bucket/',
      removalPolicy: RemovalPolicy.RETAIN,
    });

    // The same security headers everywhere; `override` says whether they replace an origin's own.
    const securityHeadersFor = (override: boolean): ResponseSecurityHeadersBehavior => ({
      strictTransportSecurity: { accessControlMaxAge: Duration.days(365), includeSubdomains: true, override },
      contentTypeOptions: { override },
      frameOptions: { frameOption: HeadersFrameOption.DENY, override },
      referrerPolicy: { referrerPolicy: HeadersReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN, override },
    });
    const securityHeaders = securityHeadersFor(true);
    // The Vite build is external scripts and stylesheets only (no inline script or style, Preact sets
    // styles through the CSSOM); the favicon is a data: URL. The web calls the API on its own origin
    // (the behaviours below; the deployed config.json sets no apiBaseUrl, and a direct call would
    // count the caller by its own address anyway). The Cognito hosted UI is reached by navigation,
    // which connect-src does not govern; the console's one request to Cognito is the code exchange
    // at <domain>/oauth2/token.
    // Checked in headless Chromium against the built web (board and staff pages): the only report is
    // zod's caught `Function('')` probe for its JIT, harmless; no 'unsafe-eval' is needed.
    const signInUrl = shared.signInDomain.baseUrl();
    // Evidence files are PUT to and shown from the services' files buckets by presigned URL (platform/src/files.ts).
    const filesOrigin = `https://*.s3.${this.region}.${this.urlSuffix}`;
    const csp = [
      "default-src 'self'",
      "script-src 'self'",
      // Ant Design (the console) writes its component styles into <style> elements at run time
      // (CSS-in-JS); a static site has no per-response nonce to give it, so inline styles are
      // allowed. Scripts stay 'self' only (decisions: Web 8).
      "style-src 'self' 'unsafe-inline'",
      `img-src 'self' data: ${filesOrigin}`,
      "font-src 'self'",
      `connect-src 'self' ${signInUrl} ${filesOrigin}`,
      "object-src 'none'",
      "base-uri 'self'",
      "form-action 'self'",
      "frame-ancestors 'none'",
    ].join('; ');
    const webHeaders = new ResponseHeadersPolicy(this, 'WebHeaders', {
      comment: 'Jingzhun web: CSP and security headers',
      securityHeadersBehavior: { ...securityHeaders, contentSecurityPolicy: { contentSecurityPolicy: csp, override: true } },
      customHeadersBehavior: { customHeaders: [{ header: 'Permissions-Policy', value: 'camera=(), microphone=(), geolocation=(), payment=()', override: true }] },
    });
    // /openapi.json as under `npm start`: readable by API tools on other origins (a simple GET, no preflight).
    const documentHeaders = new ResponseHeadersPolicy(this, 'OpenApiHeaders', {
      comment: 'Jingzhun openapi.json: security headers and CORS for API tools',
      securityHeadersBehavior: securityHeaders,
      corsBehavior: {
        accessControlAllowOrigins: ['*'],
        accessControlAllowMethods: ['GET', 'HEAD'],
        accessControlAllowHeaders: ['*'],
        accessControlAllowCredentials: false,
        originOverride: true,
      },
    });
    // API responses keep their own headers (e.g. the print page's CSP); only what is missing is added.
    const apiHeaders = new ResponseHeadersPolicy(this, 'ApiHeaders', {
      comment: 'Jingzhun API through CloudFront: security headers the handlers did not set',
      securityHeadersBehavior: securityHeadersFor(false),
    });

    const siteOrigin = S3BucketOrigin.withOriginAccessControl(this.bucket);
    // The HTTP API ($default stage, so no stage prefix): https://<id>.execute-api.<region>.<suffix>.
    // That default endpoint stays enabled: it is the address CloudFront calls (disabling it leaves
    // only a custom API domain, with its own certificate and DNS). Instead CloudFront adds the
    // origin secret to every API request (overwriting a viewer's header of that name), and the
    // route functions believe the viewer address only alongside it (FRONT_DOOR, platform/http.ts).
    const apiOrigin = new HttpOrigin(Fn.select(2, Fn.split('/', shared.api.apiEndpoint)), {
      protocolPolicy: OriginProtocolPolicy.HTTPS_ONLY,
      originSslProtocols: [OriginSslPolicy.TLS_V1_2],
      customHeaders: { [FRONT_DOOR.originVerifyHeader]: shared.originVerifyValue },
    });
    // The viewer's address for the API: behind CloudFront the API's sourceIp is the edge server's.
    // A function rather than the CloudFront-Viewer-Address header: an origin request policy can
    // add CloudFront headers only to "all viewer headers" (Host included, which API Gateway refuses)
    // or to an allow list (which cannot carry Authorization); "all viewer headers except Host" takes
    // only a deny list (whether the managed policy below adds CloudFront headers of its own is not
    // consistently documented, so nothing relies on it). The function's header is a viewer header,
    // so that policy forwards it, and it replaces any header of that name the viewer sent.
    const viewerAddress = new CloudFrontFunction(this, 'ViewerAddress', {
      comment: 'Jingzhun API: the viewer address for per-address flood control',
      runtime: FunctionRuntime.JS_2_0,
      code: FunctionCode.fromInline(
        ['function handler(event) {', `  event.request.headers['${FRONT_DOOR.viewerAddressHeader}'] = { value: event.viewer.ip };`, '  return event.request;', '}'].join('\n'),
      ),
    });
    // No caching (staff data, ETag revalidation is the handlers' job) and every viewer header but
    // Host (API Gateway routes on its own host name), so Authorization and If-None-Match reach the
    // API. HTTPS only rather than a redirect: a redirected POST would lose its body.
    const apiBehaviour: BehaviorOptions = {
      origin: apiOrigin,
      allowedMethods: AllowedMethods.ALLOW_ALL,
      cachePolicy: CachePolicy.CACHING_DISABLED,
      originRequestPolicy: OriginRequestPolicy.ALL_VIEWER_EXCEPT_HOST_HEADER,
      responseHeadersPolicy: apiHeaders,
      viewerProtocolPolicy: ViewerProtocolPolicy.HTTPS_ONLY,
      functionAssociations: [{ function: viewerAddress, eventType: FunctionEventType.VIEWER_REQUEST }],
    };
    const apiPatterns = apiPathPatterns(manifests);
    if (apiPatterns.length + 1 > MAX_BEHAVIOURS) {
      throw new Error(`${apiPatterns.length} API path patterns exceed CloudFront's ${MAX_BEHAVIOURS} behaviours per distribution: group the routes under fewer prefixes`);
    }

    // Path URLs (issue 14): the board and the console route by path, because links shared in WeChat
    // may lose what follows `#`. A path that is no file of the build gets the app's HTML — `/staff…`
    // the console's page when the build has one, any other the board's index.html — as the local
    // gateway does (packages/local-cloud/src/web.ts appPageFor). API paths never reach this
    // behaviour (their own behaviours below); a missing file (a name with an extension) stays 403/404.
    const staffPage = existsSync(join(webPackageDir, 'staff/index.html'));
    const appPages = new CloudFrontFunction(this, 'AppPages', {
      comment: 'Jingzhun web: page paths answered with the app HTML (links survive sharing)',
      runtime: FunctionRuntime.JS_2_0,
      code: FunctionCode.fromInline(appPagesFunction(staffPage)),
    });

    this.distribution = new Distribution(this, 'Distribution', {
      comment: 'Jingzhun web console and public notice board',
      defaultRootObject: 'index.html',
      httpVersion: HttpVersion.HTTP2_AND_3,
      defaultBehavior: {
        origin: siteOrigin,
        viewerProtocolPolicy: ViewerProtocolPolicy.REDIRECT_TO_HTTPS,
        cachePolicy: CachePolicy.CACHING_OPTIMIZED,
        responseHeadersPolicy: webHeaders,
        compress: true,
        functionAssociations: [{ function: appPages, eventType: FunctionEventType.VIEWER_REQUEST }],
      },
      additionalBehaviors: {
        '/openapi.json': {
          origin: siteOrigin,
          viewerProtocolPolicy: ViewerProtocolPolicy.REDIRECT_TO_HTTPS,
          cachePolicy: CachePolicy.CACHING_OPTIMIZED,
          responseHeadersPolicy: documentHeaders,
          compress: true,
        },
        ...Object.fromEntries(apiPatterns.map((pattern) => [pattern, apiBehaviour])),
      },
      enableLogging: true,
      logBucket: logs,
      logFilePrefix: 'cloudfront/',
    });
    if (!Token.isUnresolved(this.region) && this.region.startsWith('cn-')) {
      Annotations.of(this.distribution).addWarningV2(
        '@jingzhun/web:china-domain',
        'CloudFront in the China regions serves only on an ICP-licensed alternate domain with an IAM-imported certificate, and has no origin access control (use an origin access identity); check CloudFront Functions and the Cognito hosted UI domain there too: adapt this stack before deploying it there.',
      );
    }
    acknowledge(this.distribution, [
      {
        id: 'AwsSolutions-CFR4',
        reason:
          'The default *.cloudfront.net certificate cannot set a minimum TLS version. A custom domain with its certificate (required in the China regions, ICP 备案) sets TLSv1.2_2021.',
      },
      { id: 'AwsSolutions-CFR1', reason: 'The public notice board is for anyone who wants to read the 公示; no geography is excluded by the documents.' },
      {
        id: 'AwsSolutions-CFR2',
        reason:
          'The API behind it is throttled per route (public routes lower) and staff routes need a Cognito JWT; a WAF web ACL is a per-county deployment choice (billed per rule).',
      },
    ]);

    // The deployment handler (a CDK-provided Lambda function) gets its own role and log group,
    // like every function of the project, instead of the AWS managed basic-execution policy.
    const { role: deployRole, logGroup: deployLogs } = executionRole(
      this,
      'Deployment',
      'Copies the web build and openapi.json into the site bucket and invalidates the distribution',
    );

    // Staff sign-in (see the class comment for why here). The callback and sign-out URL is the
    // distribution's root: the console starts and finishes the sign-in there (packages/web/src/cognito.ts).
    const webUrl = `https://${this.distribution.distributionDomainName}`;
    const redirectUri = `${webUrl}/`;
    this.consoleClient = new UserPoolClient(this, 'ConsoleClient', {
      userPool: shared.userPool,
      userPoolClientName: props.naming.physical('console'),
      generateSecret: false,
      authFlows: { userSrp: true },
      supportedIdentityProviders: [UserPoolClientIdentityProvider.COGNITO],
      oAuth: {
        flows: { authorizationCodeGrant: true, implicitCodeGrant: false, clientCredentials: false },
        scopes: [OAuthScope.OPENID, OAuthScope.PROFILE],
        callbackUrls: [redirectUri],
        logoutUrls: [redirectUri],
      },
      idTokenValidity: Duration.hours(8),
      accessTokenValidity: Duration.hours(8),
      preventUserExistenceErrors: true,
    });
    // The mini-program's sessions (services/wechat/src/cognito): no password, no hosted UI, only the
    // custom challenge the wechat service answers for a bound openid. Short tokens, no refresh in use.
    this.miniprogramClient = new UserPoolClient(this, 'MiniprogramClient', {
      userPool: shared.userPool,
      userPoolClientName: props.naming.physical('miniprogram'),
      generateSecret: false,
      authFlows: { custom: true },
      supportedIdentityProviders: [UserPoolClientIdentityProvider.COGNITO],
      disableOAuth: true,
      idTokenValidity: Duration.hours(8),
      accessTokenValidity: Duration.hours(8),
      refreshTokenValidity: Duration.hours(8),
      preventUserExistenceErrors: true,
    });
    // The console sends the ID token (it carries custom:role and custom:region), whose audience is the client id;
    // the mini-program's ID tokens come from the same pool with its own client id.
    this.staffAuthorizer = new HttpAuthorizer(this, 'StaffAuthorizer', {
      httpApi: shared.api,
      type: HttpAuthorizerType.JWT,
      identitySource: ['$request.header.Authorization'],
      jwtIssuer: `https://cognito-idp.${this.region}.${this.urlSuffix}/${shared.userPool.userPoolId}`,
      jwtAudience: [this.consoleClient.userPoolClientId, this.miniprogramClient.userPoolClientId],
    });
    // What the console reads at start (packages/web/src/api.ts); resolved at deployment.
    const webConfig = Source.jsonData('config.json', {
      auth: 'cognito',
      cognito: { domain: signInUrl, clientId: this.consoleClient.userPoolClientId, redirectUri },
    });

    const web = webBuild(webPackageDir);
    // Hashed Vite chunks first, cached for a year and never pruned: a page loaded before a deployment
    // can still fetch its lazily loaded chunks after it.
    const assets = new BucketDeployment(this, 'DeployAssets', {
      destinationBucket: this.bucket,
      sources: [web],
      exclude: ['*'],
      include: ['assets/*'],
      prune: false,
      cacheControl: [CacheControl.setPublic(), CacheControl.maxAge(Duration.days(365)), CacheControl.immutable()],
      role: deployRole,
      logGroup: deployLogs,
      memoryLimit: 512,
    });
    // Then everything else (index.html, regions.json, config.json, the OpenAPI document generated
    // here from the manifests), revalidated on every load, and the distribution invalidated.
    const pages = new BucketDeployment(this, 'DeployPages', {
      destinationBucket: this.bucket,
      sources: [web, webConfig, Source.jsonData('openapi.json', generateOpenApi(manifests))],
      exclude: ['assets/*'],
      cacheControl: [CacheControl.noCache()],
      distribution: this.distribution,
      distributionPaths: ['/*'],
      role: deployRole,
      logGroup: deployLogs,
      memoryLimit: 512,
    });
    pages.node.addDependency(assets);
    // Both deployments share one singleton handler function, created by aws-cdk-lib at stack level.
    const handler = this.node.children.find((child) => child.node.id.startsWith('Custom::CDKBucketDeployment'));
    if (!handler) throw new Error('BucketDeployment handler not found');
    acknowledge(handler, [
      { id: 'AwsSolutions-L1', reason: "aws-cdk-lib's BucketDeployment chooses its handler's (Python) runtime; it moves with aws-cdk-lib upgrades, not with ours." },
    ]);

    const bucketId = this.getLogicalId(this.bucket.node.defaultChild as CfnBucket);
    acknowledge(deployRole, [
      {
        id: 'AwsSolutions-IAM5[Action::s3:GetObject*]',
        reason: 'Granted by BucketDeployment on the CDK asset bucket (read the build zip) and on the site bucket; no other bucket.',
      },
      { id: 'AwsSolutions-IAM5[Action::s3:GetBucket*]', reason: 'Granted by BucketDeployment on the CDK asset bucket and the site bucket only.' },
      { id: 'AwsSolutions-IAM5[Action::s3:List*]', reason: 'Granted by BucketDeployment on the CDK asset bucket and the site bucket only (aws s3 sync lists them).' },
      { id: 'AwsSolutions-IAM5[Action::s3:DeleteObject*]', reason: 'Granted by BucketDeployment on the site bucket only: pruning files a new build no longer has.' },
      { id: 'AwsSolutions-IAM5[Action::s3:Abort*]', reason: 'Granted by BucketDeployment on the site bucket only: aborting its own multipart uploads.' },
      {
        id: `AwsSolutions-IAM5[Resource::<${bucketId}.Arn>/*]`,
        reason: 'Every object of the site bucket: a deployment replaces the whole site.',
      },
      {
        id: `AwsSolutions-IAM5[Resource::arn:<AWS::Partition>:s3:::${this.assetBucketName()}/*]`,
        reason: 'The CDK bootstrap asset bucket, where the build zip is uploaded under a content hash.',
      },
      {
        id: 'AwsSolutions-IAM5[Resource::*]',
        reason: 'cloudfront:CreateInvalidation/GetInvalidation are granted by BucketDeployment without a resource; the role has no other CloudFront action.',
      },
    ]);

    new CfnOutput(this, 'WebUrl', { value: webUrl, description: 'The web console (#/staff) and public notice board' });
    new CfnOutput(this, 'ConsoleClientId', { value: this.consoleClient.userPoolClientId, description: 'Cognito app client of the console (hosted UI, code + PKCE)' });
    new CfnOutput(this, 'OpenApiUrl', { value: `${webUrl}/openapi.json` });
    new CfnOutput(this, 'DistributionId', { value: this.distribution.distributionId });
  }

  /** The CDK bootstrap asset bucket as cdk-nag prints it (account and region literal once known). */
  private assetBucketName(): string {
    const qualifier =
      this.synthesizer instanceof DefaultStackSynthesizer
        ? (this.synthesizer.bootstrapQualifier ?? DefaultStackSynthesizer.DEFAULT_QUALIFIER)
        : DefaultStackSynthesizer.DEFAULT_QUALIFIER;
    const account = Token.isUnresolved(this.account) ? '<AWS::AccountId>' : this.account;
    const region = Token.isUnresolved(this.region) ? '<AWS::Region>' : this.region;
    return `cdk-${qualifier}-assets-${account}-${region}`;
  }
}

/**
 * The viewer-request function of the web's default behaviour: a URI whose last segment has no file
 * extension is a page of the app, answered with its HTML; everything else passes unchanged.
 */
export function appPagesFunction(staffPage: boolean): string {
  return [
    'function handler(event) {',
    '  var request = event.request;',
    '  var uri = request.uri;',
    "  var last = uri.substring(uri.lastIndexOf('/') + 1);",
    '  if (/\\.[A-Za-z0-9]+$/.test(last)) return request;',
    ...(staffPage ? ["  if (uri === '/staff' || uri.indexOf('/staff/') === 0) { request.uri = '/staff/index.html'; return request; }"] : []),
    "  request.uri = '/index.html';",
    '  return request;',
    '}',
  ].join('\n');
}

/**
 * The web build as a deployment source: the Vite build runs locally into the asset's output
 * directory (`npm run build -w @jingzhun/web`, offline). The Docker image is required by the
 * bundling options but never used: local bundling either succeeds or throws.
 */
function webBuild(webPackageDir: string): ISource {
  return Source.asset(webPackageDir, {
    // Hash the build output, not packages/web: the web also compiles packages/client and
    // packages/types, and a source hash would let a stale build in cdk.out stand in for a new one.
    assetHashType: AssetHashType.OUTPUT,
    bundling: {
      image: DockerImage.fromRegistry('public.ecr.aws/docker/library/node:22-slim'),
      local: {
        tryBundle(outputDir: string): boolean {
          execFileSync('npm', ['run', 'build', '--silent', '--', '--outDir', outputDir, '--emptyOutDir', '--logLevel', 'warn'], {
            cwd: webPackageDir,
            stdio: ['ignore', 2, 'inherit'],
          });
          return true;
        },
      },
    },
  });
}
