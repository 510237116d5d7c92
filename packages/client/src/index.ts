import type { RouteContract } from '@jingzhun/types';
import type { z } from 'zod';

export { type WxRequester, wxMethodOf, wxTransport } from './wx.js';

/**
 * The typed API client for the web console, the public board and the WeChat mini-program (its
 * transport over wx.request is @jingzhun/client/wx). It is
 * typed by the same zod contracts the handlers parse with: request shapes are `z.input` of the
 * contract's params, query and body; the result is `z.output` of its response.
 */

// ---------------------------------------------------------------------------------------------
// Transport: fetch in browsers and Node, wx.request in the mini-program.
// ---------------------------------------------------------------------------------------------

export interface TransportRequest {
  method: string;
  url: string;
  headers: Record<string, string>;
  body?: string;
  timeoutMs?: number;
}

export interface TransportResponse {
  status: number;
  /** Lower-case header names. */
  headers: Record<string, string>;
  text: string;
}

/** Sends one request. Rejects (any error) only when no HTTP response arrived: lost connection, timeout. */
export type Transport = (request: TransportRequest) => Promise<TransportResponse>;

export function fetchTransport(fetchImpl: typeof fetch = (...args) => globalThis.fetch(...args)): Transport {
  return async (request) => {
    const controller = typeof AbortController === 'function' ? new AbortController() : undefined;
    const timer = request.timeoutMs && controller ? setTimeout(() => controller.abort(), request.timeoutMs) : undefined;
    try {
      const response = await fetchImpl(request.url, {
        method: request.method,
        headers: request.headers,
        ...(request.body !== undefined ? { body: request.body } : {}),
        ...(controller ? { signal: controller.signal } : {}),
      });
      const headers: Record<string, string> = {};
      response.headers.forEach((value, key) => {
        headers[key.toLowerCase()] = value;
      });
      return { status: response.status, headers, text: await response.text() };
    } finally {
      if (timer) clearTimeout(timer);
    }
  };
}

// ---------------------------------------------------------------------------------------------
// Errors as values carrying the API's code and Chinese message.
// ---------------------------------------------------------------------------------------------

export interface FieldIssue {
  /** Dotted path inside `in`, e.g. `members.0.idNumber`. */
  path: string;
  message: string;
  in?: 'path' | 'query' | 'body' | string;
}

/** Codes the client itself produces (no API response): */
export const CLIENT_CODES = {
  network: 'NETWORK_ERROR',
  badResponse: 'BAD_RESPONSE',
  validation: 'VALIDATION_FAILED',
} as const;

export class ApiError extends Error {
  override readonly name = 'ApiError';
  constructor(
    /** HTTP status; 0 when no response arrived (lost connection) or the request was refused before sending. */
    readonly status: number,
    readonly code: string,
    /** Chinese, for the user. */
    override readonly message: string,
    readonly details?: unknown,
    /** Seconds, from Retry-After on 429/503. */
    readonly retryAfter?: number,
  ) {
    super(message);
  }

  /** True when there was no response at all. */
  get isNetwork(): boolean {
    return this.code === CLIENT_CODES.network;
  }

  /** Field-level issues from a VALIDATION_FAILED error (server `details` or the client's own check). */
  get issues(): FieldIssue[] {
    if (!Array.isArray(this.details)) return [];
    return this.details.filter(
      (item): item is FieldIssue => typeof item === 'object' && item !== null && typeof (item as FieldIssue).path === 'string' && typeof (item as FieldIssue).message === 'string',
    );
  }

  /** Issues keyed by path (first message wins), for showing next to form fields. */
  fieldErrors(): Record<string, string> {
    const out: Record<string, string> = {};
    for (const issue of this.issues) out[issue.path] ??= issue.message;
    return out;
  }
}

export function isApiError(error: unknown): error is ApiError {
  return error instanceof ApiError;
}

// ---------------------------------------------------------------------------------------------
// Typed calls.
// ---------------------------------------------------------------------------------------------

type AnyContract = RouteContract<z.ZodType, z.ZodType, z.ZodType, z.ZodType>;
// biome-ignore lint/complexity/noBannedTypes: an empty input object means "nothing required"
type Empty = {};
type Part<K extends string, T> = Empty extends T ? { [P in K]?: T } : undefined extends T ? { [P in K]?: T } : { [P in K]: T };

