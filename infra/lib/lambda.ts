import { Duration, RemovalPolicy } from 'aws-cdk-lib';
import { Effect, PolicyStatement, Role, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import { Architecture, Runtime, Tracing } from 'aws-cdk-lib/aws-lambda';
import { NodejsFunction, OutputFormat } from 'aws-cdk-lib/aws-lambda-nodejs';
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import type { Construct } from 'constructs';
import { acknowledge } from './nag.js';
import { LOCK_FILE, REPO_ROOT } from './paths.js';

export interface JingzhunFunctionProps {
  entry: string;
  handler: string;
  description: string;
  environment: Record<string, string>;
  timeout?: Duration;
  memorySize?: number;
  /** Absolute paths of data files copied beside the bundle (the manifest's `dataFiles`). */
  dataFiles?: string[];
}

/**
 * The log group (six months) and the execution role of a Lambda function, the role allowed to write
 * only to that log group: `${id}Logs` and `${id}Role` in `scope`. Shared by JingzhunFunction and the
 * CDK-provided handlers the project configures (the web stack's BucketDeployment).
 */
export function executionRole(scope: Construct, id: string, description: string): { role: Role; logGroup: LogGroup } {
  const logGroup = new LogGroup(scope, `${id}Logs`, { retention: RetentionDays.SIX_MONTHS, removalPolicy: RemovalPolicy.DESTROY });
  const role = new Role(scope, `${id}Role`, { assumedBy: new ServicePrincipal('lambda.amazonaws.com'), description });
  role.addToPolicy(new PolicyStatement({ effect: Effect.ALLOW, actions: ['logs:CreateLogStream', 'logs:PutLogEvents'], resources: [logGroup.logGroupArn] }));
  return { role, logGroup };
}

/**
 * One Lambda function as every service uses it: Node.js 22 on arm64, ESM bundle minified by
 * esbuild, its own log group and its own role that can write only to that log group. Callers
 * grant it exactly the table (and bus) it needs.
 */
export class JingzhunFunction extends NodejsFunction {
  constructor(scope: Construct, id: string, props: JingzhunFunctionProps) {
    const { role, logGroup } = executionRole(scope, id, `Execution role of ${id}`);
    const dataFiles = props.dataFiles ?? [];
    super(scope, id, {
      entry: props.entry,
      handler: props.handler,
      description: props.description,
      runtime: Runtime.NODEJS_22_X,
      architecture: Architecture.ARM_64,
      memorySize: props.memorySize ?? 512,
      timeout: props.timeout ?? Duration.seconds(15),
      tracing: Tracing.ACTIVE,
      role,
      logGroup,
      projectRoot: REPO_ROOT,
      depsLockFilePath: LOCK_FILE,
      environment: {
        NODE_OPTIONS: '--enable-source-maps',
        POWERTOOLS_LOG_LEVEL: 'INFO',
        ...props.environment,
      },
      bundling: {
        format: OutputFormat.ESM,
        target: 'node22',
        minify: true,
        sourceMap: true,
        mainFields: ['module', 'main'],
        banner: "import { createRequire as __jzRequire } from 'node:module'; const require = __jzRequire(import.meta.url);",
        // The nodejs22.x runtime ships AWS SDK v3: using it keeps bundles small and cold starts short
        // (docs/performance.md). Everything else is bundled.
        externalModules: ['@aws-sdk/*'],
        ...(dataFiles.length
          ? {
              commandHooks: {
                beforeBundling: () => [],
                beforeInstall: () => [],
                afterBundling: (_inputDir: string, outputDir: string) => dataFiles.map((file) => `cp "${file}" "${outputDir}/"`),
              },
            }
          : {}),
      },
    });
    acknowledge(role, [
      {
        id: 'AwsSolutions-IAM5[Resource::*]',
        reason: 'X-Ray PutTraceSegments/PutTelemetryRecords and DynamoDB ListStreams accept no resource-level permission; every data action names its own table.',
      },
    ]);
    acknowledge(this, [{ id: 'AwsSolutions-L1', reason: 'The project pins nodejs22.x (ARCHITECTURE.md); a runtime upgrade is a deliberate, tested change.' }]);
  }
}
