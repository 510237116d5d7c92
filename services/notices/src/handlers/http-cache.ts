import { createHash } from 'node:crypto';
import { type HttpResponse, respond } from '@jingzhun/platform';

/** Public GETs: a strong ETag over the JSON body, 304 on If-None-Match, cacheable for a minute. */
export const PUBLIC_CACHE_CONTROL = 'public, max-age=60';

export function etagOf(body: unknown): string {
  return `"${createHash('sha256').update(JSON.stringify(body)).digest('base64url').slice(0, 27)}"`;
}

export function cacheable(body: unknown, headers: Record<string, string | undefined>): HttpResponse {
  const etag = etagOf(body);
  const common = { etag, 'cache-control': PUBLIC_CACHE_CONTROL, vary: 'accept-encoding' };
  const presented = headers['if-none-match'] ?? headers['If-None-Match'];
  if (presented?.split(',').some((tag) => tag.trim().replace(/^W\//, '') === etag || tag.trim() === '*')) return respond(304, undefined, common);
  return respond(200, body, common);
}