/** What `call` takes for a contract: params, query and body as their zod inputs. */
export type CallInput<C extends AnyContract> = Part<'params', z.input<C['params']>> &
  Part<'query', z.input<C['query']>> &
  Part<'body', z.input<C['body']>> & { timeoutMs?: number; retries?: number };

export type CallOutput<C extends AnyContract> = z.output<C['response']>;

type CallArgs<C extends AnyContract> = Empty extends CallInput<C> ? [input?: CallInput<C>] : [input: CallInput<C>];

export interface ClientOptions {
  /** '' for same-origin (the web served by npm start or CloudFront); an absolute URL in the mini-program. */
  baseUrl: string;
  /** The staff token (JWT) or undefined when signed out. Sent on staff routes only. */
  getToken?: () => string | undefined | null | Promise<string | undefined | null>;
  transport?: Transport;
  /** Retries for 429, 502/503/504 and lost connections (GET and PUT always; POST/PATCH/DELETE only on 429 and when nothing was sent). */
  retries?: number;
  /** Base backoff in ms (doubles each attempt, capped at 8 s; Retry-After wins when larger). */
  backoffMs?: number;
  timeoutMs?: number;
  /** Called on 401 from a staff route: clear the stored token, go to sign-in. */
  onUnauthorized?: (error: ApiError) => void;
  /** Called before each retry: show "网络不稳定，正在重试（2/3）…". */
  onRetry?: (info: { attempt: number; of: number; error: ApiError; delayMs: number }) => void;
  /** Validate params, query and body against the contract before sending (default true). */
  validateRequests?: boolean;
  /** Validate responses against the contract (default false: the gateway validates them locally). */
  validateResponses?: boolean;
  sleep?: (ms: number) => Promise<void>;
}

export interface Client {
  call<C extends AnyContract>(contract: C, ...args: CallArgs<C>): Promise<CallOutput<C>>;
  /** Like `call` but returns `{ ok, value }` or `{ ok: false, error }` instead of throwing. */
  tryCall<C extends AnyContract>(contract: C, ...args: CallArgs<C>): Promise<{ ok: true; value: CallOutput<C> } | { ok: false; error: ApiError }>;
  /** Untyped JSON request (dev routes such as /dev/login). */
  request<T = unknown>(method: string, path: string, options?: { body?: unknown; auth?: boolean; timeoutMs?: number; retries?: number }): Promise<T>;
  /** Resolves a contract path and query to a URL (links to XLSX/CSV exports). */
  url<C extends AnyContract>(contract: C, input?: { params?: z.input<C['params']>; query?: z.input<C['query']> }): string;
}

const RETRYABLE_STATUS = new Set([429, 502, 503, 504]);

export const NETWORK_MESSAGE = '网络连接中断，请检查网络后重试';

function messageForStatus(status: number): string {
  if (status === 429) return '请求过于频繁，请稍后再试';
  if (status === 401) return '未登录或登录已失效，请重新登录';
  if (status === 403) return '无权执行此操作';
  if (status === 404) return '请求的内容不存在';
  if (status >= 500) return '服务器暂时不可用，请稍后再试';
  return `请求失败（HTTP ${status}）`;
}

function joinPath(path: string, params: Record<string, unknown> | undefined): string {
  return path.replace(/\{(\w+)\}/g, (_, name: string) => {
    const value = params?.[name];
    if (value === undefined || value === null || value === '') throw new ApiError(0, CLIENT_CODES.validation, '请求参数不合法', [{ path: name, message: '必填', in: 'path' }]);
    return encodeURIComponent(String(value));
  });
}

function queryString(query: Record<string, unknown> | undefined): string {
  if (!query) return '';
  const parts: string[] = [];
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined || value === null || value === '') continue;
    const text = Array.isArray(value) ? value.join(',') : typeof value === 'object' ? JSON.stringify(value) : String(value);
    parts.push(`${encodeURIComponent(key)}=${encodeURIComponent(text)}`);
  }
  return parts.length ? `?${parts.join('&')}` : '';
}

