import { dispatchApi, identificationApi, noticesApi, type RouteContract, scoringApi, subsidyApi } from '@jingzhun/types';
import { Validator } from '@seriousme/openapi-schema-validator';
import { describe, expect, it } from 'vitest';
import { services } from '../../../services/registry.js';
import type { ServiceManifest } from '../src/manifest.js';
import { generateOpenApi } from '../src/openapi.js';

function isContract(value: unknown): value is RouteContract {
  return typeof value === 'object' && value !== null && 'id' in value && 'method' in value && 'path' in value && 'response' in value;
}

/** Every contract the types package defines, wired or not yet: a manifest per service. */
function allContracts(): ServiceManifest[] {
  const modules = { identification: identificationApi, notices: noticesApi, subsidy: subsidyApi, scoring: scoringApi, dispatch: dispatchApi };
  return Object.entries(modules).map(([name, module]) => {
    const seen = new Set<string>();
    const routes = Object.values(module)
      .filter(isContract)
      .filter((contract) => {
        const key = `${contract.method} ${contract.path}`;
        if (seen.has(key)) return false;
        seen.add(key);
        return true;
      })
      .map((contract) => ({ contract, handler: 'x.ts#x' }));
    return { name, root: new URL('file:///'), table: services[0]!.table, routes, jobs: [], subscriptions: [] };
  });
}

async function validate(doc: unknown) {
  const validator = new Validator();
  const result = await validator.validate(doc as Parameters<Validator['validate']>[0]);
  return { valid: result.valid, errors: JSON.stringify(result.errors, null, 2)?.slice(0, 4000) };
}

describe('OpenAPI 3.1 from the contracts', () => {
  it('the document of every manifest route is valid OpenAPI 3.1 (independent validator)', async () => {
    const doc = generateOpenApi(services);
    const result = await validate(doc);
    expect(result.valid ? 'valid' : result.errors).toBe('valid');
    expect(doc.openapi).toBe('3.1.0');
    const paths = doc.paths as Record<string, Record<string, Record<string, unknown>>>;
    const routeCount = services.reduce((sum, manifest) => sum + manifest.routes.length, 0);
    const opCount = Object.values(paths).reduce((sum, item) => sum + Object.keys(item).length, 0);
    expect(opCount).toBe(routeCount);
    for (const manifest of services) {
      for (const { contract } of manifest.routes) {
        const op = paths[contract.path]?.[contract.method.toLowerCase()];
        expect(op?.operationId, contract.id).toBe(contract.id);
        if (contract.auth === 'staff') expect(op?.security).toEqual([{ bearerAuth: [] }]);
        if (contract.roles) expect(op?.['x-roles']).toEqual([...contract.roles]);
      }
    }
  });

  it('every contract defined in @jingzhun/types (also those not yet routed) converts to valid OpenAPI', async () => {
    const doc = generateOpenApi(allContracts());
    const result = await validate(doc);
    expect(result.valid ? 'valid' : result.errors).toBe('valid');
  });

  it('the validator is not a rubber stamp: a broken document fails', async () => {
    const doc = generateOpenApi(services) as any;
    doc.paths['/broken'] = { get: { responses: { '200': { content: 'nope' } } } };
    expect((await validate(doc)).valid).toBe(false);
  });

  it('path and query parameters, bodies, errors and roles come from the contract', () => {
    const doc = generateOpenApi(allContracts()) as any;
    const children = doc.paths['/regions/{code}/children'].get;
    expect(children.parameters).toEqual([expect.objectContaining({ name: 'code', in: 'path', required: true })]);
    expect(children.responses['200'].content['application/json'].schema.properties.items.type).toBe('array');
    expect(children.responses['404'].content['application/json'].schema).toEqual({ $ref: '#/components/schemas/ApiErrorBody' });
    expect(doc.components.schemas.ApiErrorBody.required).toEqual(['code', 'message']);
    const list = doc.paths['/households'].get;
    const limit = list.parameters.find((p: any) => p.name === 'limit');
    const region = list.parameters.find((p: any) => p.name === 'region');
    expect(limit.required).toBe(false);
    expect(region.required).toBe(true);
    const create = doc.paths['/households'].post;
    expect(create.requestBody.content['application/json'].schema.required).toContain('members');
    expect(create['x-roles']).toEqual(['village', 'town', 'county']);
    expect(create.security).toEqual([{ bearerAuth: [] }]);
  });

  it('a public route has no security requirement and no 401/403', () => {
    const doc = generateOpenApi([
      {
        name: 'demo',
        root: new URL('file:///'),
        table: services[0]!.table,
        routes: [{ contract: { ...identificationApi.getRegion, auth: 'public', id: 'demo.public' } as RouteContract, handler: 'x.ts#x' }],
        jobs: [],
        subscriptions: [],
      },
    ]) as any;
    const op = doc.paths['/regions/{code}'].get;
    expect(op.security).toEqual([]);
    expect(op.responses['401']).toBeUndefined();
    expect(op.responses['429']).toBeDefined();
  });
});
