import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  authorizeUrl,
  base64Url,
  type CognitoSettings,
  codeChallenge,
  idTokenOf,
  logoutUrl,
  type PendingSignIn,
  parsePending,
  randomValue,
  readCallback,
  SignInError,
  safeNext,
  tokenRequest,
} from '../src/pkce.js';

const settings: CognitoSettings = {
  domain: 'https://jingzhun-123456789012.auth.cn-north-1.amazoncognito.com',
  clientId: '4hq0example0client0id',
  redirectUri: 'https://d111111abcdef8.cloudfront.net/',
};
const pending: PendingSignIn = { state: 'u0Dk3h0Q1u6yH4Zt3bq1yA4c7N0a1X2c3V4b5N6m7Q8', verifier: 'dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk', next: '/staff/notices' };

describe('PKCE (RFC 7636, S256)', () => {
  it('derives the code challenge of the RFC 7636 appendix B example', async () => {
    // RFC 7636 appendix B: code_challenge = E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM (also what
    // `printf %s <verifier> | openssl dgst -sha256 -binary | base64` gives, made URL-safe).
    expect(await codeChallenge('dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk')).toBe('E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM');
  });

  it('agrees with an independent SHA-256 for fresh verifiers', async () => {
    for (let i = 0; i < 20; i++) {
      const verifier = randomValue();
      expect(await codeChallenge(verifier)).toBe(createHash('sha256').update(verifier, 'ascii').digest('base64url'));
    }
  });

  it('encodes base64url without padding (the appendix B verifier bytes)', () => {
    const bytes = new Uint8Array([
      116, 24, 223, 180, 151, 153, 224, 37, 79, 250, 96, 125, 216, 173, 187, 186, 22, 212, 37, 77, 105, 214, 191, 240, 91, 88, 5, 88, 83, 132, 141, 121,
    ]);
    expect(base64Url(bytes)).toBe('dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk');
    expect(base64Url(new Uint8Array([0xfb, 0xff]))).toBe('-_8');
  });

  it('makes verifiers and states of 43 unreserved characters, different every time', () => {
    const values = new Set(Array.from({ length: 50 }, () => randomValue()));
    expect(values.size).toBe(50);
    for (const value of values) expect(value).toMatch(/^[A-Za-z0-9_-]{43}$/);
  });
});

describe('the hosted UI round trip', () => {
  it('asks for a code with the S256 challenge, openid + profile and the state', () => {
    const url = new URL(authorizeUrl(settings, pending.state, 'E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM'));
    expect(`${url.origin}${url.pathname}`).toBe(`${settings.domain}/oauth2/authorize`);
    expect(Object.fromEntries(url.searchParams)).toEqual({
      response_type: 'code',
      client_id: settings.clientId,
      redirect_uri: settings.redirectUri,
      scope: 'openid profile',
      state: pending.state,
      code_challenge: 'E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM',
      code_challenge_method: 'S256',
    });
  });

  it('exchanges the code with a form POST carrying the verifier and no secret', () => {
    const { url, init } = tokenRequest(settings, 'the-code', pending.verifier);
    expect(url).toBe(`${settings.domain}/oauth2/token`);
    expect(init.method).toBe('POST');
    expect(init.headers).toEqual({ 'content-type': 'application/x-www-form-urlencoded' });
    expect(Object.fromEntries(new URLSearchParams(String(init.body)))).toEqual({
      grant_type: 'authorization_code',
      client_id: settings.clientId,
      code: 'the-code',
      redirect_uri: settings.redirectUri,
      code_verifier: pending.verifier,
    });
    expect(String(init.body)).not.toMatch(/secret/);
  });

  it('signs out at the hosted UI and comes back to the console', () => {
    const url = new URL(logoutUrl(settings));
    expect(`${url.origin}${url.pathname}`).toBe(`${settings.domain}/logout`);
    expect(Object.fromEntries(url.searchParams)).toEqual({ client_id: settings.clientId, logout_uri: settings.redirectUri });
  });
});

describe('the return from the hosted UI', () => {
  const query = (params: Record<string, string>) => new URLSearchParams(params);

  it('accepts the code when the state is the one this tab sent', () => {
    expect(readCallback(query({ code: 'c0de', state: pending.state }), pending)).toEqual({ ok: true, code: 'c0de', next: '/staff/notices' });
  });

  it('refuses a state that differs, is missing, or has no pending sign-in, in Chinese', () => {
    for (const result of [
      readCallback(query({ code: 'c0de', state: 'forged' }), pending),
      readCallback(query({ code: 'c0de' }), pending),
      readCallback(query({ code: 'c0de', state: pending.state }), undefined),
      readCallback(query({ error: 'access_denied', state: 'forged' }), pending),
    ]) {
      expect(result?.ok).toBe(false);
      const error = result?.ok === false ? result.error : undefined;
      expect(error).toBeInstanceOf(SignInError);
      expect(error?.message).toMatch(/[\u4e00-\u9fff]/);
    }
    const mismatch = readCallback(query({ code: 'c0de', state: 'forged' }), pending);
    expect(mismatch?.ok === false && mismatch.error.message).toContain('state 不一致');
  });

  it("reports the hosted UI's errors in Chinese", () => {
    const denied = readCallback(query({ error: 'access_denied', state: pending.state }), pending);
    expect(denied?.ok === false && denied.error.message).toContain('已取消');
    const other = readCallback(query({ error: 'invalid_request', error_description: 'bad scope', state: pending.state }), pending);
    expect(other?.ok === false && other.error.message).toBe('统一身份认证返回错误（invalid_request：bad scope），请重新登录');
  });

  it('is not a return without code or error', () => {
    expect(readCallback(query({}), pending)).toBeUndefined();
    expect(readCallback(query({ state: pending.state }), pending)).toBeUndefined();
  });

  it('opens only console pages afterwards', () => {
    expect(safeNext('/staff/households/H1')).toBe('/staff/households/H1');
    expect(safeNext('/staff')).toBe('/staff');
    for (const next of [undefined, '', '/', '/staff/login', '//evil.example', 'https://evil.example/', '/staffing']) expect(safeNext(next), String(next)).toBe('/staff/households');
  });

  it('reads the pending sign-in back, and nothing from a damaged one', () => {
    expect(parsePending(JSON.stringify(pending))).toEqual(pending);
    expect(parsePending(null)).toBeUndefined();
    expect(parsePending('{')).toBeUndefined();
    expect(parsePending(JSON.stringify({ state: 's' }))).toBeUndefined();
  });

  it('keeps the ID token of a successful exchange, and explains a failed one in Chinese', () => {
    const idToken = 'eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJ4In0.c2ln';
    expect(idTokenOf(200, { id_token: idToken, access_token: 'a.b.c', token_type: 'Bearer' })).toEqual({ token: idToken });
    const spent = idTokenOf(400, { error: 'invalid_grant' });
    expect('error' in spent && spent.error.message).toBe('登录凭证已失效或已被使用，请重新登录');
    const broken = idTokenOf(502, undefined);
    expect('error' in broken && broken.error.message).toBe('换取登录凭证失败（HTTP 502），请重新登录');
    expect('error' in idTokenOf(200, { access_token: 'a.b.c' })).toBe(true);
  });
});
