import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { beginSignIn, completeSignIn, signOutUrl } from '../src/cognito.js';
import { codeChallenge, SignInError } from '../src/pkce.js';

const cognito = { domain: 'https://jingzhun-1.auth.cn-north-1.amazoncognito.com/', clientId: 'client-1', redirectUri: 'https://d1.cloudfront.net/' };
const ID_TOKEN = 'eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJ4In0.c2ln';

/** The browser pieces cognito.ts touches: location, sessionStorage, fetch. */
function browser(search = '') {
  const stored = new Map<string, string>();
  const assigned: string[] = [];
  const fetches: { url: string; init: RequestInit }[] = [];
  let answer: () => Promise<Response> = async () => new Response(JSON.stringify({ id_token: ID_TOKEN, access_token: 'a.b.c', refresh_token: 'r' }), { status: 200 });
  vi.stubGlobal('location', { origin: 'https://d1.cloudfront.net', search, assign: (url: string) => assigned.push(url) });
  vi.stubGlobal('sessionStorage', {
    getItem: (key: string) => stored.get(key) ?? null,
    setItem: (key: string, value: string) => void stored.set(key, value),
    removeItem: (key: string) => void stored.delete(key),
  });
  vi.stubGlobal('fetch', async (url: string, init: RequestInit) => {
    fetches.push({ url, init });
    return answer();
  });
  return {
    stored,
    assigned,
    fetches,
    answer: (next: () => Promise<Response>) => {
      answer = next;
    },
    returnWith: (query: string) => vi.stubGlobal('location', { origin: 'https://d1.cloudfront.net', search: query, assign: (url: string) => assigned.push(url) }),
  };
}

describe('Cognito sign-in in the browser', () => {
  beforeEach(() => vi.unstubAllGlobals());
  afterEach(() => vi.unstubAllGlobals());

  it('leaves with a fresh state and S256 challenge, and comes back to an ID token for the page asked for', async () => {
    const b = browser();
    await beginSignIn(cognito, '/staff/notices');
    const authorize = new URL(b.assigned[0] as string);
    expect(authorize.origin + authorize.pathname).toBe('https://jingzhun-1.auth.cn-north-1.amazoncognito.com/oauth2/authorize');
    const pending = JSON.parse([...b.stored.values()][0] as string);
    expect(authorize.searchParams.get('state')).toBe(pending.state);
    expect(authorize.searchParams.get('code_challenge')).toBe(await codeChallenge(pending.verifier));
    expect(authorize.searchParams.toString()).not.toContain(pending.verifier);

    b.returnWith(`?code=the-code&state=${pending.state}`);
    expect(await completeSignIn(cognito)).toEqual({ token: ID_TOKEN, next: '/staff/notices' });
    expect(b.fetches).toHaveLength(1);
    expect(b.fetches[0]?.url).toBe('https://jingzhun-1.auth.cn-north-1.amazoncognito.com/oauth2/token');
    expect(Object.fromEntries(new URLSearchParams(String(b.fetches[0]?.init.body)))).toMatchObject({ code: 'the-code', code_verifier: pending.verifier });
    // Used once: the same return again (a reload) is refused without asking Cognito.
    expect(b.stored.size).toBe(0);
    const replay = await completeSignIn(cognito);
    expect(replay && 'error' in replay && replay.error).toBeInstanceOf(SignInError);
    expect(b.fetches).toHaveLength(1);
  });

  it('refuses a return whose state is not the one it sent, without exchanging the code', async () => {
    const b = browser();
    await beginSignIn(cognito, '/staff/households');
    b.returnWith('?code=stolen&state=someone-elses');
    const result = await completeSignIn(cognito);
    expect(result && 'error' in result && result.error.message).toContain('state 不一致');
    expect(b.fetches).toHaveLength(0);
  });

  it('explains a failed exchange or an unreachable Cognito in Chinese', async () => {
    const b = browser();
    await beginSignIn(cognito, '/staff/households');
    let state = JSON.parse([...b.stored.values()][0] as string).state;
    b.returnWith(`?code=old&state=${state}`);
    b.answer(async () => new Response(JSON.stringify({ error: 'invalid_grant' }), { status: 400 }));
    expect(await completeSignIn(cognito)).toEqual({ error: new SignInError('登录凭证已失效或已被使用，请重新登录') });

    await beginSignIn(cognito, '/staff/households');
    state = JSON.parse([...b.stored.values()][0] as string).state;
    b.returnWith(`?code=c&state=${state}`);
    b.answer(async () => {
      throw new TypeError('Failed to fetch');
    });
    const offline = await completeSignIn(cognito);
    expect(offline && 'error' in offline && offline.error.message).toBe('无法连接统一身份认证服务，请检查网络后重新登录');
  });

  it('does nothing on an ordinary page load', async () => {
    const b = browser('?lang=zh');
    expect(await completeSignIn(cognito)).toBeUndefined();
    expect(b.fetches).toHaveLength(0);
  });

  it('signs out at the hosted UI, back to the registered URL', () => {
    browser();
    expect(signOutUrl(cognito)).toBe('https://jingzhun-1.auth.cn-north-1.amazoncognito.com/logout?client_id=client-1&logout_uri=https%3A%2F%2Fd1.cloudfront.net%2F');
  });
});
