import { ApiError, type Client, createClient, storageTokenStore, tokenClaims } from '@jingzhun/client';
import { signal } from './state.js';

/**
 * Runtime configuration: /config.json next to index.html (written at deploy time), else the local
 * defaults (same origin API, demo sign-in through POST /dev/login).
 */
export interface WebConfig {
  apiBaseUrl: string;
  auth: 'dev' | 'cognito';
  cognito?: { domain: string; clientId: string; redirectUri?: string };
}

export const config = signal<WebConfig>({ apiBaseUrl: '', auth: 'dev' });

export async function loadConfig(): Promise<void> {
  try {
    const response = await fetch('/config.json', { cache: 'no-store' });
    if (response.ok && (response.headers.get('content-type') ?? '').includes('json')) {
      const value = (await response.json()) as Partial<WebConfig>;
      config.set({ ...config.get(), ...value });
    }
  } catch {
    // no config.json: local defaults
  }
}

const memory = new Map<string, string>();
const storage =
  typeof localStorage !== 'undefined'
    ? localStorage
    : { getItem: (k: string) => memory.get(k) ?? null, setItem: (k: string, v: string) => void memory.set(k, v), removeItem: (k: string) => void memory.delete(k) };
export const tokens = storageTokenStore(storage);

export interface Session {
  token: string;
  name: string;
  role: string;
  region: string;
}

function sessionOf(token: string | undefined): Session | undefined {
  if (!token) return undefined;
  const claims = tokenClaims(token) ?? {};
  return { token, name: String(claims.name ?? ''), role: String(claims['custom:role'] ?? ''), region: String(claims['custom:region'] ?? '') };
}

export const session = signal<Session | undefined>(sessionOf(tokens.get()));

export function signIn(token: string): void {
  tokens.set(token);
  session.set(sessionOf(token));
}

export function signOut(): void {
  tokens.set(undefined);
  session.set(undefined);
}

/** "网络不稳定，正在重试…" shown in the status bar while the client retries. */
export const retryNotice = signal<string | undefined>(undefined);

let current: Client | undefined;
let currentBase: string | undefined;

export function api(): Client {
  const base = config.get().apiBaseUrl;
  if (!current || currentBase !== base) {
    currentBase = base;
    current = createClient({
      baseUrl: base,
      getToken: () => tokens.get(),
      retries: 3,
      backoffMs: 500,
      onRetry: ({ attempt, of, error, delayMs }) => {
        const why = error.status === 429 ? '请求过于频繁' : '网络不稳定';
        retryNotice.set(`${why}，${Math.ceil(delayMs / 1000)} 秒后第 ${attempt}/${of} 次重试…`);
        setTimeout(() => retryNotice.set(undefined), delayMs + 1500);
      },
      onUnauthorized: () => {
        signOut();
        if (location.hash.startsWith('#/staff') && !location.hash.startsWith('#/staff/login')) location.hash = '#/staff/login';
      },
    });
  }
  return current;
}

export { ApiError };

/** Chinese text for any error (API, network, or a bug). */
export function errorText(error: unknown): string {
  if (error instanceof ApiError) {
    if (error.status === 429) return `${error.message}（已自动重试，请稍候${error.retryAfter ? ` ${Math.ceil(error.retryAfter)} 秒` : ''}再操作）`;
    return error.message;
  }
  return '页面出现意外错误，请刷新后重试';
}

const CJK = /[\u4e00-\u9fff]/;

/**
 * Field errors of an API error keyed by the form's field names. `in` (path/query/body) is dropped;
 * a message without Chinese (a zod default) becomes a Chinese one.
 */
export function fieldErrors(error: unknown): Record<string, string> {
  if (!(error instanceof ApiError)) return {};
  const out: Record<string, string> = {};
  for (const issue of error.issues) {
    const message = CJK.test(issue.message) ? issue.message : `此项填写不正确（${issue.message}）`;
    out[issue.path || '_'] ??= message;
  }
  return out;
}
