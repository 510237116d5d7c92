import { timingSafeEqual } from 'node:crypto';
import { isIP } from 'node:net';
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import { type ApiErrorBody, CommonErrors, DomainError, METHOD_OVERRIDE_HEADER, type RouteContract, type StaffClaims, standsFor } from '@jingzhun/types';
import middy from '@middy/core';
import type { APIGatewayProxyEventV2WithJWTAuthorizer, APIGatewayProxyStructuredResultV2, Context } from 'aws-lambda';
import * as z from 'zod';
import zhCN from 'zod/v4/locales/zh-CN.js';
import { assertInScope, claimsFromEvent, requireRole } from './auth.js';
import { type Clock, systemClock } from './clock.js';
import { CORRELATION_HEADER, correlationFrom, withCorrelation } from './correlation.js';
import { type IdGenerator, ulidGenerator } from './ids.js';
import { logger } from './logger.js';
import { businessMetricsFlush } from './metrics.js';
import type { Actor } from './unit-of-work.js';

// Validation messages in the details of a 400 are in Chinese like the rest of the envelope. The one
// locale is imported on its own: `z.locales` would bring every language into each function bundle.
z.config(zhCN());

export type HttpEvent = APIGatewayProxyEventV2WithJWTAuthorizer;

/** A response other than 200 JSON: another status, headers, or a non-JSON body. */
export class HttpResponse {
  constructor(
    readonly status: number,
    readonly body: unknown,
    readonly headers: Record<string, string> = {},
    /** Raw bodies (HTML, CSV, XLSX) are sent as is; Buffers are base64-encoded. */
    readonly raw = false,
  ) {}
}

export function respond(status: number, body: unknown, headers: Record<string, string> = {}): HttpResponse {
  return new HttpResponse(status, body, headers);
}

export function rawResponse(status: number, body: string | Buffer, contentType: string, headers: Record<string, string> = {}): HttpResponse {
  return new HttpResponse(status, body, { 'content-type': contentType, ...headers }, true);
}

export interface RequestContext<P, Q, B> {
  params: P;
  query: Q;
  body: B;
  /** Present on staff routes. */
  claims: StaffClaims | undefined;
  /** The signed-in staff member; throws on public routes. */
  staff(): StaffClaims;
  actor: Actor;
  assertInScope(region: string): void;
  clock: Clock;
  ids: IdGenerator;
  requestId: string;
  /** The caller's address: behind CloudFront the viewer's, not the edge server's (callerAddress). */
  sourceIp: string;
  headers: Record<string, string | undefined>;
  event: HttpEvent;
}

/**
 * The caller's address behind CloudFront (infra/lib/web-stack.ts), named once here for the stacks.
 *
 * Behind CloudFront, `requestContext.http.sourceIp` is the CloudFront edge server that called the
 * API, so every caller of a public route would share a handful of addresses, and the per-address
 * flood control of public objections (notices) would put the whole public in one bucket. So:
 * - a CloudFront Function on the API behaviours writes the viewer's IP (`event.viewer.ip`) into
 *   `viewerAddressHeader`, replacing whatever the viewer sent under that name;
 * - CloudFront adds `originVerifyHeader` with a secret (an origin custom header: CloudFront
 *   overwrites a viewer's header of the same name), which the route functions get in
 *   `originVerifyEnv`;
 * - the address header is believed only when the secret matches. The HTTP API's own
 *   execute-api URL stays reachable (disabling it would shut CloudFront out too: CloudFront calls
 *   that URL, and only a custom API domain could replace it), and a direct caller must not be
 *   able to claim a new address on every request: without the secret it is measured by its own
 *   `sourceIp`, which it cannot forge.
 * The header carries the bare address (no port), so an IPv6 address needs no splitting.
 * Locally (`npm start`) no secret is configured, so the header is never believed: the gateway
 * (packages/local-cloud/src/gateway.ts) does not set it, and a local client that sends it itself
 * changes nothing; the address stays the socket's, as before.
 */
export const FRONT_DOOR = {
  viewerAddressHeader: 'x-jingzhun-viewer-address',
  originVerifyHeader: 'x-jingzhun-origin-verify',
  originVerifyEnv: 'JZ_ORIGIN_VERIFY',
} as const;

