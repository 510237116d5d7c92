/**
 * The pure pieces of the staff sign-in on the Cognito hosted UI: OAuth 2.0 authorization code with
 * PKCE (RFC 7636, S256) for a public client (no client secret). No storage, no navigation, no
 * network: cognito.ts does those. Web Crypto only (browsers, and Node ≥ 20 for the tests).
 */

/** A sign-in error shown to the user as it is (Chinese). */
export class SignInError extends Error {
  override readonly name = 'SignInError';
}

/** Where the console signs in: the hosted UI's domain, the app client, the registered callback URL. */
export interface CognitoSettings {
  /** https://<prefix>.auth.<region>.amazoncognito.com, no trailing slash. */
  domain: string;
  clientId: string;
  /** Exactly as registered on the app client (callback and sign-out URL). */
  redirectUri: string;
}

/** What the console keeps (sessionStorage) between leaving for the hosted UI and coming back. */
export interface PendingSignIn {
  state: string;
  verifier: string;
  /** The console page to open after signing in. */
  next: string;
}

const SCOPES = 'openid profile';
const DEFAULT_NEXT = '/staff/households';

/** base64url without padding (RFC 7636 appendix A). */
export function base64Url(bytes: Uint8Array): string {
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/** A random value for `state` or the code verifier: 32 random bytes → 43 unreserved characters (RFC 7636 §4.1). */
export function randomValue(): string {
  if (!globalThis.crypto?.getRandomValues) throw new SignInError('当前浏览器不支持安全登录所需的随机数功能，请使用较新版本的浏览器');
  return base64Url(globalThis.crypto.getRandomValues(new Uint8Array(32)));
}

/** The S256 code challenge: base64url(SHA-256(ASCII(verifier))) (RFC 7636 §4.2). */
export async function codeChallenge(verifier: string): Promise<string> {
  const subtle = globalThis.crypto?.subtle;
  if (!subtle) throw new SignInError('当前浏览器不支持安全登录所需的加密功能（须通过 HTTPS 访问），请使用较新版本的浏览器');
  const digest = await subtle.digest('SHA-256', new TextEncoder().encode(verifier));
  return base64Url(new Uint8Array(digest));
}

/** The hosted UI's authorize URL for a code with PKCE. */
export function authorizeUrl(settings: CognitoSettings, state: string, challenge: string): string {
  const query = new URLSearchParams({
    response_type: 'code',
    client_id: settings.clientId,
    redirect_uri: settings.redirectUri,
    scope: SCOPES,
    state,
    code_challenge: challenge,
    code_challenge_method: 'S256',
  });
  return `${settings.domain}/oauth2/authorize?${query}`;
}

/** The code exchange at the token endpoint: a form POST, no client secret (public client). */
export function tokenRequest(settings: CognitoSettings, code: string, verifier: string): { url: string; init: RequestInit } {
  const body = new URLSearchParams({
    grant_type: 'authorization_code',
    client_id: settings.clientId,
    code,
    redirect_uri: settings.redirectUri,
    code_verifier: verifier,
  });
  return {
    url: `${settings.domain}/oauth2/token`,
    init: { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: body.toString(), cache: 'no-store', credentials: 'omit' },
  };
}

/** The hosted UI's sign-out: ends its session, then comes back to the console. */
export function logoutUrl(settings: CognitoSettings): string {
  return `${settings.domain}/logout?${new URLSearchParams({ client_id: settings.clientId, logout_uri: settings.redirectUri })}`;
}

/** The pending sign-in as kept in sessionStorage, or undefined when there is none (or it is damaged). */
export function parsePending(text: string | null | undefined): PendingSignIn | undefined {
  if (!text) return undefined;
  try {
    const value = JSON.parse(text) as Partial<PendingSignIn>;
    if (typeof value.state !== 'string' || !value.state || typeof value.verifier !== 'string' || !value.verifier) return undefined;
    return { state: value.state, verifier: value.verifier, next: typeof value.next === 'string' ? value.next : DEFAULT_NEXT };
  } catch {
    return undefined;
  }
}

/** A console page to return to: only a staff page of this console. */
export function safeNext(next: string | undefined): string {
  return next && /^\/staff(\/|$|\?)/.test(next) && !next.startsWith('/staff/login') ? next : DEFAULT_NEXT;
}

export type Callback = { ok: true; code: string; next: string } | { ok: false; error: SignInError };

/**
 * What the hosted UI sent back in the query (`?code=…&state=…` or `?error=…&state=…`), checked
 * against the pending sign-in: undefined when the page was not opened by a sign-in callback.
 * A `state` that is not the one this browser tab sent is refused (RFC 6749 §10.12).
 */
export function readCallback(query: URLSearchParams, pending: PendingSignIn | undefined): Callback | undefined {
  const code = query.get('code');
  const error = query.get('error');
  if (!code && !error) return undefined;
  if (!pending) return { ok: false, error: new SignInError('登录已失效：未找到本页发起的登录请求（可能已在其他窗口完成或页面已刷新），请重新登录') };
  if (query.get('state') !== pending.state) return { ok: false, error: new SignInError('登录校验未通过（state 不一致），为安全起见已中止，请重新登录') };
  if (error) {
    if (error === 'access_denied') return { ok: false, error: new SignInError('登录未完成：已取消或被拒绝，请重新登录') };
    const description = query.get('error_description');
    return { ok: false, error: new SignInError(`统一身份认证返回错误（${error}${description ? `：${description}` : ''}），请重新登录`) };
  }
  return { ok: true, code: code as string, next: safeNext(pending.next) };
}

/** The ID token from the token endpoint's answer, or the error to show. */
export function idTokenOf(status: number, body: unknown): { token: string } | { error: SignInError } {
  const value = (body && typeof body === 'object' ? body : {}) as { id_token?: unknown; error?: unknown };
  if (status === 200 && typeof value.id_token === 'string' && value.id_token.split('.').length === 3) return { token: value.id_token };
  if (value.error === 'invalid_grant') return { error: new SignInError('登录凭证已失效或已被使用，请重新登录') };
  const code = typeof value.error === 'string' ? value.error : `HTTP ${status}`;
  return { error: new SignInError(`换取登录凭证失败（${code}），请重新登录`) };
}
