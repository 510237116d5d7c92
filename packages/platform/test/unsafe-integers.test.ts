import { defineContract } from '@jingzhun/types';
import type { Context } from 'aws-lambda';
import { describe, expect, it } from 'vitest';
import * as z from 'zod';
import { type HttpEvent, httpHandler, unsafeIntegerPaths } from '../src/http.js';

describe('integers beyond 2^53 in a request body', () => {
  const file = defineContract({
    id: 'file',
    method: 'POST',
    path: '/public/figures',
    summary: 'file figures',
    auth: 'public',
    body: z.object({ amount: z.number(), figures: z.record(z.string(), z.number()), items: z.array(z.object({ n: z.number() })).optional() }),
    response: z.object({ ok: z.boolean() }),
  });
  let handled = 0;
  const handler = httpHandler(file, async () => {
    handled++;
    return { ok: true };
  });
  const post = async (text: string) => {
    const result = await handler(
      { rawPath: '/public/figures', headers: { 'content-type': 'application/json' }, body: text, requestContext: { http: { sourceIp: '192.0.2.1' } } } as unknown as HttpEvent,
      {} as Context,
    );
    return { status: result.statusCode, body: JSON.parse(String(result.body)) };
  };

  it('are refused with 400 VALIDATION_FAILED naming every such field, before the handler runs, though the schema takes any number', async () => {
    expect(file.body.safeParse({ amount: 2 ** 53 + 2, figures: {} }).success).toBe(true);
    const response = await post('{"amount": 9007199254740993, "figures": {"housing.completed": -9007199254740994}, "items": [{"n": 1e300}]}');
    expect(response.status).toBe(400);
    expect(response.body.code).toBe('VALIDATION_FAILED');
    expect(response.body.details.map((detail: { path: string }) => detail.path).sort()).toEqual(['amount', 'figures.housing.completed', 'items.0.n']);
    expect(response.body.details[0].message).toMatch(/[\u4e00-\u9fff]/);
    expect(handled).toBe(0);
  });

  it('lets safe integers and fractions through', async () => {
    expect(await post(`{"amount": ${Number.MAX_SAFE_INTEGER}, "figures": {"a": -${Number.MAX_SAFE_INTEGER}, "b": 0.5, "c": 1e-300}}`)).toEqual({ status: 200, body: { ok: true } });
    expect(handled).toBe(1);
  });

  it('walks deep JSON without recursion', () => {
    let deep: unknown = 2 ** 60;
    for (let i = 0; i < 20_000; i++) deep = [deep];
    expect(unsafeIntegerPaths(deep)).toHaveLength(1);
  });
});
