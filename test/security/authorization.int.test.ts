import { JWT_CLAIM, ROLES, type Role } from '@jingzhun/types';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createIdentity } from '../../packages/local-cloud/src/identity.js';
import { call, type LocalCloud, startTestCloud } from '../../packages/local-cloud/src/testing.js';
import { services } from '../../services/registry.js';
import { allRoutes, fillPath, regionAcceptedBy, regionParams, regionQuery } from '../support/routes.js';

/**
 * The authorization matrix, generated from the manifests: every staff route × every role ×
 * in-scope and out-of-scope regions, plus missing, expired, forged and wrong-audience tokens.
 * A route added to any manifest is covered without touching this file.
 */
const COUNTY = '370405000000';
const OTHER_COUNTY = '370403000000';
/** Codes in the other county at each level, for routes that take a town or a village. */
const OUT_OF_SCOPE_CODES = [OTHER_COUNTY, '370403001000', '370403001001'];

describe('authorization matrix over every staff route', () => {
  let cloud: LocalCloud;
  const tokens = new Map<string, string>();
  const staffRoutes = allRoutes(services).filter(({ contract }) => contract.auth === 'staff');

  async function tokenFor(role: Role, region: string, department = 'minzheng'): Promise<string> {
    const key = `${role}@${region}@${department}`;
    let token = tokens.get(key);
    if (!token) {
      token = await cloud.identity.signRaw({
        sub: `matrix-${role}`,
        [JWT_CLAIM.name]: `矩阵-${role}`,
        [JWT_CLAIM.role]: role,
        [JWT_CLAIM.region]: region,
        ...(role === 'department' ? { [JWT_CLAIM.department]: department } : {}),
        ...(role === 'bank' ? { [JWT_CLAIM.bankId]: 'abc' } : {}),
      });
      tokens.set(key, token);
    }
    return token;
  }

  beforeAll(async () => {
    cloud = await startTestCloud(inject('dynamoEndpoint'), services, { demo: false });
  }, 120_000);
  afterAll(() => cloud.stop());

  it('covers every staff route of every service', () => {
    expect(staffRoutes.length).toBeGreaterThan(0);
    for (const manifest of services) {
      const count = manifest.routes.filter((route) => route.contract.auth === 'staff').length;
      expect(staffRoutes.filter((entry) => entry.service === manifest.name)).toHaveLength(count);
    }
  });

  it('refuses missing, expired, forged, wrong-audience and wrong-issuer tokens on every staff route', async () => {
    const forger = await createIdentity();
    const claims = { sub: 'x', [JWT_CLAIM.role]: 'county', [JWT_CLAIM.region]: COUNTY, [JWT_CLAIM.name]: 'x' };
    const bad = {
      none: undefined,
      expired: await cloud.identity.signRaw(claims, { expiresInSeconds: -60 }),
      forged: await forger.signRaw(claims),
      audience: await cloud.identity.signRaw(claims, { audience: 'another-app' }),
      issuer: await cloud.identity.signRaw(claims, { issuer: 'https://evil.example' }),
      garbage: 'not-a-jwt',
    };
    for (const { contract } of staffRoutes) {
      const path = fillPath(contract, COUNTY) + regionQuery(contract, COUNTY);
      for (const [label, token] of Object.entries(bad)) {
        const response = await call(cloud, contract.method, path, token ? { token } : {});
        expect(response.status, `${label} → ${contract.method} ${contract.path}`).toBe(401);
        expect(response.body.code).toBe('UNAUTHENTICATED');
      }
    }
  });

  it('denies every role a route does not name, and lets every named role past the role check', async () => {
    for (const { contract } of staffRoutes) {
      const path = fillPath(contract, COUNTY) + regionQuery(contract, COUNTY);
      const body = contract.method === 'GET' ? {} : { body: {} };
      // A department token carries a department the route names (if it names any).
      const department = contract.departments?.[0];
      for (const role of ROLES) {
        const response = await call(cloud, contract.method, path, { token: await tokenFor(role, COUNTY, department), ...body });
        const label = `${role} → ${contract.method} ${contract.path}: ${response.status} ${JSON.stringify(response.body).slice(0, 200)}`;
        const allowed = !contract.roles || contract.roles.length === 0 || contract.roles.includes(role);
        if (allowed) {
          expect(response.status, label).not.toBe(401);
          expect(response.body?.code, label).not.toBe('FORBIDDEN');
          expect(response.status, label).toBeLessThan(500);
        } else {
          expect(response.status, label).toBe(403);
          expect(response.body.code, label).toBe('FORBIDDEN');
        }
      }
      if (contract.departments && contract.roles?.includes('department')) {
        const response = await call(cloud, contract.method, path, { token: await tokenFor('department', COUNTY, 'not-listed'), ...body });
        expect(response.status, `unlisted department → ${contract.method} ${contract.path}`).toBe(403);
        expect(response.body.code).toBe('FORBIDDEN');
      }
    }
  });

  it('lets only reads skip the region scope, each with its reason', () => {
    const unscoped = staffRoutes.filter(({ contract }) => contract.unscopedReason);
    expect(unscoped.map(({ contract }) => contract.method)).toEqual(unscoped.map(() => 'GET'));
  });

  it('keeps every allowed role out of another county on routes addressed by region', async () => {
    let checked = 0;
    for (const { contract } of staffRoutes) {
      const params = regionParams(contract);
      if (contract.method !== 'GET' || params.path.length + params.query.length === 0) continue;
      // Reads of public reference data say so in their contract (and only reads may).
      if (contract.unscopedReason) continue;
      const outside = regionAcceptedBy(contract, OUT_OF_SCOPE_CODES);
      expect(outside, `${contract.method} ${contract.path} takes no region code of any level`).toBeDefined();
      const path = fillPath(contract, outside as string) + regionQuery(contract, outside as string);
      for (const role of contract.roles?.length ? contract.roles : ROLES) {
        const response = await call(cloud, 'GET', path, { token: await tokenFor(role, COUNTY, contract.departments?.[0]) });
        const label = `${role} → GET ${path}: ${response.status} ${JSON.stringify(response.body).slice(0, 200)}`;
        expect(response.status, label).toBe(403);
        expect(['OUT_OF_SCOPE', 'FORBIDDEN'], label).toContain(response.body.code);
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(0);
  });
});
