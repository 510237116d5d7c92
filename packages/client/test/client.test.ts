import { identificationApi } from '@jingzhun/types';
import { describe, expect, expectTypeOf, it } from 'vitest';
import { ApiError, createClient, storageTokenStore, type Transport, type TransportRequest, type TransportResponse, type WxRequester, wxTransport } from '../src/index.js';

const json = (status: number, body: unknown, headers: Record<string, string> = {}): TransportResponse => ({
  status,
  headers: { 'content-type': 'application/json', ...headers },
  text: JSON.stringify(body),
});

function scripted(responses: (TransportResponse | Error)[]) {
  const seen: TransportRequest[] = [];
  const transport: Transport = async (request) => {
    seen.push(request);
    const next = responses.shift();
    if (!next) throw new Error('no more responses');
    if (next instanceof Error) throw next;
    return next;
  };
  return { seen, transport };
}

const noSleep = async () => undefined;
const region = { code: '370405000000', name: '台儿庄区', level: 'county', childCount: 6, path: [] };

describe('typed client', () => {
  it('builds the URL from the contract path and query, sends the token on staff routes, returns the typed body', async () => {
    const { seen, transport } = scripted([json(200, region), json(200, { items: [], nextCursor: undefined })]);
    const client = createClient({ baseUrl: 'http://api.test/', getToken: () => 'tok', transport, sleep: noSleep });
    const result = await client.call(identificationApi.getRegion, { params: { code: '370405000000' } });
    expectTypeOf(result.path).toEqualTypeOf<{ code: string; name: string }[]>();
    expect(result.name).toBe('台儿庄区');
    expect(seen[0]).toMatchObject({ method: 'GET', url: 'http://api.test/regions/370405000000', headers: { authorization: 'Bearer tok' } });
    await client.call(identificationApi.listHouseholds, { query: { region: '370405103201', name: '张三' } });
    expect(seen[1]?.url).toBe(`http://api.test/households?region=370405103201&name=${encodeURIComponent('张三')}`);
  });

  it('types the request from the contract (z.input) and refuses a missing required part', () => {
    const client = createClient({ baseUrl: '', transport: scripted([]).transport });
    // @ts-expect-error params are required for /regions/{code}
    void (() => client.call(identificationApi.getRegion));
    // @ts-expect-error code must be a string
    void (() => client.call(identificationApi.getRegion, { params: { code: 1 } }));
    // limit has a default: optional in the input type
    void (() => client.call(identificationApi.listHouseholds, { query: { region: '370405000000' } }));
  });

  it('an API error becomes an ApiError with the code, the Chinese message and field issues', async () => {
    const details = [{ path: 'members.0.idNumber', message: '身份证号校验位不正确', in: 'body' }];
    const { transport } = scripted([json(400, { code: 'VALIDATION_FAILED', message: '请求参数不合法', details })]);
    const client = createClient({ baseUrl: '', transport, validateRequests: false });
    const result = await client.tryCall(identificationApi.getRegion, { params: { code: '370405000000' } });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error).toBeInstanceOf(ApiError);
    expect(result.error).toMatchObject({ status: 400, code: 'VALIDATION_FAILED', message: '请求参数不合法' });
    expect(result.error.fieldErrors()).toEqual({ 'members.0.idNumber': '身份证号校验位不正确' });
  });

  it('checks the request against the contract before sending (no request on invalid input)', async () => {
    const { seen, transport } = scripted([]);
    const client = createClient({ baseUrl: '', transport });
    const error = await client.call(identificationApi.getRegion, { params: { code: 'abc' } }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).status).toBe(0);
    expect((error as ApiError).issues[0]).toMatchObject({ path: 'code', in: 'path' });
    expect(seen).toHaveLength(0);
  });

  it('retries 429 with backoff honouring Retry-After, bounded', async () => {
    const delays: number[] = [];
    const { seen, transport } = scripted([
      json(429, { code: 'RATE_LIMITED', message: '请求过于频繁，请稍后再试' }, { 'retry-after': '2' }),
      json(429, { code: 'RATE_LIMITED', message: '请求过于频繁，请稍后再试' }),
      json(200, region),
    ]);
    const retries: number[] = [];
    const client = createClient({ baseUrl: '', transport, backoffMs: 100, sleep: async (ms) => void delays.push(ms), onRetry: (info) => retries.push(info.attempt) });
    await expect(client.call(identificationApi.getRegion, { params: { code: '370405000000' } })).resolves.toMatchObject({ name: '台儿庄区' });
    expect(seen).toHaveLength(3);
    expect(delays).toEqual([2000, 200]);
    expect(retries).toEqual([1, 2]);

    const always = scripted(Array.from({ length: 10 }, () => json(429, { code: 'RATE_LIMITED', message: '请求过于频繁，请稍后再试' })));
    const bounded = createClient({ baseUrl: '', transport: always.transport, retries: 2, sleep: noSleep });
    await expect(bounded.call(identificationApi.getRegion, { params: { code: '370405000000' } })).rejects.toMatchObject({ status: 429, code: 'RATE_LIMITED' });
    expect(always.seen).toHaveLength(3);
  });

  it('a lost connection is retried for GET and explained in Chinese; a POST is not repeated', async () => {
    const { seen, transport } = scripted([new TypeError('fetch failed'), json(200, region)]);
    const client = createClient({ baseUrl: '', transport, sleep: noSleep });
    await expect(client.call(identificationApi.getRegion, { params: { code: '370405000000' } })).resolves.toMatchObject({ code: '370405000000' });
    expect(seen).toHaveLength(2);

    const post = scripted([new TypeError('fetch failed'), json(200, {})]);
    const poster = createClient({ baseUrl: '', transport: post.transport, sleep: noSleep });
    const error = await poster.request('POST', '/dev/login', { body: { username: 'county' } }).catch((e: unknown) => e);
    expect(error).toMatchObject({ status: 0, code: 'NETWORK_ERROR', message: '网络连接中断，请检查网络后重试', isNetwork: true });
    expect(post.seen).toHaveLength(1);
  });

  it('a gateway body without the envelope still becomes a Chinese ApiError; 401 calls onUnauthorized', async () => {
    const { transport } = scripted([{ status: 401, headers: {}, text: '{"message":"Unauthorized"}' }]);
    let signedOut = false;
    const client = createClient({
      baseUrl: '',
      transport,
      getToken: () => 'old',
      onUnauthorized: () => {
        signedOut = true;
      },
    });
    await expect(client.call(identificationApi.getRegion, { params: { code: '370405000000' } })).rejects.toMatchObject({
      status: 401,
      code: 'UNAUTHENTICATED',
      message: '未登录或登录已失效，请重新登录',
    });
    expect(signedOut).toBe(true);
  });

  it('validates responses against the contract when asked', async () => {
    const { transport } = scripted([json(200, { code: 1 })]);
    const client = createClient({ baseUrl: '', transport, validateResponses: true });
    await expect(client.call(identificationApi.getRegion, { params: { code: '370405000000' } })).rejects.toMatchObject({ code: 'BAD_RESPONSE' });
  });
});

