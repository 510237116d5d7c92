import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A stand-in for WeChat's jscode2session, for tests: `issueCode(openid)` makes a wx.login code
 * for a user, usable once (WeChat's own rule: 40163 when used again, 40029 when unknown).
 * Point the wechat service at it with `JZ_WECHAT_API`, `JZ_WECHAT_APPID` and `JZ_WECHAT_SECRET`.
 */
export interface WechatStandIn {
  url: string;
  appId: string;
  secret: string;
  issueCode(openid: string): string;
  /** Requests seen, for assertions (appid, secret, js_code, grant_type). */
  readonly requests: URLSearchParams[];
  /** Sets JZ_WECHAT_API / _APPID / _SECRET for the services in this process. */
  configure(): void;
  stop(): Promise<void>;
}

export async function startWechatStandIn(options: { appId?: string; secret?: string } = {}): Promise<WechatStandIn> {
  const appId = options.appId ?? 'wx-stand-in-app';
  const secret = options.secret ?? 'stand-in-secret';
  const codes = new Map<string, { openid: string; used: boolean }>();
  const requests: URLSearchParams[] = [];
  let counter = 0;
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://stand-in');
    requests.push(url.searchParams);
    const reply = (body: unknown) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify(body));
    };
    if (url.pathname !== '/sns/jscode2session') return reply({ errcode: -1, errmsg: 'system error' });
    if (url.searchParams.get('appid') !== appId || url.searchParams.get('secret') !== secret) return reply({ errcode: 40013, errmsg: 'invalid appid' });
    const entry = codes.get(url.searchParams.get('js_code') ?? '');
    if (!entry) return reply({ errcode: 40029, errmsg: 'invalid code' });
    if (entry.used) return reply({ errcode: 40163, errmsg: 'code been used' });
    entry.used = true;
    reply({ openid: entry.openid, session_key: 'c3RhbmQtaW4tc2Vzc2lvbi1rZXk=' });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url,
    appId,
    secret,
    requests,
    issueCode(openid) {
      counter += 1;
      const code = `code${counter.toString().padStart(4, '0')}${Math.random().toString(36).slice(2, 10)}`;
      codes.set(code, { openid, used: false });
      return code;
    },
    configure() {
      process.env.JZ_WECHAT_API = url;
      process.env.JZ_WECHAT_APPID = appId;
      process.env.JZ_WECHAT_SECRET = secret;
    },
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
