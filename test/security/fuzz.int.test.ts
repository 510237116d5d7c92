import { ScanCommand } from '@aws-sdk/lib-dynamodb';
import { JWT_CLAIM, type RouteContract } from '@jingzhun/types';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import * as z from 'zod';
import { call, type LocalCloud, startTestCloud } from '../../packages/local-cloud/src/testing.js';
import { createDocumentClient } from '../../packages/platform/src/dynamo.js';
import { hostileWorkbooks } from '../../packages/platform/test/support/workbooks.js';
import { services } from '../../services/registry.js';
import { allRoutes, fillPath, paramNames, regionAcceptedBy, regionQuery } from '../support/routes.js';

/**
 * Bad-input fuzzing of every route, derived from its zod contract: wrong types, huge strings,
 * unicode edge cases, injection strings and deep JSON. Every answer must be a 4xx with the error
 * envelope, never a 5xx, and no table may gain or lose an item. Three classes are covered on every
 * route they concern: tampered page cursors, integers beyond 2^53 in numeric fields, and hostile
 * XLSX files on upload routes.
 */
const NASTY_STRINGS = [
  "' OR '1'='1' --",
  '<script>alert(1)</script>',
  // biome-ignore lint/suspicious/noTemplateCurlyInString: a literal Log4Shell-style JNDI lookup string is the injection payload under test, not a mistaken template
  '${jndi:ldap://127.0.0.1/x}',
  '../../../../etc/passwd',
  '\u0000\u0001\u001f',
  '\ud800',
  '\u202e诈骗\u202d',
  '𠜎𠜱𠝹𠱓',
  '%00%2e%2e%2f',
  'A'.repeat(5000),
  '{"$ne":null}',
  'NaN',
  '-1e309',
];

/** A URL-safe path or query value; a lone surrogate goes out as U+FFFD, as a browser sends it. */
function percentEncode(text: string): string {
  return text === '' ? '%20' : encodeURIComponent(text.toWellFormed());
}

function deepJson(depth: number): unknown {
  let value: unknown = {};
  for (let i = 0; i < depth; i++) value = { a: value };
  return value;
}

/** A JSON value of a type the schema property does not accept. */
function wrongTypeFor(schema: unknown): unknown {
  const type = (schema as { type?: string | string[] })?.type;
  const types = [type].flat();
  if (types.includes('string')) return { nested: [1, 2, 3] };
  if (types.includes('object')) return 'not-an-object';
  if (types.includes('array')) return 'not-an-array';
  return [{ wrong: true }];
}

/** Bodies that break the contract: each has at least one required field of the wrong type. */
function badBodies(contract: RouteContract): unknown[] {
  const bodies: unknown[] = [null, 42, 'text', [], true, deepJson(3000)];
  if (!(contract.body instanceof z.ZodType) || contract.body instanceof z.ZodUndefined) return bodies;
  let jsonSchema: { properties?: Record<string, unknown>; required?: string[] } = {};
  try {
    jsonSchema = z.toJSONSchema(contract.body, { io: 'input', unrepresentable: 'any' }) as typeof jsonSchema;
  } catch {
    return bodies;
  }
  const properties = jsonSchema.properties ?? {};
  const required = (jsonSchema.required ?? []).filter((name) => (properties[name] as { type?: unknown })?.type !== undefined);
  const names = Object.keys(properties);
  if (names.length === 0 || required.length === 0) return [...bodies, {}];
  for (const broken of required) {
    for (const nasty of NASTY_STRINGS.slice(0, 6)) {
      const body: Record<string, unknown> = {};
      for (const name of names) body[name] = nasty;
      body[broken] = wrongTypeFor(properties[broken]);
      bodies.push(body);
    }
  }
  return bodies;
}

/** Region codes of the demo (county, town, village) for routes that take one. */
const REGIONS = ['370405000000', '370405103000', '370405103201'] as const;

/** 2^53 + 2: beyond Number.MAX_SAFE_INTEGER (a double holds it exactly, but not 2^53 + 1 beside it). */
const UNSAFE_INTEGER = 2 ** 53 + 2;

