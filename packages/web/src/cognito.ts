import { authorizeUrl, type CognitoSettings, codeChallenge, idTokenOf, logoutUrl, parsePending, randomValue, readCallback, SignInError, tokenRequest } from './pkce.js';

/** config.json's `cognito` (written at deployment by infra/lib/web-stack.ts). */
export interface CognitoConfig {
  domain: string;
  clientId: string;
  redirectUri?: string;
}

/** sessionStorage: per tab, gone when the tab closes; the code verifier never leaves this tab. */
const PENDING_KEY = 'jingzhun.cognito.pending';

function settingsOf(cognito: CognitoConfig): CognitoSettings {
  return { domain: cognito.domain.replace(/\/+$/, ''), clientId: cognito.clientId, redirectUri: cognito.redirectUri ?? `${location.origin}/` };
}

function pendingStore(): Storage {
  try {
    return sessionStorage;
  } catch {
    throw new SignInError('浏览器禁止了本站的会话存储，无法登录：请允许本站存储数据后重试');
  }
}

/** Leaves for the hosted UI: a fresh `state` and code verifier kept in this tab, the S256 challenge sent. */
export async function beginSignIn(cognito: CognitoConfig, next: string): Promise<void> {
  const settings = settingsOf(cognito);
  const state = randomValue();
  const verifier = randomValue();
  const challenge = await codeChallenge(verifier);
  pendingStore().setItem(PENDING_KEY, JSON.stringify({ state, verifier, next }));
  location.assign(authorizeUrl(settings, state, challenge));
}

/**
 * Finishes a sign-in when the hosted UI has just sent the browser back (`?code=…&state=…`): checks
 * `state`, exchanges the code with the verifier, returns the ID token and the page to open. Returns
 * undefined when this page load is not such a return. The pending sign-in is used once.
 */
export async function completeSignIn(cognito: CognitoConfig): Promise<{ token: string; next: string } | { error: SignInError } | undefined> {
  const query = new URLSearchParams(location.search);
  if (!query.has('code') && !query.has('error')) return undefined;
  let pending: ReturnType<typeof parsePending>;
  try {
    const store = pendingStore();
    pending = parsePending(store.getItem(PENDING_KEY));
    store.removeItem(PENDING_KEY);
  } catch (error) {
    return { error: error instanceof SignInError ? error : new SignInError('无法读取登录请求，请重新登录') };
  }
  const callback = readCallback(query, pending);
  if (!callback) return undefined;
  if (!callback.ok) return { error: callback.error };
  const request = tokenRequest(settingsOf(cognito), callback.code, (pending as { verifier: string }).verifier);
  let response: Response;
  try {
    response = await fetch(request.url, request.init);
  } catch {
    return { error: new SignInError('无法连接统一身份认证服务，请检查网络后重新登录') };
  }
  const body: unknown = await response.json().catch(() => undefined);
  const result = idTokenOf(response.status, body);
  return 'token' in result ? { token: result.token, next: callback.next } : result;
}

/** The hosted UI's sign-out URL, which comes back to the console. */
export function signOutUrl(cognito: CognitoConfig): string {
  return logoutUrl(settingsOf(cognito));
}
