import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { App } from 'aws-cdk-lib';
import { z } from 'zod';
import { REPO_ROOT } from './paths.js';

/**
 * A stage is one deployment of the whole system (a county's production, a city's, a development
 * account) with its own configuration: `npx cdk deploy --all -c stage=<name>` reads
 * `infra/stages/<name>.json`. Without `-c stage` the built-in development stage is used, so a plain
 * `npm run synth` keeps working.
 *
 * The schema is strict: an unknown key is a typo an operator must hear about, not a setting that
 * silently does nothing.
 */
export const STAGE_CONTEXT = 'stage';

/** CloudFormation stack names allow letters, digits and hyphens; a short lower-case name keeps every physical name within its limit. */
export const STAGE_NAME = /^[a-z][a-z0-9-]{0,15}$/;

const regionCode = z.string().regex(/^\d{12}$/, '区划代码应为 12 位数字');

export const stageConfigSchema = z
  .object({
    /** The stage's name, prefixed to stack and physical names so two stages can live in one account. */
    name: z.string().regex(STAGE_NAME, 'stage name: lower-case letters, digits and hyphens, starting with a letter, at most 16 characters'),
    /** The AWS account and region; left out, the CLI's defaults (CDK_DEFAULT_ACCOUNT / CDK_DEFAULT_REGION). */
    account: z
      .string()
      .regex(/^\d{12}$/)
      .optional(),
    region: z
      .string()
      .regex(/^[a-z]{2}(-[a-z]+)+-\d$/)
      .optional(),
    /** The counties or districts the monthly subsidy run computes (any number; a province lists all of its counties). */
    subsidyRunRegions: z.array(regionCode).min(1).default(['370405000000']),
    /**
     * Where the stage's alarms are e-mailed: one subscription of its SNS topic per address (each
     * address confirms its subscription once). None, the topic exists without subscriptions.
     */
    alarmEmails: z
      .array(z.email('告警邮箱地址无效'))
      .refine((emails) => new Set(emails.map((email) => email.toLowerCase())).size === emails.length, '告警邮箱地址重复')
      .optional(),
  })
  .strict();

export type StageConfig = z.infer<typeof stageConfigSchema>;

/** The development stage used when no `-c stage=` is given. */
export const DEFAULT_STAGE: StageConfig = stageConfigSchema.parse({ name: 'dev' });

/** Reads and checks the stage named by `-c stage=<name>` (or the default); a bad file fails synthesis with the file and the field. */
export function stageFromContext(app: App): StageConfig {
  const name = app.node.tryGetContext(STAGE_CONTEXT);
  if (name === undefined) return DEFAULT_STAGE;
  if (typeof name !== 'string' || !STAGE_NAME.test(name)) {
    throw new Error(`-c stage=${String(name)}: a stage name is lower-case letters, digits and hyphens, starting with a letter, at most 16 characters`);
  }
  return loadStage(name);
}

export function loadStage(name: string): StageConfig {
  const file = join(REPO_ROOT, 'infra', 'stages', `${name}.json`);
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new Error(`stage ${name}: cannot read ${file}: ${(error as Error).message}`);
  }
  const parsed = stageConfigSchema.safeParse(raw);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join('.') || '(file)'}: ${issue.message}`).join('; ');
    throw new Error(`stage ${name} (${file}): ${problems}`);
  }
  if (parsed.data.name !== name) throw new Error(`stage ${name} (${file}): "name" is "${parsed.data.name}", expected "${name}"`);
  return parsed.data;
}

/**
 * How a stage names what it creates. The default stage keeps the names it has always had
 * (`Jingzhun-Shared`, `jingzhun-identification`), so an existing deployment is not replaced; every
 * other stage puts its name after the project's (`Jingzhun-prod-Shared`, `jingzhun-prod-identification`),
 * so two stages in one account share no stack, table, queue, bus, schedule or secret.
 */
export interface StageNaming {
  readonly stage: StageConfig;
  /** A CloudFormation stack name: `stack('Shared')`. */
  stack(part: string): string;
  /** A physical name joined by hyphens (tables, queues, buses, schedules, pools): `physical('identification', 'dead-letters')`. */
  physical(...parts: string[]): string;
  /** A path-like name (secrets): `path('identification', 'name-hash-key')`. */
  path(...parts: string[]): string;
  /** The CloudWatch namespace of the business metrics (EMF): `Jingzhun`, or `Jingzhun/<stage>`. */
  readonly metricsNamespace: string;
}

export function stageNaming(stage: StageConfig): StageNaming {
  const prefixed = stage.name !== DEFAULT_STAGE.name;
  const head = (separator: string) => (prefixed ? [`jingzhun${separator}${stage.name}`] : ['jingzhun']);
  return {
    stage,
    stack: (part) => (prefixed ? `Jingzhun-${stage.name}-${part}` : `Jingzhun-${part}`),
    physical: (...parts) => [...head('-'), ...parts].join('-'),
    path: (...parts) => [...head('/'), ...parts].join('/'),
    metricsNamespace: prefixed ? `Jingzhun/${stage.name}` : 'Jingzhun',
  };
}
