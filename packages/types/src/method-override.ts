import type { HttpMethod } from './contracts.js';

/**
 * WeChat's `wx.request` has no PATCH. A client that cannot send a contract's method sends POST with
 * this header naming it; the API accepts exactly that pair (POST + `PATCH`) on a PATCH route: the
 * local gateway routes it, CDK adds a POST twin of each PATCH route, and the handler checks the
 * header (docs/miniprogram.md).
 */
export const METHOD_OVERRIDE_HEADER = 'x-http-method-override';

/** Methods sent as POST with the override header. */
export const OVERRIDDEN_METHODS: readonly HttpMethod[] = ['PATCH'];

/** Whether a request that arrived as `sent` with the override header `override` stands for `method`. */
export function standsFor(method: HttpMethod, sent: string, override: string | undefined): boolean {
  if (sent.toUpperCase() === method) return true;
  return sent.toUpperCase() === 'POST' && OVERRIDDEN_METHODS.includes(method) && override?.toUpperCase() === method;
}
