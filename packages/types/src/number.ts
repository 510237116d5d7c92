import * as z from 'zod';

/**
 * Numbers a request may carry into storage. DynamoDB (through the document client) stores a
 * JavaScript number only when it is a safe integer or a fraction within ±(2^53 − 1) — above that
 * the client refuses to marshal it and the write fails as a 500 — and not below 1e-130 in
 * magnitude (DynamoDB's smallest number). A JSON number outside that range is refused at parsing
 * with a 400 instead: values with meaning beyond 2^53 (ID numbers, accounts) are strings anyway.
 */
export const MIN_STORABLE_MAGNITUDE = 1e-130;

export function isStorableNumber(value: number): boolean {
  if (!Number.isFinite(value)) return false;
  const magnitude = Math.abs(value);
  return value === 0 || (magnitude <= Number.MAX_SAFE_INTEGER && magnitude >= MIN_STORABLE_MAGNITUDE);
}

export const StorableNumber = z.number().refine(isStorableNumber, { message: '数值超出可保存的范围（绝对值不能超过 9007199254740991）' });