/** The caller's address: the viewer address CloudFront vouched for (see FRONT_DOOR), else the connection's source. */
export function callerAddress(event: Pick<HttpEvent, 'headers' | 'requestContext'>, originSecret = process.env[FRONT_DOOR.originVerifyEnv]): string {
  const direct = event.requestContext?.http?.sourceIp ?? 'unknown';
  const headers = event.headers ?? {};
  if (!originSecret || !sameSecret(headers[FRONT_DOOR.originVerifyHeader], originSecret)) return direct;
  return viewerAddress(headers[FRONT_DOOR.viewerAddressHeader]) ?? direct;
}

/** An IPv4 or IPv6 address as CloudFront's function wrote it; anything else is not an address. */
export function viewerAddress(value: string | undefined): string | undefined {
  const address = value?.trim();
  return address && isIP(address) ? address.toLowerCase() : undefined;
}

function sameSecret(given: string | undefined, expected: string): boolean {
  if (given === undefined) return false;
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

export function errorResponse(error: unknown): APIGatewayProxyStructuredResultV2 {
  const domain = toDomainError(error);
  const body: ApiErrorBody = { code: domain.code, message: domain.messageZh };
  if (domain.details !== undefined) body.details = domain.details;
  if (domain.status >= 500) logger.error('unhandled error', { error: error as Error });
  return {
    statusCode: domain.status,
    headers: { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' },
    body: JSON.stringify(body),
  };
}

function toDomainError(error: unknown): DomainError {
  if (error instanceof DomainError) return error;
  if (error instanceof z.ZodError) return CommonErrors.validation(issuesOf(error));
  return new DomainError('INTERNAL', '服务器内部错误，请稍后再试', 500);
}

export function issuesOf(error: z.ZodError): { path: string; message: string }[] {
  return error.issues.slice(0, 20).map((issue) => ({ path: issue.path.join('.'), message: issue.message }));
}

function parseBody(event: HttpEvent, schema: z.ZodType): unknown {
  if (!event.body) return undefined;
  const text = event.isBase64Encoded ? Buffer.from(event.body, 'base64').toString('utf8') : event.body;
  const contentType = event.headers?.['content-type'] ?? event.headers?.['Content-Type'] ?? '';
  if (schema instanceof z.ZodUndefined) return undefined;
  if (!contentType.includes('json')) {
    throw new DomainError('UNSUPPORTED_MEDIA_TYPE', '请求体须为 JSON（Content-Type: application/json）', 415);
  }
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    throw new DomainError('MALFORMED_JSON', '请求体不是合法的 JSON', 400);
  }
  const unsafe = unsafeIntegerPaths(body);
  if (unsafe.length > 0) throw CommonErrors.validation(unsafe.map((path) => ({ path, message: UNSAFE_INTEGER_ZH, in: 'body' })));
  return body;
}

const UNSAFE_INTEGER_ZH = `数值超出可精确表示的整数范围（±${Number.MAX_SAFE_INTEGER}）`;

/**
 * Where a JSON value holds an integer beyond ±(2^53 − 1) (at most 20 paths). JSON.parse rounds such
 * a number to a neighbouring double, so no field could mean it exactly, and the DynamoDB document
 * client refuses to marshal it (a 500 wherever one reached a write). Every route refuses it here,
 * before its schema, whatever the field.
 */
export function unsafeIntegerPaths(value: unknown): string[] {
  const found: string[] = [];
  const pending: { value: unknown; path: string }[] = [{ value, path: '' }];
  while (pending.length > 0 && found.length < 20) {
    const next = pending.pop() as { value: unknown; path: string };
    if (typeof next.value === 'number') {
      if (Number.isInteger(next.value) && !Number.isSafeInteger(next.value)) found.push(next.path);
    } else if (next.value && typeof next.value === 'object') {
      for (const [key, child] of Object.entries(next.value)) pending.push({ value: child, path: next.path ? `${next.path}.${key}` : key });
    }
  }
  return found;
}

function parsePart<T extends z.ZodType>(schema: T, value: unknown, where: string): z.output<T> {
  const result = schema.safeParse(value);
  if (!result.success) {
    throw new DomainError(
      'VALIDATION_FAILED',
      '请求参数不合法',
      400,
      issuesOf(result.error).map((issue) => ({ ...issue, in: where })),
    );
  }
  return result.data;
}

const validateResponses = () => process.env.JZ_VALIDATE_RESPONSES === '1';

/**
 * The HTTP handler wrapper every route uses: middy with the Powertools logger, auth and role from
 * the contract, zod parsing of path, query and body, and one error table.
 */
export function httpHandler<P extends z.ZodType, Q extends z.ZodType, B extends z.ZodType, R extends z.ZodType>(
  contract: RouteContract<P, Q, B, R>,
  impl: (ctx: RequestContext<z.output<P>, z.output<Q>, z.output<B>>) => Promise<z.input<R> | HttpResponse>,
  ports: { clock?: Clock; ids?: IdGenerator } = {},
) {
  const respond = async (event: HttpEvent): Promise<APIGatewayProxyStructuredResultV2> => {
    try {
      assertMethod(contract, event);
      const claims = contract.auth === 'staff' ? claimsFromEvent(event) : undefined;
      if (claims) requireRole(claims, contract.roles, contract.departments);
      const params = parsePart(contract.params, event.pathParameters ?? {}, 'path');
      const query = parsePart(contract.query, event.queryStringParameters ?? {}, 'query');
      const body = parsePart(contract.body, parseBody(event, contract.body), 'body');
      const sourceIp = callerAddress(event);
      const ctx: RequestContext<z.output<P>, z.output<Q>, z.output<B>> = {
        params,
        query,
        body,
        claims,
        staff: () => {
          if (!claims) throw CommonErrors.unauthenticated();
          return claims;
        },
        actor: claims ? { sub: claims.sub, role: claims.role, region: claims.region, name: claims.name } : { sub: `public:${sourceIp}`, role: 'public' },
        assertInScope: (region) => {
          if (!claims) throw CommonErrors.unauthenticated();
          assertInScope(claims, region);
        },
        clock: ports.clock ?? systemClock,
        ids: ports.ids ?? ulidGenerator,
        requestId: event.requestContext?.requestId ?? 'local',
        sourceIp,
        headers: event.headers ?? {},
        event,
      };
      const result = await impl(ctx);
      return toResult(contract, result);
    } catch (error) {
      return errorResponse(error);
    }
  };
  // One correlation id per request: the caller's when acceptable, else the gateway's request id;
  // every log line, audit entry and emitted event of this request carries it.
  const handle = async (event: HttpEvent, context: Context): Promise<APIGatewayProxyStructuredResultV2> => {
    const correlationId = correlationFrom(event.headers?.[CORRELATION_HEADER], event.requestContext?.requestId ?? context?.awsRequestId ?? 'local');
    logger.appendKeys({ correlationId });
    const result = await withCorrelation(correlationId, () => respond(event));
    return { ...result, headers: { ...result.headers, [CORRELATION_HEADER]: correlationId } };
  };
  return middy<HttpEvent, APIGatewayProxyStructuredResultV2, Error, Context>(handle)
    .use(injectLambdaContext(logger, { resetKeys: true }))
    .use(businessMetricsFlush());
}

/**
 * The route's own method, or POST with the method-override header for a PATCH route (the POST twin
 * CDK adds for clients without PATCH, the WeChat mini-program): a bare POST on that twin is refused.
 */
function assertMethod(contract: RouteContract, event: HttpEvent): void {
  const sent = event.requestContext?.http?.method;
  if (!sent) return;
  const override = event.headers?.[METHOD_OVERRIDE_HEADER];
  if (!standsFor(contract.method, sent, override)) {
    throw new DomainError('METHOD_NOT_ALLOWED', `接口不支持 ${sent} 方法（${contract.method} 请求可用 POST 并加请求头 ${METHOD_OVERRIDE_HEADER}: ${contract.method}）`, 405);
  }
}

function toResult(contract: RouteContract, result: unknown): APIGatewayProxyStructuredResultV2 {
  if (result instanceof HttpResponse) {
    if (result.raw) {
      const isBinary = Buffer.isBuffer(result.body);
      return {
        statusCode: result.status,
        headers: result.headers,
        body: isBinary ? (result.body as Buffer).toString('base64') : String(result.body),
        isBase64Encoded: isBinary,
      };
    }
    return jsonResult(contract, result.status, result.body, result.headers);
  }
  return jsonResult(contract, 200, result, {});
}

function jsonResult(contract: RouteContract, status: number, body: unknown, headers: Record<string, string>): APIGatewayProxyStructuredResultV2 {
  if (validateResponses() && status < 300 && body !== undefined) {
    const check = contract.response.safeParse(body);
    if (!check.success) {
      logger.error('response does not match its contract', { contract: contract.id, issues: issuesOf(check.error) });
      throw new Error(`response of ${contract.id} does not match its contract: ${JSON.stringify(issuesOf(check.error))}`);
    }
  }
  return {
    statusCode: status,
    headers: { 'content-type': 'application/json; charset=utf-8', ...(contract.auth === 'staff' ? { 'cache-control': 'no-store' } : {}), ...headers },
    body: body === undefined ? '' : JSON.stringify(body),
  };
}
