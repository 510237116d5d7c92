import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { type ApiErrorBody, METHOD_OVERRIDE_HEADER, type RouteContract, standsFor } from '@jingzhun/types';
import type { APIGatewayProxyEventV2WithJWTAuthorizer, APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import { errors as joseErrors } from 'jose';
import type { Identity } from './identity.js';
import { lambdaContext, loadHandler } from './lambda-context.js';

/** A manifest route resolved to its handler file, as the gateway serves it. */
export interface GatewayRoute {
  service: string;
  contract: RouteContract;
  path: string; // handler module path
  exportName: string;
  functionName: string;
}

interface CompiledRoute extends GatewayRoute {
  pattern: RegExp;
  paramNames: string[];
  literalSegments: number;
}

const MAX_BODY_BYTES = 6 * 1024 * 1024; // the Lambda synchronous payload limit

export function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(text), ...headers });
  res.end(text);
}

export function sendError(res: ServerResponse, status: number, code: string, message: string, headers: Record<string, string> = {}): void {
  const body: ApiErrorBody = { code, message };
  sendJson(res, status, body, { 'cache-control': 'no-store', ...headers });
}

function compile(route: GatewayRoute): CompiledRoute {
  const paramNames: string[] = [];
  const segments = route.contract.path.split('/').filter(Boolean);
  const pattern = segments
    .map((segment) => {
      const param = /^\{(\w+)\}$/.exec(segment);
      if (param) {
        paramNames.push(param[1] as string);
        return '([^/]+)';
      }
      return segment.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    })
    .join('/');
  return {
    ...route,
    pattern: new RegExp(`^/${pattern}/?$`),
    paramNames,
    literalSegments: segments.length - paramNames.length,
  };
}

/** Per-address token bucket: the local adapter for the cloud's throttling of public routes. */
export class RateLimiter {
  private readonly buckets = new Map<string, { tokens: number; at: number }>();
  constructor(
    private readonly ratePerSecond: number,
    private readonly burst: number,
  ) {}
  take(key: string, now = Date.now()): boolean {
    if (!Number.isFinite(this.ratePerSecond)) return true;
    const bucket = this.buckets.get(key) ?? { tokens: this.burst, at: now };
    bucket.tokens = Math.min(this.burst, bucket.tokens + ((now - bucket.at) / 1000) * this.ratePerSecond);
    bucket.at = now;
    const allowed = bucket.tokens >= 1;
    if (allowed) bucket.tokens -= 1;
    this.buckets.set(key, bucket);
    if (this.buckets.size > 10_000) this.buckets.clear();
    return allowed;
  }
}

export interface GatewayOptions {
  routes: GatewayRoute[];
  identity: Identity;
  publicRateLimit: RateLimiter;
}

async function readBody(req: IncomingMessage): Promise<Buffer | 'too-large'> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY_BYTES) return 'too-large';
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}

function isTextual(contentType: string): boolean {
  return contentType === '' || /json|text|xml|urlencoded/.test(contentType);
}

/** A percent-encoded path segment, or undefined when its escapes are not valid UTF-8. */
function decodePathSegment(segment: string): string | undefined {
  try {
    return decodeURIComponent(segment);
  } catch {
    return undefined;
  }
}

/**
 * The local HTTP API: matches a request to a manifest route, checks the JWT as the API Gateway
 * authorizer would, builds an API Gateway v2 event and calls the real handler in-process.
 */