function parseRetryAfter(value: string | undefined): number | undefined {
  if (!value) return undefined;
  const seconds = Number(value);
  if (Number.isFinite(seconds)) return Math.max(0, seconds);
  const at = Date.parse(value);
  return Number.isNaN(at) ? undefined : Math.max(0, (at - Date.now()) / 1000);
}

function toApiError(response: TransportResponse): ApiError {
  let body: unknown;
  try {
    body = response.text ? JSON.parse(response.text) : undefined;
  } catch {
    body = undefined;
  }
  const retryAfter = parseRetryAfter(response.headers['retry-after']);
  const envelope = body as { code?: unknown; message?: unknown; details?: unknown } | undefined;
  if (envelope && typeof envelope.code === 'string' && typeof envelope.message === 'string') {
    return new ApiError(response.status, envelope.code, envelope.message, envelope.details, retryAfter);
  }
  // API Gateway's own bodies ({"message":"Unauthorized"}, {"message":"Too Many Requests"}) and proxies' HTML.
  const code = response.status === 429 ? 'RATE_LIMITED' : response.status === 401 ? 'UNAUTHENTICATED' : response.status === 403 ? 'FORBIDDEN' : `HTTP_${response.status}`;
  return new ApiError(response.status, code, messageForStatus(response.status), undefined, retryAfter);
}

function issuesOf(error: z.ZodError, where: string): FieldIssue[] {
  return error.issues.slice(0, 20).map((issue) => ({ path: issue.path.map(String).join('.'), message: issue.message, in: where }));
}

export function createClient(options: ClientOptions): Client {
  const transport = options.transport ?? fetchTransport();
  const maxRetries = Math.max(0, Math.min(options.retries ?? 3, 6));
  const backoff = options.backoffMs ?? 400;
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  const baseUrl = options.baseUrl.replace(/\/$/, '');

  async function send(method: string, path: string, body: unknown, auth: boolean, perCall: { timeoutMs?: number; retries?: number }): Promise<TransportResponse> {
    const headers: Record<string, string> = { accept: 'application/json' };
    if (body !== undefined) headers['content-type'] = 'application/json';
    if (auth) {
      const token = await options.getToken?.();
      if (token) headers.authorization = `Bearer ${token}`;
    }
    const request: TransportRequest = { method, url: baseUrl + path, headers, ...(body !== undefined ? { body: JSON.stringify(body) } : {}) };
    const timeoutMs = perCall.timeoutMs ?? options.timeoutMs ?? 30_000;
    request.timeoutMs = timeoutMs;
    const idempotent = method === 'GET' || method === 'PUT' || method === 'HEAD';
    const retries = Math.max(0, Math.min(perCall.retries ?? maxRetries, 6));
    for (let attempt = 0; ; attempt++) {
      let error: ApiError;
      let response: TransportResponse | undefined;
      try {
        response = await transport(request);
      } catch {
        response = undefined;
      }
      if (response && response.status < 400) return response;
      if (response) {
        error = toApiError(response);
        // A 429 was refused before any work; 502/503/504 may have done work: retry only idempotent calls.
        const retryable = response.status === 429 || (idempotent && RETRYABLE_STATUS.has(response.status));
        if (!retryable || attempt >= retries) {
          if (response.status === 401 && auth) options.onUnauthorized?.(error);
          throw error;
        }
      } else {
        error = new ApiError(0, CLIENT_CODES.network, NETWORK_MESSAGE);
        // A POST may have reached the server before the connection dropped: only idempotent calls are repeated.
        if (!idempotent || attempt >= retries) throw error;
      }
      const delayMs = Math.min(8000, Math.max(backoff * 2 ** attempt, (error.retryAfter ?? 0) * 1000));
      options.onRetry?.({ attempt: attempt + 1, of: retries, error, delayMs });
      await sleep(delayMs);
    }
  }

  function parseJson(response: TransportResponse): unknown {
    if (!response.text) return undefined;
    const type = response.headers['content-type'] ?? 'application/json';
    if (!type.includes('json')) return response.text;
    try {
      return JSON.parse(response.text);
    } catch {
      throw new ApiError(response.status, CLIENT_CODES.badResponse, '服务器返回的数据无法解析');
    }
  }

  function check(schema: z.ZodType, value: unknown, where: string): void {
    const result = schema.safeParse(value);
    if (!result.success) throw new ApiError(0, CLIENT_CODES.validation, '请求参数不合法', issuesOf(result.error, where));
  }

  function resolveUrl(contract: AnyContract, input: { params?: unknown; query?: unknown }): string {
    return joinPath(contract.path, input.params as Record<string, unknown> | undefined) + queryString(input.query as Record<string, unknown> | undefined);
  }

  async function call<C extends AnyContract>(contract: C, ...args: CallArgs<C>): Promise<CallOutput<C>> {
    const input = (args[0] ?? {}) as { params?: unknown; query?: unknown; body?: unknown; timeoutMs?: number; retries?: number };
    if (options.validateRequests ?? true) {
      check(contract.params, input.params ?? {}, 'path');
      check(contract.query, input.query ?? {}, 'query');
      check(contract.body, input.body, 'body');
    }
    const response = await send(contract.method, resolveUrl(contract, input), input.body, contract.auth === 'staff', input);
    const value = parseJson(response);
    if (options.validateResponses) {
      const parsed = contract.response.safeParse(value);
      if (!parsed.success) throw new ApiError(response.status, CLIENT_CODES.badResponse, '服务器返回的数据与接口约定不符', issuesOf(parsed.error, 'response'));
      return parsed.data as CallOutput<C>;
    }
    return value as CallOutput<C>;
  }

  return {
    call,
    async tryCall(contract, ...args) {
      try {
        return { ok: true, value: await call(contract, ...args) };
      } catch (error) {
        if (error instanceof ApiError) return { ok: false, error };
        throw error;
      }
    },
    async request<T>(method: string, path: string, opts: { body?: unknown; auth?: boolean; timeoutMs?: number; retries?: number } = {}) {
      const response = await send(method.toUpperCase(), path, opts.body, opts.auth ?? true, opts);
      return parseJson(response) as T;
    },
    url(contract, input = {}) {
      return baseUrl + resolveUrl(contract, input);
    },
  };
}

