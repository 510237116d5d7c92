import { ApiError, type Client, createClient, storageTokenStore, tokenClaims } from '@jingzhun/client';
import { type CognitoConfig, completeSignIn, signOutUrl } from './cognito.js';
import { SignInError } from './pkce.js';
import { signal } from './state.js';

/**
 * Runtime configuration: /config.json next to index.html (written at deploy time), else the local
 * defaults (same origin API, demo sign-in through POST /dev/login).
 */
export interface WebConfig {
  apiBaseUrl: string;
  auth: 'dev' | 'cognito';
  cognito?: CognitoConfig;
}

export const config = signal<WebConfig>({ apiBaseUrl: '', auth: 'dev' });

/** Why the last Cognito sign-in did not complete (shown on the login page). */
export const signInError = signal<SignInError | undefined>(undefined);

/**
 * Reads /config.json, then, in the cloud, finishes a sign-in the Cognito hosted UI has just returned
 * from (main.ts awaits this before the first render, so the console opens signed in).
 */
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
  const { auth, cognito } = config.get();
  if (auth === 'cognito' && cognito) await acceptCognitoReturn(cognito);
}

/** The hosted UI's return (?code=…&state=…): keep the ID token, drop the query, open the page asked for. */
async function acceptCognitoReturn(cognito: CognitoConfig): Promise<void> {
  const result = await completeSignIn(cognito);
  if (!result) return;
  let next = '/login';
  if ('token' in result) {
    signIn(result.token);
    next = result.next;
  } else {
    signInError.set(result.error);
  }
  // The code is spent: no reload or bookmark of this URL replays it. The console's hash router
  // starts after this (main.tsx awaits loadConfig), so it opens the page asked for.
  history.replaceState(null, '', `${location.pathname}#${next}`);
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
  /** A department user's department (`custom:department`): routes may name the departments they admit. */
  department?: string;
}

function sessionOf(token: string | undefined): Session | undefined {
  if (!token) return undefined;
  const claims = tokenClaims(token) ?? {};
  return {
    token,
    name: String(claims.name ?? claims['cognito:username'] ?? ''),
    role: String(claims['custom:role'] ?? ''),
    region: String(claims['custom:region'] ?? ''),
    ...(claims['custom:department'] ? { department: String(claims['custom:department']) } : {}),
  };
}

export const session = signal<Session | undefined>(sessionOf(tokens.get()));

/** Keeps the bearer token the API client sends: the demo token locally, the Cognito ID token in the cloud. */
export function signIn(token: string): void {
  signInError.set(undefined);
  tokens.set(token);
  session.set(sessionOf(token));
}

/** Forgets the token in this browser only (an expired or refused token). */
function forgetSession(): void {
  tokens.set(undefined);
  session.set(undefined);
}

/**
 * "退出登录": forgets the token and, in the cloud, also ends the hosted UI's session, so that the
 * next sign-in asks for the password and MFA code again; Cognito then returns to the console.
 */
export function signOut(): void {
  forgetSession();
  const { auth, cognito } = config.get();
  if (auth === 'cognito' && cognito) {
    const url = signOutUrl(cognito);
    // After the caller's own navigation (the console's Shell navigates to its sign-in right after this call), so that
    // the in-page hash change cannot cancel the navigation to Cognito.
    setTimeout(() => location.assign(url), 0);
  }
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
      // A refused token (expired, or signed out in another tab): the page asks for the sign-in in
      // place (main.ts shows the login for any staff page without a session), so that signing in
      // again returns to the page the staff member was on instead of the household list.
      onUnauthorized: forgetSession,
    });
  }
  return current;
}

export { ApiError };

/** Chinese text for any error (API, network, or a bug). */
export function errorText(error: unknown): string {
  if (error instanceof SignInError) return error.message;
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