export function createGateway(options: GatewayOptions) {
  const compiled = options.routes.map(compile).sort((a, b) => b.literalSegments - a.literalSegments);

  function match(method: string, path: string, override: string | undefined): { route: CompiledRoute; params: Record<string, string> } | 'method' | 'malformed' | undefined {
    let pathMatched = false;
    for (const route of compiled) {
      const found = route.pattern.exec(path);
      if (!found) continue;
      pathMatched = true;
      if (!standsFor(route.contract.method, method, override)) continue;
      const params: Record<string, string> = {};
      for (const [index, name] of route.paramNames.entries()) {
        const decoded = decodePathSegment(found[index + 1] as string);
        if (decoded === undefined) return 'malformed';
        params[name] = decoded;
      }
      return { route, params };
    }
    return pathMatched ? 'method' : undefined;
  }

  async function authorize(req: IncomingMessage): Promise<{ claims: Record<string, string> } | { error: string }> {
    const header = req.headers.authorization;
    if (!header?.startsWith('Bearer ')) return { error: '缺少登录凭证，请先登录' };
    try {
      const payload = await options.identity.verify(header.slice(7));
      const claims: Record<string, string> = {};
      for (const [key, value] of Object.entries(payload)) claims[key] = Array.isArray(value) ? `[${value.join(' ')}]` : String(value);
      return { claims };
    } catch (error) {
      if (error instanceof joseErrors.JWTExpired) return { error: '登录已过期，请重新登录' };
      return { error: '登录凭证无效' };
    }
  }

  /** Returns false when no route matches the path (so other handlers may serve it). */
  return async function handle(req: IncomingMessage, res: ServerResponse): Promise<boolean> {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const method = (req.method ?? 'GET').toUpperCase();
    const override = req.headers[METHOD_OVERRIDE_HEADER];
    const found = match(method, url.pathname, typeof override === 'string' ? override : undefined);
    if (found === undefined) return false;
    if (found === 'malformed') {
      sendError(res, 400, 'MALFORMED_URL', '请求地址中的编码不合法');
      return true;
    }
    if (found === 'method') {
      sendError(res, 405, 'METHOD_NOT_ALLOWED', `接口不支持 ${method} 方法`);
      return true;
    }
    const { route, params } = found;
    const sourceIp = (req.socket.remoteAddress ?? '127.0.0.1').replace(/^::ffff:/, '');
    let claims: Record<string, string> | undefined;
    if (route.contract.auth === 'staff') {
      const auth = await authorize(req);
      if ('error' in auth) {
        sendError(res, 401, 'UNAUTHENTICATED', auth.error);
        return true;
      }
      claims = auth.claims;
    } else if (!options.publicRateLimit.take(sourceIp)) {
      sendError(res, 429, 'RATE_LIMITED', '请求过于频繁，请稍后再试', { 'retry-after': '1' });
      return true;
    }
    const body = await readBody(req);
    if (body === 'too-large') {
      sendError(res, 413, 'PAYLOAD_TOO_LARGE', '请求体过大（上限 6 MB）');
      return true;
    }
    const headers: Record<string, string> = {};
    for (const [key, value] of Object.entries(req.headers)) if (value !== undefined) headers[key.toLowerCase()] = Array.isArray(value) ? value.join(',') : value;
    const contentType = headers['content-type'] ?? '';
    const textual = isTextual(contentType);
    const query: Record<string, string> = {};
    for (const [key, value] of url.searchParams) query[key] = key in query ? `${query[key]},${value}` : value;
    const requestId = randomUUID();
    const event: APIGatewayProxyEventV2WithJWTAuthorizer = {
      version: '2.0',
      routeKey: `${route.contract.method} ${route.contract.path}`,
      rawPath: url.pathname,
      rawQueryString: url.search.slice(1),
      headers,
      ...(Object.keys(query).length ? { queryStringParameters: query } : {}),
      ...(route.paramNames.length ? { pathParameters: params } : {}),
      ...(body.length ? { body: textual ? body.toString('utf8') : body.toString('base64') } : {}),
      isBase64Encoded: body.length > 0 && !textual,
      requestContext: {
        accountId: '000000000000',
        apiId: 'local',
        domainName: 'localhost',
        domainPrefix: 'localhost',
        http: { method, path: url.pathname, protocol: 'HTTP/1.1', sourceIp, userAgent: headers['user-agent'] ?? '' },
        requestId,
        routeKey: `${route.contract.method} ${route.contract.path}`,
        stage: '$default',
        time: new Date().toISOString(),
        timeEpoch: Date.now(),
        authorizer: { principalId: claims?.sub ?? '', integrationLatency: 0, jwt: { claims: claims ?? {}, scopes: [] } },
      },
    } as APIGatewayProxyEventV2WithJWTAuthorizer;
    if (!claims) (event.requestContext as { authorizer?: unknown }).authorizer = undefined;
    let result: APIGatewayProxyStructuredResultV2;
    try {
      const handler = await loadHandler(route.path, route.exportName);
      result = (await handler(event, lambdaContext(route.functionName, requestId))) as APIGatewayProxyStructuredResultV2;
    } catch (error) {
      console.error(`[gateway] ${route.functionName} crashed:`, error);
      sendError(res, 500, 'INTERNAL', '服务器内部错误，请稍后再试');
      return true;
    }
    const payload = result.body ? Buffer.from(result.body, result.isBase64Encoded ? 'base64' : 'utf8') : Buffer.alloc(0);
    res.writeHead(result.statusCode ?? 200, { ...(result.headers as Record<string, string>), 'content-length': payload.length, 'x-request-id': requestId });
    res.end(payload);
    return true;
  };
}