describe('wx.request adapter (mini-program)', () => {
  type WxRequestOptions = WechatMiniprogram.RequestOption & {
    success: (result: { statusCode: number; data: unknown; header: Record<string, string> }) => void;
    fail: (error: { errMsg: string }) => void;
  };
  function fakeWx(behave: (options: WxRequestOptions) => void) {
    const calls: WxRequestOptions[] = [];
    const wx: WxRequester = {
      request: (options) => {
        calls.push(options as WxRequestOptions);
        behave(options as WxRequestOptions);
        return {} as WechatMiniprogram.RequestTask;
      },
    };
    return { calls, wx };
  }

  it('sends method, header and text body, returns status, lower-case headers and text', async () => {
    const { calls, wx } = fakeWx((o) => o.success({ statusCode: 200, data: JSON.stringify(region), header: { 'Content-Type': 'application/json' } }));
    const client = createClient({ baseUrl: 'https://api.example.cn', getToken: () => 'tok', transport: wxTransport(wx) });
    const result = await client.call(identificationApi.getRegion, { params: { code: '370405000000' } });
    expect(result.name).toBe('台儿庄区');
    expect(calls[0]).toMatchObject({ url: 'https://api.example.cn/regions/370405000000', method: 'GET', dataType: '其他', header: { authorization: 'Bearer tok' } });
  });

  it('an API error keeps its code and Chinese message; fail() becomes a retried network error', async () => {
    const { wx } = fakeWx((o) => o.success({ statusCode: 403, data: JSON.stringify({ code: 'OUT_OF_SCOPE', message: '无权访问区划 370403000000 的数据' }), header: {} }));
    const client = createClient({ baseUrl: 'https://api.example.cn', transport: wxTransport(wx) });
    await expect(client.call(identificationApi.getRegion, { params: { code: '370403000000' } })).rejects.toMatchObject({
      status: 403,
      code: 'OUT_OF_SCOPE',
      message: '无权访问区划 370403000000 的数据',
    });

    let n = 0;
    const flaky = fakeWx((o) => (n++ === 0 ? o.fail({ errMsg: 'request:fail timeout' }) : o.success({ statusCode: 200, data: region, header: {} })));
    const again = createClient({ baseUrl: 'https://api.example.cn', transport: wxTransport(flaky.wx), sleep: noSleep });
    await expect(again.call(identificationApi.getRegion, { params: { code: '370405000000' } })).resolves.toMatchObject({ name: '台儿庄区' });
    expect(flaky.calls).toHaveLength(2);
  });

  it('sends a PATCH as POST with the method-override header (wx.request has no PATCH)', async () => {
    const { calls, wx } = fakeWx((o) => o.success({ statusCode: 200, data: '{}', header: { 'content-type': 'application/json' } }));
    const client = createClient({ baseUrl: 'https://api.example.cn', getToken: () => 'tok', transport: wxTransport(wx), validateRequests: false });
    await client.call(identificationApi.updateHousehold, {
      params: { householdId: '01ARZ3NDEKTSV4RRFFQ69G5FAV' },
      body: { version: 1, changes: {}, evidence: [], reason: 'x' } as never,
    });
    expect(calls[0]).toMatchObject({ method: 'POST', header: { 'x-http-method-override': 'PATCH', authorization: 'Bearer tok' } });
  });
});

describe('token store', () => {
  it('stores the token and drops an expired one', () => {
    const map = new Map<string, string>();
    const storage = { getItem: (k: string) => map.get(k) ?? null, setItem: (k: string, v: string) => void map.set(k, v), removeItem: (k: string) => void map.delete(k) };
    const payload = Buffer.from(JSON.stringify({ exp: 1000, name: '张三' })).toString('base64url');
    const token = `h.${payload}.s`;
    expect(storageTokenStore(storage, 'k', () => 999_000).get()).toBeUndefined();
    storageTokenStore(storage, 'k', () => 999_000).set(token);
    expect(storageTokenStore(storage, 'k', () => 999_000).get()).toBe(token);
    expect(storageTokenStore(storage, 'k', () => 1_000_000).get()).toBeUndefined();
    expect(map.has('k')).toBe(false);
  });
});
