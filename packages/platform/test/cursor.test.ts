import { DomainError } from '@jingzhun/types';
import { describe, expect, it } from 'vitest';
import { decodeCursor, encodeCursor } from '../src/store.js';

const entries = { partition: { name: 'pk', value: 'NOTICE#n1' }, sortKeyPrefix: { name: 'sk', value: 'ENTRY#' } };
const byScope = { index: 'gsi1', partition: { name: 'gsi1pk', value: 'SCOPE#370405' }, sortKeyPrefix: { name: 'gsi1sk', value: 'NOTICE#' } };
const raw = (value: unknown) => Buffer.from(typeof value === 'string' ? value : JSON.stringify(value)).toString('base64url');

function refused(cursor: string, scope: Parameters<typeof decodeCursor>[1]): DomainError {
  try {
    decodeCursor(cursor, scope);
  } catch (error) {
    expect(error).toBeInstanceOf(DomainError);
    return error as DomainError;
  }
  throw new Error(`cursor ${Buffer.from(cursor, 'base64url').toString()} was accepted`);
}

describe('page cursors', () => {
  it('gives back the position a query handed out, on the table and on a GSI', () => {
    const position = { pk: 'NOTICE#n1', sk: 'ENTRY#0007' };
    expect(decodeCursor(encodeCursor(position), entries)).toEqual(position);
    const gsi = { pk: 'NOTICE#n2', sk: 'NOTICE', gsi1pk: 'SCOPE#370405', gsi1sk: 'NOTICE#2018-10-25' };
    expect(decodeCursor(encodeCursor(gsi), byScope)).toEqual(gsi);
    expect(decodeCursor(undefined, entries)).toBeUndefined();
  });

  it.each([
    ['garbage', 'bm90LWEtY3Vyc29y'],
    ['broken JSON', raw('{"pk":')],
    ['JSON null', raw('null')],
    ['a JSON string', raw('"NOTICE#n1"')],
    ['a JSON array', raw(['NOTICE#n1', 'ENTRY#1'])],
    ['an empty object', raw({})],
    ['a key missing', raw({ pk: 'NOTICE#n1' })],
    ['another key added', raw({ pk: 'NOTICE#n1', sk: 'ENTRY#1', status: 'x' })],
    ['another index’s keys', raw({ pk: 'NOTICE#n1', sk: 'ENTRY#1', gsi2pk: 'NOTICE#n1', gsi2sk: 'ENTRY#1' })],
    ['a number for the sort key', raw({ pk: 'NOTICE#n1', sk: 7 })],
    ['an object for the sort key', raw({ pk: 'NOTICE#n1', sk: { S: 'ENTRY#1' } })],
    ['an empty sort key', raw({ pk: 'NOTICE#n1', sk: '' })],
    ['another partition', raw({ pk: 'NOTICE#n2', sk: 'ENTRY#1' })],
    ['a sort key outside the query’s range', raw({ pk: 'NOTICE#n1', sk: 'NOTICE' })],
  ])('refuses %s with 400 BAD_CURSOR', (_, cursor) => {
    expect(refused(cursor, entries)).toMatchObject({ code: 'BAD_CURSOR', status: 400 });
  });

  it('refuses on a GSI query a table-only cursor, another partition and a sort key outside the range', () => {
    for (const key of [
      { pk: 'NOTICE#n2', sk: 'NOTICE' },
      { pk: 'NOTICE#n2', sk: 'NOTICE', gsi1pk: 'SCOPE#3704', gsi1sk: 'NOTICE#2018' },
      { pk: 'NOTICE#n2', sk: 'NOTICE', gsi1pk: 'SCOPE#370405', gsi1sk: 'ZZZ' },
      { pk: 'NOTICE#n2', sk: 'NOTICE', gsi1pk: 'SCOPE#370405', gsi1sk: 'NOTICE#1', extra: 'x' },
    ]) {
      expect(refused(raw(key), byScope).code, JSON.stringify(key)).toBe('BAD_CURSOR');
    }
  });
});
