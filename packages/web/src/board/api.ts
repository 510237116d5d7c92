import { ApiError, createClient } from '@jingzhun/client';

/**
 * The board's API client: anonymous, same origin (the deployed config.json sets no API address),
 * requests checked against the contracts before sending so a bad phone or ID number is refused
 * next to its field without a round trip.
 */
export const api = createClient({ baseUrl: '', retries: 2, backoffMs: 500 });

export { ApiError };

const CJK = /[\u4e00-\u9fff]/;

/** A plain Chinese sentence for any failure; never an error code. */
export function errorText(error: unknown): string {
  if (error instanceof ApiError) {
    if (error.isNetwork) return '网络连接中断，请检查网络后重试';
    if (error.status === 429) return '查询过于频繁，请一小时后再试';
    if (CJK.test(error.message)) return error.message;
  }
  return '页面出现意外错误，请刷新后重试';
}

/** Field messages of a refused request, keyed by field name (the contract's or the service's). */
export function fieldErrors(error: unknown): Record<string, string> {
  if (!(error instanceof ApiError)) return {};
  const out: Record<string, string> = {};
  for (const issue of error.issues) {
    if (!CJK.test(issue.message)) continue;
    out[issue.path || '_'] ??= issue.message;
  }
  // A refusal the service ties to one field (details.field).
  const field = (error.details as { field?: unknown } | undefined)?.field;
  if (typeof field === 'string' && CJK.test(error.message)) out[field] ??= error.message;
  return out;
}
