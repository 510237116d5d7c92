import { randomBytes } from 'node:crypto';
import { createDocumentClient, createDynamoClient, setDocumentClient } from '@jingzhun/platform/dynamo';
import type { ServiceManifest } from '@jingzhun/platform/manifest';
import { type TableDef, tableEnvVar } from '@jingzhun/platform/table';
import { type LocalCloud, type LocalCloudOptions, startLocalCloud } from './cloud.js';
import { dropTables, ensureTable } from './tables.js';

export type { LocalCloud } from './cloud.js';

/**
 * Test helpers over the DynamoDB Local that the vitest global setup started
 * (`inject('dynamoEndpoint')`). Every call gets a fresh table-name prefix, so test files never see
 * each other's data.
 */
export function uniquePrefix(): string {
  return `t${randomBytes(4).toString('hex')}-`;
}

/** Creates fresh tables for `defs`, points the platform's client and env vars at them; `drop()` deletes them. */
export async function useTestTables(endpoint: string, defs: TableDef[]): Promise<{ prefix: string; names: Record<string, string>; drop(): Promise<void> }> {
  const prefix = uniquePrefix();
  process.env.DYNAMODB_ENDPOINT = endpoint;
  const client = createDynamoClient(endpoint);
  const names: Record<string, string> = {};
  for (const def of defs) {
    const name = prefix + def.name;
    await ensureTable(client, def, name);
    process.env[tableEnvVar(def)] = name;
    names[def.name] = name;
  }
  client.destroy();
  setDocumentClient(createDocumentClient(endpoint));
  const drop = async () => {
    const admin = createDynamoClient(endpoint);
    await dropTables(admin, Object.values(names));
    admin.destroy();
  };
  return { prefix, names, drop };
}

/**
 * The whole local cloud on a random port, for end-to-end tests over HTTP: over the shared DynamoDB
 * Local at `endpoint`, or over a fresh in-memory one of its own (stopped with it) when `endpoint` is ''.
 */
export async function startTestCloud(endpoint: string, services: ServiceManifest[], options: Partial<LocalCloudOptions> = {}): Promise<LocalCloud> {
  return startLocalCloud({
    services,
    ...(endpoint ? { endpoint } : {}),
    port: 0,
    tablePrefix: uniquePrefix(),
    scheduler: false,
    dropTablesOnStop: true,
    publicRatePerSecond: Number.POSITIVE_INFINITY,
    relayIntervalMs: 100,
    ...options,
  });
}

/** JSON over HTTP for end-to-end tests. */
export async function call(
  cloud: Pick<LocalCloud, 'url'>,
  method: string,
  path: string,
  options: { token?: string; body?: unknown; headers?: Record<string, string> } = {},
  // biome-ignore lint/suspicious/noExplicitAny: test-only helper; callers in ~13 integration suites read arbitrary JSON response shapes directly, and `unknown` would force casts at every call site
): Promise<{ status: number; body: any; headers: Headers }> {
  const response = await fetch(cloud.url + path, {
    method,
    headers: {
      ...(options.body !== undefined ? { 'content-type': 'application/json' } : {}),
      ...(options.token ? { authorization: `Bearer ${options.token}` } : {}),
      ...(options.headers ?? {}),
    },
    ...(options.body !== undefined ? { body: JSON.stringify(options.body) } : {}),
  });
  const text = await response.text();
  let body: unknown = text;
  try {
    body = text ? JSON.parse(text) : undefined;
  } catch {
    // not JSON
  }
  return { status: response.status, body, headers: response.headers };
}

/** The bytes of a download (a CSV or XLSX export), as a client saves them to disk. */
export async function download(cloud: Pick<LocalCloud, 'url'>, path: string, token?: string): Promise<Buffer> {
  const response = await fetch(cloud.url + path, { headers: token ? { authorization: `Bearer ${token}` } : {} });
  if (response.status !== 200) throw new Error(`GET ${path} answered ${response.status}: ${await response.text()}`);
  return Buffer.from(await response.arrayBuffer());
}

/** How many UTF-8 byte-order marks a file starts with (a CSV for Excel has exactly one). */
export function leadingBoms(bytes: Buffer): number {
  let count = 0;
  while (bytes[count * 3] === 0xef && bytes[count * 3 + 1] === 0xbb && bytes[count * 3 + 2] === 0xbf) count++;
  return count;
}
