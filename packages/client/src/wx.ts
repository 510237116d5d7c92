import type { Transport } from './index.js';

/** The part of the mini-program's `wx.request` the client uses. */
export interface WxRequestOptions {
  url: string;
  method: string;
  header: Record<string, string>;
  data?: string;
  dataType: 'json' | '其他';
  responseType: 'text';
  timeout?: number;
  success: (result: { statusCode: number; data: unknown; header: Record<string, string> }) => void;
  fail: (error: { errMsg: string; errno?: number }) => void;
}

export interface WxLike {
  request(options: WxRequestOptions): unknown;
}

/**
 * The client's transport over `wx.request` for the WeChat mini-program. `dataType: '其他'` keeps the
 * body as text so the client parses JSON itself and sees the API's error envelope unchanged;
 * `fail` (no response: lost connection, timeout, domain not whitelisted) rejects, which the client
 * turns into a NETWORK_ERROR and retries for idempotent calls.
 */
export function wxTransport(wx: WxLike): Transport {
  return (request) =>
    new Promise((resolve, reject) => {
      wx.request({
        url: request.url,
        method: request.method,
        header: request.headers,
        ...(request.body !== undefined ? { data: request.body } : {}),
        dataType: '其他',
        responseType: 'text',
        ...(request.timeoutMs ? { timeout: request.timeoutMs } : {}),
        success: (result) => {
          const headers: Record<string, string> = {};
          for (const [key, value] of Object.entries(result.header ?? {})) headers[key.toLowerCase()] = String(value);
          const text = typeof result.data === 'string' ? result.data : result.data === undefined || result.data === null ? '' : JSON.stringify(result.data);
          resolve({ status: result.statusCode, headers, text });
        },
        fail: (error) => reject(new Error(error?.errMsg ?? 'wx.request:fail')),
      });
    });
}