// ---------------------------------------------------------------------------------------------
// Token handling.
// ---------------------------------------------------------------------------------------------

export interface TokenStore {
  get(): string | undefined;
  set(token: string | undefined): void;
}

/** Reads the `exp` claim of a JWT (no verification: the API verifies). */
export function tokenExpiry(token: string): Date | undefined {
  const payload = token.split('.')[1];
  if (!payload) return undefined;
  try {
    const base64 = payload.replace(/-/g, '+').replace(/_/g, '/');
    const text = typeof atob === 'function' ? decodeURIComponent(escape(atob(base64))) : Buffer.from(base64, 'base64').toString('utf8');
    const exp = (JSON.parse(text) as { exp?: unknown }).exp;
    return typeof exp === 'number' ? new Date(exp * 1000) : undefined;
  } catch {
    return undefined;
  }
}

/** Claims of a JWT as the console displays them (name, role, region). No verification. */
export function tokenClaims(token: string): Record<string, unknown> | undefined {
  const payload = token.split('.')[1];
  if (!payload) return undefined;
  try {
    const base64 = payload.replace(/-/g, '+').replace(/_/g, '/');
    const text = typeof atob === 'function' ? decodeURIComponent(escape(atob(base64))) : Buffer.from(base64, 'base64').toString('utf8');
    return JSON.parse(text) as Record<string, unknown>;
  } catch {
    return undefined;
  }
}

/**
 * A token store over a key-value storage (localStorage, sessionStorage, wx.getStorageSync…). An
 * expired token reads as absent, so the UI goes to sign-in rather than failing with 401.
 */
export function storageTokenStore(
  storage: { getItem(key: string): string | null; setItem(key: string, value: string): void; removeItem(key: string): void },
  key = 'jingzhun.token',
  now: () => number = () => Date.now(),
): TokenStore {
  return {
    get() {
      const token = storage.getItem(key) ?? undefined;
      if (!token) return undefined;
      const exp = tokenExpiry(token);
      if (exp && exp.getTime() <= now()) {
        storage.removeItem(key);
        return undefined;
      }
      return token;
    },
    set(token) {
      if (token) storage.setItem(key, token);
      else storage.removeItem(key);
    },
  };
}
