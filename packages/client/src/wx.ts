/// <reference types="miniprogram-api-typings" />
import { METHOD_OVERRIDE_HEADER, OVERRIDDEN_METHODS } from '@jingzhun/types';
import type { Transport } from './index.js';

/**
 * The client's transport over `wx.request` for the WeChat mini-program, typed by WeChat's own API
 * types (miniprogram-api-typings). This module is type-checked with the mini-program
 * (packages/miniprogram/tsconfig.json): those typings declare the mini-program's globals, which
 * clash with Node's, so it is not part of the client's index.
 *
 * - `dataType: '其他'` keeps the body as text so the client parses JSON itself and sees the API's
 *   error envelope unchanged.
 * - `wx.request` has no PATCH: a PATCH is sent as POST with `x-http-method-override: PATCH`, which
 *   the API honours on PATCH routes only (packages/types method-override.ts).
 * - `fail` (no response: lost connection, timeout, domain not whitelisted) rejects, which the client
 *   turns into a NETWORK_ERROR and retries for idempotent calls.
 */
export type WxRequester = Pick<WechatMiniprogram.Wx, 'request'>;
type WxMethod = NonNullable<WechatMiniprogram.RequestOption['method']>;

export function wxMethodOf(method: string): { method: WxMethod; header: Record<string, string> } {
  const upper = method.toUpperCase();
  if ((OVERRIDDEN_METHODS as readonly string[]).includes(upper)) return { method: 'POST', header: { [METHOD_OVERRIDE_HEADER]: upper } };
  return { method: upper as WxMethod, header: {} };
}

export function wxTransport(wx: WxRequester): Transport {
  return (request) =>
    new Promise((resolve, reject) => {
      const { method, header } = wxMethodOf(request.method);
      wx.request({
        url: request.url,
        method,
        header: { ...request.headers, ...header },
        ...(request.body !== undefined ? { data: request.body } : {}),
        dataType: '其他',
        responseType: 'text',
        ...(request.timeoutMs ? { timeout: request.timeoutMs } : {}),
        success: (result) => {
          const headers: Record<string, string> = {};
          for (const [key, value] of Object.entries((result.header ?? {}) as Record<string, unknown>)) headers[key.toLowerCase()] = String(value);
          const data: unknown = result.data;
          const text = typeof data === 'string' ? data : data === undefined || data === null ? '' : JSON.stringify(data);
          resolve({ status: result.statusCode, headers, text });
        },
        fail: (error) => reject(new Error(error?.errMsg ?? 'wx.request:fail')),
      });
    });
}