const shapeOf = (schema: unknown): Record<string, z.ZodType> => (schema instanceof z.ZodObject ? (schema.shape as Record<string, z.ZodType>) : {});

/** Paths (in a JSON value) of every numeric field of a JSON schema: object properties, record values, array items. */
function numericPaths(schema: unknown, path: (string | number)[] = []): (string | number)[][] {
  const node = schema as { type?: string | string[]; properties?: Record<string, unknown>; additionalProperties?: unknown; items?: unknown; anyOf?: unknown[]; oneOf?: unknown[] };
  if (!node || typeof node !== 'object') return [];
  const types = [node.type].flat();
  if (types.includes('number') || types.includes('integer')) return [path];
  const found: (string | number)[][] = [];
  for (const [name, property] of Object.entries(node.properties ?? {})) found.push(...numericPaths(property, [...path, name]));
  if (node.additionalProperties && typeof node.additionalProperties === 'object') found.push(...numericPaths(node.additionalProperties, [...path, 'k']));
  if (node.items) found.push(...numericPaths(node.items, [...path, 0]));
  for (const option of [...(node.anyOf ?? []), ...(node.oneOf ?? [])]) found.push(...numericPaths(option, path));
  return found;
}

/** A JSON value holding `value` at `path` (and nothing else). */
function valueAt(path: (string | number)[], value: unknown): unknown {
  if (path.length === 0) return value;
  const [head, ...rest] = path;
  return typeof head === 'number' ? [valueAt(rest, value)] : { [head as string]: valueAt(rest, value) };
}

/** The fields of a body: an object's, or for a discriminated union those of the first option that has the named fields (its discriminator then set like any required field). */
function bodyShape(schema: unknown, named: string[]): Record<string, z.ZodType> {
  if (schema instanceof z.ZodDiscriminatedUnion) {
    const option = (schema.options as z.ZodType[]).find((o) => o instanceof z.ZodObject && named.every((name) => name in o.shape));
    return shapeOf(option);
  }
  return shapeOf(schema);
}

/** A body the contract takes, with `fields` set: required fields get an enum's first option or the first sample their schema takes. */
function validBody(contract: RouteContract, fields: Record<string, unknown>): Record<string, unknown> {
  const body: Record<string, unknown> = {};
  for (const [name, field] of Object.entries(bodyShape(contract.body, Object.keys(fields)))) {
    if (name in fields) body[name] = fields[name];
    else if (!field.safeParse(undefined).success) {
      const json = z.toJSONSchema(field, { io: 'input', unrepresentable: 'any' }) as { enum?: unknown[]; const?: unknown };
      body[name] = [...(json.enum ?? []), ...(json.const === undefined ? [] : [json.const]), ...REGIONS, '2017-03', '2019-06', '2019-06-01', 'sample-1', 1].find(
        (candidate) => field.safeParse(candidate).success,
      );
    }
  }
  return body;
}

