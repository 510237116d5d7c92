import type { RouteContract } from '@jingzhun/types';
import type { TableDef } from './table.js';

/**
 * What a service exposes. `infra/` turns it into Lambda functions, HTTP API routes, schedules,
 * EventBridge rules and the table; `packages/local-cloud` turns the same manifest into a local
 * gateway, scheduler, event bus and DynamoDB Local tables.
 *
 * Handlers are named `file#export`, relative to the service's `src/` folder, so CDK can bundle
 * each one as its own function and local-cloud can import it.
 */
export interface RouteEntry {
  contract: RouteContract;
  handler: string;
  /** A public GET that writes (its flood counters) says why; otherwise public GETs only read. */
  writes?: string;
}

export interface JobEntry {
  name: string;
  /** EventBridge Scheduler expression, evaluated in Asia/Shanghai. */
  schedule: string;
  handler: string;
  description: string;
  /** Optional gate from workflows.md §6, e.g. only on the first working day (WD1). */
  onlyOn?: 'first-working-day';
}

export interface SubscriptionEntry {
  event: string;
  handler: string;
}

/**
 * A secret the service's stack creates in Secrets Manager (`jingzhun/<service>/<name>`, a random
 * value). Only the functions of `readers` get its id (in `env`) and may read it.
 */
export interface SecretEntry {
  name: string;
  env: string;
  description: string;
  /** Handlers (`file#export`) whose functions read it. */
  readers: string[];
  /** Why it is not rotated on a schedule (the cdk-nag SMG4 acknowledgement); the default is the name key's. */
  notRotatedBecause?: string;
}

export interface ServiceManifest {
  name: string;
  /** Absolute URL of the service's src/ folder (pass `new URL('.', import.meta.url)`). */
  root: URL;
  table: TableDef;
  routes: RouteEntry[];
  jobs: JobEntry[];
  subscriptions: SubscriptionEntry[];
  /** Demo data loader run once by `npm start` (`file#export`, no arguments). */
  demo?: string;
  /**
   * Data files (paths under src/) the functions read at run time with `readDataFile`: CDK copies
   * them next to each function's bundle, so data stays out of the code (the policy catalog).
   */
  dataFiles?: string[];
  secrets?: SecretEntry[];
  /**
   * Uploaded files (files.ts): the stack creates a private bucket; the functions of `readers`
   * get its name (JZ_FILES_BUCKET) and may read and write its objects.
   */
  files?: { readers: string[] };
  /**
   * Handlers that sign a staff member in on the back end's own check (the mini-program's WeChat
   * binding): their functions get the staff pool, the mini-program's app client and the challenge
   * key of the pool's custom authentication, and may start and answer it (services/wechat/src/cognito).
   */
  staffSessions?: { issuers: string[] };
  /**
   * Settings of the stage (infra/stages/<stage>.json) the service's functions read, by the
   * environment variable their stack gives each in: `{ subsidyRunRegions: 'JZ_SUBSIDY_RUN_REGIONS' }`.
   * A list is given comma-separated.
   */
  stageEnvironment?: Partial<Record<StageSetting, string>>;
}

/** The stage settings a service may read (the stage schema in infra/lib/stage.ts defines them). */
export type StageSetting = 'subsidyRunRegions';

export function defineService(manifest: ServiceManifest): ServiceManifest {
  const ids = new Set<string>();
  for (const route of manifest.routes) {
    const key = `${route.contract.method} ${route.contract.path}`;
    if (ids.has(key)) throw new Error(`${manifest.name}: duplicate route ${key}`);
    ids.add(key);
    parseHandlerRef(route.handler);
  }
  for (const job of manifest.jobs) parseHandlerRef(job.handler);
  for (const sub of manifest.subscriptions) parseHandlerRef(sub.handler);
  const handlers = new Set([...manifest.routes, ...manifest.jobs, ...manifest.subscriptions].map((entry) => entry.handler));
  for (const issuer of manifest.staffSessions?.issuers ?? [])
    if (!handlers.has(issuer)) throw new Error(`${manifest.name}: staffSessions names ${issuer}, which is no handler of the manifest`);
  for (const secret of manifest.secrets ?? []) {
    for (const reader of secret.readers) if (!handlers.has(reader)) throw new Error(`${manifest.name}: secret ${secret.name} names ${reader}, which is no handler of the manifest`);
  }
  for (const reader of manifest.files?.readers ?? []) if (!handlers.has(reader)) throw new Error(`${manifest.name}: files names ${reader}, which is no handler of the manifest`);
  return manifest;
}

export function parseHandlerRef(ref: string): { file: string; exportName: string } {
  const match = /^([\w./-]+\.ts)#(\w+)$/.exec(ref);
  if (!match) throw new Error(`handler reference must be "file.ts#export": ${ref}`);
  return { file: match[1] as string, exportName: match[2] as string };
}

/** Absolute file path and export of a handler. */
export function resolveHandler(manifest: ServiceManifest, ref: string): { path: string; exportName: string } {
  const { file, exportName } = parseHandlerRef(ref);
  return { path: new URL(file, manifest.root).pathname, exportName };
}

/** A stable function name for a handler, e.g. identification-getRegion. */
export function functionId(manifest: ServiceManifest, ref: string): string {
  const { exportName } = parseHandlerRef(ref);
  return `${manifest.name}-${exportName}`;
}
