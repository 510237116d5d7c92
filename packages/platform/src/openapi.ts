import type { IncomingMessage, ServerResponse } from 'node:http';
import { ApiErrorBody, type RouteContract } from '@jingzhun/types';
import * as z from 'zod';
import type { ServiceManifest } from './manifest.js';

/**
 * OpenAPI 3.1 from the zod contracts of every manifest route: no hand-written copy. OpenAPI 3.1
 * schemas are JSON Schema 2020-12, which is what `z.toJSONSchema` emits by default.
 */

type JsonSchema = Record<string, unknown>;

export interface OpenApiOptions {
  title?: string;
  version?: string;
  description?: string;
  /** Server URLs, e.g. the API Gateway endpoint or http://localhost:3000. */
  servers?: string[];
}

const ERROR_RESPONSES: Record<string, string> = {
  '400': '请求参数不合法（VALIDATION_FAILED，details 列出字段问题）',
  '401': '未登录或登录已失效（UNAUTHENTICATED）',
  '403': '无权执行此操作或超出区划范围（FORBIDDEN / OUT_OF_SCOPE）',
  '404': '资源不存在（NOT_FOUND）',
  '409': '业务规则拒绝或版本冲突（VERSION_CONFLICT 等）',
  '429': '请求过于频繁（RATE_LIMITED），见 Retry-After',
  '500': '服务器内部错误（INTERNAL）',
};

/** JSON Schema of a zod schema for the given direction; `$schema` dropped (the document sets the dialect). */
export function jsonSchemaOf(schema: z.ZodType, io: 'input' | 'output'): JsonSchema {
  const out = z.toJSONSchema(schema, { target: 'draft-2020-12', io, unrepresentable: 'any', reused: 'inline', cycles: 'ref' }) as JsonSchema;
  delete out.$schema;
  return out;
}

function objectShape(schema: z.ZodType): Record<string, z.ZodType> | undefined {
  const candidate = schema as unknown as { shape?: Record<string, z.ZodType> };
  if (schema instanceof z.ZodObject || (candidate.shape && typeof candidate.shape === 'object')) return candidate.shape;
  // z.object(...).refine(...) keeps ZodObject in zod 4; a pipe/transform wraps it.
  const def = (schema as unknown as { _zod?: { def?: { in?: z.ZodType; innerType?: z.ZodType } } })._zod?.def;
  if (def?.in) return objectShape(def.in);
  if (def?.innerType) return objectShape(def.innerType);
  return undefined;
}

function isAbsent(schema: z.ZodType): boolean {
  return schema instanceof z.ZodUndefined || schema instanceof z.ZodNever || schema instanceof z.ZodVoid;
}

function parameters(contract: RouteContract): JsonSchema[] {
  const out: JsonSchema[] = [];
  const pathNames = [...contract.path.matchAll(/\{(\w+)\}/g)].map((match) => match[1] as string);
  const params = objectShape(contract.params) ?? {};
  for (const name of pathNames) {
    const field = params[name];
    out.push({ name, in: 'path', required: true, schema: field ? jsonSchemaOf(field, 'input') : { type: 'string' } });
  }
  const query = objectShape(contract.query) ?? {};
  for (const [name, field] of Object.entries(query)) {
    const schema = jsonSchemaOf(field, 'input');
    const description = typeof schema.description === 'string' ? schema.description : undefined;
    out.push({ name, in: 'query', required: !field.safeParse(undefined).success, schema, ...(description ? { description } : {}) });
  }
  return out;
}

function mediaTypeOf(produces: string | undefined): string {
  const first = produces?.split(/[;,\s]/)[0]?.trim();
  return first && /^[\w.+-]+\/[\w.+-]+$/.test(first) ? first : 'application/json';
}

function operation(service: string, contract: RouteContract): JsonSchema {
  const media = mediaTypeOf(contract.produces);
  const responseContent: JsonSchema = media.includes('json')
    ? { [media]: { schema: jsonSchemaOf(contract.response, 'output') } }
    : { [media]: { schema: { type: 'string', contentMediaType: media } } };
  const responses: JsonSchema = {
    '200': { description: contract.produces ? `成功（${contract.produces}）` : '成功', content: responseContent },
  };
  for (const [status, description] of Object.entries(ERROR_RESPONSES)) {
    if (contract.auth === 'public' && (status === '401' || status === '403')) continue;
    responses[status] = { description, content: { 'application/json': { schema: { $ref: '#/components/schemas/ApiErrorBody' } } } };
  }
  const op: JsonSchema = {
    operationId: contract.id,
    summary: contract.summary,
    tags: [service],
    parameters: parameters(contract),
    responses,
    'x-auth': contract.auth,
  };
  if (!isAbsent(contract.body)) {
    op.requestBody = { required: !contract.body.safeParse(undefined).success, content: { 'application/json': { schema: jsonSchemaOf(contract.body, 'input') } } };
  }
  if (contract.auth === 'staff') {
    op.security = [{ bearerAuth: [] }];
    op['x-roles'] = contract.roles ? [...contract.roles] : [];
  } else {
    op.security = [];
  }
  return op;
}

export function generateOpenApi(manifests: readonly ServiceManifest[], options: OpenApiOptions = {}): JsonSchema {
  const paths: Record<string, Record<string, JsonSchema>> = {};
  const seen = new Set<string>();
  for (const manifest of manifests) {
    for (const route of manifest.routes) {
      const { contract } = route;
      if (seen.has(contract.id)) throw new Error(`duplicate contract id ${contract.id}`);
      seen.add(contract.id);
      let item = paths[contract.path];
      if (!item) {
        item = {};
        paths[contract.path] = item;
      }
      item[contract.method.toLowerCase()] = operation(manifest.name, contract);
    }
  }
  return {
    openapi: '3.1.0',
    jsonSchemaDialect: 'https://json-schema.org/draft/2020-12/schema',
    info: {
      title: options.title ?? '精准扶贫业务系统 API（Jingzhun）',
      version: options.version ?? '0.1.0',
      description:
        options.description ??
        '由各服务的 zod 接口契约自动生成。staff 接口需 Bearer JWT（本地 POST /dev/login，云上 Cognito）；x-roles 列出允许的角色（空表示任意已登录角色）。错误统一为 ApiErrorBody，message 为中文。',
    },
    ...(options.servers?.length ? { servers: options.servers.map((url) => ({ url })) } : {}),
    tags: manifests.map((manifest) => ({ name: manifest.name })),
    paths,
    components: {
      schemas: { ApiErrorBody: jsonSchemaOf(ApiErrorBody, 'output') },
      securitySchemes: { bearerAuth: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' } },
    },
  };
}

/** An `extraHandlers` entry for local-cloud: GET /openapi.json. */
export function openApiHandler(manifests: readonly ServiceManifest[], options: OpenApiOptions = {}) {
  let cached: string | undefined;
  return (req: IncomingMessage, res: ServerResponse): boolean => {
    const path = (req.url ?? '/').split('?')[0];
    if (path !== '/openapi.json' || (req.method ?? 'GET') !== 'GET') return false;
    cached ??= JSON.stringify(generateOpenApi(manifests, options));
    res.writeHead(200, {
      'content-type': 'application/json; charset=utf-8',
      'content-length': Buffer.byteLength(cached),
      'cache-control': 'no-cache',
      'access-control-allow-origin': '*',
    });
    res.end(cached);
    return true;
  };
}