describe('bad-input fuzzing of every route', () => {
  let cloud: LocalCloud;
  const tokens = new Map<string, string>();

  async function tokenFor(contract: RouteContract): Promise<string | undefined> {
    if (contract.auth === 'public') return undefined;
    const role = contract.roles?.[0] ?? 'county';
    let token = tokens.get(role);
    if (!token) {
      token = await cloud.identity.signRaw({
        sub: `fuzz-${role}`,
        [JWT_CLAIM.name]: 'fuzz',
        [JWT_CLAIM.role]: role,
        [JWT_CLAIM.region]: '370405000000',
        ...(role === 'department' ? { [JWT_CLAIM.department]: 'minzheng' } : {}),
        ...(role === 'bank' ? { [JWT_CLAIM.bankId]: 'abc' } : {}),
      });
      tokens.set(role, token);
    }
    return token;
  }

  async function itemCounts(): Promise<Record<string, number>> {
    const documents = createDocumentClient(cloud.endpoint);
    const counts: Record<string, number> = {};
    for (const manifest of services) {
      let count = 0;
      let start: Record<string, unknown> | undefined;
      do {
        const page = await documents.send(new ScanCommand({ TableName: cloud.tableName(manifest.name), Select: 'COUNT', ExclusiveStartKey: start, ConsistentRead: true }));
        count += page.Count ?? 0;
        start = page.LastEvaluatedKey;
      } while (start);
      counts[manifest.name] = count;
    }
    documents.destroy();
    return counts;
  }

  const CHINESE = /[\u4e00-\u9fff]/;

  function expectEnvelope(response: { status: number; body: any }, label: string): void {
    expect(response.status, label).toBeGreaterThanOrEqual(400);
    expect(response.status, label).toBeLessThan(500);
    expect(typeof response.body?.code, label).toBe('string');
    expect(typeof response.body?.message, label).toBe('string');
    // The message and every field message say it in Chinese (zod's checks included).
    expect(response.body.message, label).toMatch(CHINESE);
    const details: unknown[] = Array.isArray(response.body.details) ? response.body.details : [];
    for (const detail of details) {
      if (detail && typeof detail === 'object' && 'message' in detail) expect((detail as { message: string }).message, label).toMatch(CHINESE);
    }
  }

  beforeAll(async () => {
    cloud = await startTestCloud(inject('dynamoEndpoint'), services, { demo: true });
    await cloud.drain();
  }, 180_000);
  afterAll(() => cloud.stop());

  it('answers malformed bodies, wrong types and deep JSON with a 4xx envelope and writes nothing', async () => {
    const before = await itemCounts();
    for (const { contract } of allRoutes(services)) {
      if (contract.method === 'GET') continue;
      const token = await tokenFor(contract);
      const path = contract.path.replace(/\{(\w+)\}/g, 'fuzz-id');
      const raw = await fetch(cloud.url + path, {
        method: contract.method,
        headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
        body: '{"unterminated": ',
      });
      expectEnvelope({ status: raw.status, body: await raw.json() }, `malformed JSON → ${contract.method} ${contract.path}`);
      for (const body of badBodies(contract)) {
        const response = await call(cloud, contract.method, path, { ...(token ? { token } : {}), body });
        expectEnvelope(response, `${contract.method} ${contract.path} with ${JSON.stringify(body).slice(0, 120)}`);
      }
    }
    await cloud.drain();
    expect(await itemCounts()).toEqual(before);
  });

  it('answers hostile path and query values with a 4xx envelope, never a 5xx', async () => {
    const before = await itemCounts();
    const routes = allRoutes(services);
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...routes),
        fc.oneof(
          fc.constantFrom(...NASTY_STRINGS).map(percentEncode),
          fc.string({ unit: 'binary', maxLength: 300 }).map(percentEncode),
          fc.string({ minLength: 1025, maxLength: 3000 }).map(percentEncode),
          // Already-encoded values a hostile client can send: invalid UTF-8, a lone surrogate, a cut escape.
          fc.constantFrom('%ED%A0%80', '%FF%FE', '%C0%AF', '%', '%zz'),
        ),
        async ({ contract }, value) => {
          const token = await tokenFor(contract);
          const names = paramNames(contract);
          const path = contract.path.replace(/\{(\w+)\}/g, value);
          const queryShape = contract.query instanceof z.ZodObject ? Object.keys(contract.query.shape) : [];
          const query = queryShape.length ? `?${queryShape.map((name) => `${name}=${value}`).join('&')}` : '';
          if (names.length === 0 && !query) return;
          const response = await call(cloud, contract.method, path + query, { ...(token ? { token } : {}), ...(contract.method === 'GET' ? {} : { body: {} }) });
          if (response.status < 400) {
            // A GET whose parameters are free text (a name search) may legitimately answer 200.
            expect(contract.method, `${contract.method} ${path + query} → ${response.status}`).toBe('GET');
            return;
          }
          expectEnvelope(response, `${contract.method} ${(path + query).slice(0, 200)}`);
        },
      ),
      { numRuns: Math.max(200, routes.length * 4), seed: 20181231 },
    );
    await cloud.drain();
    expect(await itemCounts()).toEqual(before);
  });

  it('answers tampered page cursors on every paged route with 400 BAD_CURSOR and writes nothing', async () => {
    const before = await itemCounts();
    // Routes without path parameters first: their items give the ids (households, notices, runs) the others need.
    const paged = allRoutes(services)
      .filter(({ contract }) => 'cursor' in shapeOf(contract.query))
      .sort((a, b) => paramNames(a.contract).length - paramNames(b.contract).length);
    const known = new Map<string, string>();
    expect(paged.length).toBeGreaterThan(5);
    const encode = (value: unknown) => Buffer.from(typeof value === 'string' ? value : JSON.stringify(value)).toString('base64url');
    const generic = [
      'bm90LWEtY3Vyc29y',
      encode('{"pk":'),
      encode('null'),
      encode([1, 2]),
      encode({}),
      encode({ pk: 'HOUSEHOLD#x', sk: 7 }),
      encode({ pk: 'OTHER#partition', sk: 'X' }),
      encode({ pk: 'A', sk: 'B', gsi9pk: 'C', gsi9sk: 'D' }),
      encode({ pk: { S: 'A' }, sk: 'B' }),
      '%00%ff',
    ];
    let checked = 0;
    const unreached: string[] = [];
    for (const { contract } of paged) {
      const token = await tokenFor(contract);
      const region = regionAcceptedBy(contract, REGIONS) ?? REGIONS[0];
      const sample = fillPath(contract, region).split('/');
      const path = contract.path
        .split('/')
        .map((part, i) => {
          const name = /^\{(\w+)\}$/.exec(part)?.[1];
          return name && known.has(name) ? encodeURIComponent(known.get(name) as string) : sample[i];
        })
        .join('/');
      const query = regionQuery(contract, region);
      const url = (extra: string) => `${path}${query ? `${query}&` : '?'}${extra}`;
      const baseline = await call(cloud, 'GET', url('limit=1'), token ? { token } : {});
      for (const [name, value] of Object.entries((baseline.body?.items?.[0] ?? {}) as Record<string, unknown>)) {
        if (typeof value === 'string' && !known.has(name)) known.set(name, value);
      }
      const tampered = [...generic];
      if (baseline.status === 200 && typeof baseline.body?.nextCursor === 'string') {
        // A real cursor of this query, bent: an empty sort key, another partition, one key more, a number.
        // (A sort key outside a query's range is refused in packages/platform/test/store.int.test.ts.)
        // On a GSI the query's keys are the index's (gsiNpk, gsiNsk); the table's only order ties.
        const key = JSON.parse(Buffer.from(baseline.body.nextCursor, 'base64url').toString('utf8')) as Record<string, string>;
        const partitionKey = Object.keys(key).find((name) => /^gsi\d+pk$/.test(name)) ?? 'pk';
        const sortKey = partitionKey.replace(/pk$/, 'sk');
        tampered.push(
          encode({ ...key, [sortKey]: '' }),
          encode({ ...key, [partitionKey]: `${key[partitionKey]}X` }),
          encode({ ...key, extra: 'x' }),
          encode({ ...key, [sortKey]: 1 }),
        );
      }
      for (const cursor of tampered) {
        const response = await call(cloud, 'GET', url(`cursor=${encodeURIComponent(cursor)}`), token ? { token } : {});
        const label = `GET ${contract.path} cursor ${Buffer.from(cursor, 'base64url').toString('utf8').slice(0, 80)}`;
        expectEnvelope(response, label);
        // Where the query itself answers, the cursor is what it refuses.
        if (baseline.status === 200) expect(response.body.code, label).toBe('BAD_CURSOR');
      }
      if (baseline.status === 200) checked++;
      else unreached.push(`GET ${contract.path} → ${baseline.status} ${baseline.body?.code}`);
    }
    // Some routes need data the demo does not have (a subsidy run's diff, a dispatch job's runs): they still answer a 4xx envelope.
    expect(checked, `paged routes that answered their first page and refused every tampered cursor (not reached: ${unreached.join('; ')})`).toBeGreaterThan(paged.length / 2);
    await cloud.drain();
    expect(await itemCounts()).toEqual(before);
  });

  it('refuses integers beyond 2^53 in every numeric field (body, query, path) with a 4xx naming the field, and writes nothing', async () => {
    const before = await itemCounts();
    const accepted: string[] = [];
    let fields = 0;
    let named = 0;
    for (const { contract } of allRoutes(services)) {
      const token = await tokenFor(contract);
      const region = regionAcceptedBy(contract, REGIONS) ?? REGIONS[0];
      if (contract.method !== 'GET' && contract.body instanceof z.ZodType && !(contract.body instanceof z.ZodUndefined)) {
        let jsonSchema: unknown;
        try {
          jsonSchema = z.toJSONSchema(contract.body, { io: 'input', unrepresentable: 'any' });
        } catch {
          jsonSchema = undefined;
        }
        for (const path of numericPaths(jsonSchema)) {
          const [top, ...rest] = path as [string, ...(string | number)[]];
          const body = validBody(contract, { [top]: valueAt(rest, UNSAFE_INTEGER) });
          const label = `${contract.method} ${contract.path} body.${path.join('.')} = 2^53 + 2`;
          const response = await call(cloud, contract.method, fillPath(contract, region) + regionQuery(contract, region), { ...(token ? { token } : {}), body });
          expectEnvelope(response, label);
          // The field itself is named, unless the sample was refused before its body was read (its role or
          // department, its path parameters).
          const details: { path?: string; in?: string }[] = Array.isArray(response.body.details) ? response.body.details : [];
          if (![401, 403].includes(response.status) && !details.some((detail) => detail.in === 'path')) {
            if (!details.some((detail) => detail.in === 'body' && detail.path === path.join('.'))) accepted.push(`${label} → ${JSON.stringify(response.body).slice(0, 200)}`);
            named++;
          }
          fields++;
        }
      }
      for (const [where, shape] of [
        ['query', shapeOf(contract.query)],
        ['path', shapeOf(contract.params)],
      ] as const) {
        for (const [name, field] of Object.entries(shape)) {
          if (typeof field.safeParse('5').data !== 'number') continue;
          const label = `${contract.method} ${contract.path} ${where} ${name} = 2^53 + 1`;
          const value = String(2 ** 53 + 1);
          const path = where === 'path' ? fillPath(contract, region).replace(/[^/]+$/, value) : fillPath(contract, region);
          const query = where === 'query' ? `${regionQuery(contract, region) || '?'}&${name}=${value}` : regionQuery(contract, region);
          const response = await call(cloud, contract.method, path + query, { ...(token ? { token } : {}), ...(contract.method === 'GET' ? {} : { body: {} }) });
          expectEnvelope(response, label);
          if (field.safeParse(value).success) accepted.push(label);
          fields++;
        }
      }
    }
    expect(accepted, 'numeric fields that take an unsafe integer').toEqual([]);
    expect(fields).toBeGreaterThan(10);
    expect(named).toBeGreaterThan(10);
    await cloud.drain();
    expect(await itemCounts()).toEqual(before);
  });

  it('refuses hostile XLSX files on every upload route with 400 or 413 and writes nothing', async () => {
    const before = await itemCounts();
    // Spreadsheet uploads (a `format` beside the file); the visit photo upload checks its own JPEG/PNG signature (visits.int.test.ts).
    const uploads = allRoutes(services).filter(({ contract }) => 'contentBase64' in shapeOf(contract.body) && 'format' in shapeOf(contract.body));
    expect(uploads.map(({ contract }) => contract.id).sort()).toEqual(['dispatch.uploadFiling', 'identification.importComparison', 'subsidy.importPaymentResults']);
    for (const { contract } of uploads) {
      const token = await tokenFor(contract);
      const region = regionAcceptedBy(contract, REGIONS) ?? REGIONS[0];
      for (const { label, file, status } of hostileWorkbooks()) {
        const body = validBody(contract, { format: 'xlsx', contentBase64: file.toString('base64') });
        const response = await call(cloud, contract.method, fillPath(contract, region), { ...(token ? { token } : {}), body });
        expectEnvelope(response, `${contract.id}: ${label}`);
        expect([response.status, response.body.code], `${contract.id}: ${label}`).toEqual([status, status === 413 ? 'UPLOAD_TOO_LARGE' : 'UPLOAD_UNREADABLE']);
      }
    }
    await cloud.drain();
    expect(await itemCounts()).toEqual(before);
  });
});
