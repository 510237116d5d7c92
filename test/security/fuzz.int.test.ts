import { ScanCommand } from '@aws-sdk/lib-dynamodb';
import { JWT_CLAIM, type RouteContract } from '@jingzhun/types';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import * as z from 'zod';
import { call, type LocalCloud, startTestCloud } from '../../packages/local-cloud/src/testing.js';
import { createDocumentClient } from '../../packages/platform/src/dynamo.js';
import { services } from '../../services/registry.js';
import { allRoutes, paramNames } from '../support/routes.js';

/**
 * Bad-input fuzzing of every route, derived from its zod contract: wrong types, huge strings,
 * unicode edge cases, injection strings and deep JSON. Every answer must be a 4xx with the error
 * envelope, never a 5xx, and no table may gain or lose an item.
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
});
