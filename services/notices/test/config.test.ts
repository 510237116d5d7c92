import { GetSecretValueCommand } from '@aws-sdk/client-secrets-manager';
import { describe, expect, it } from 'vitest';
import { NAME_KEY_ENV, NAME_KEY_SECRET_ENV, nameKeySource, readNameKey } from '../src/config.js';

describe('the name-search key (config.ts)', () => {
  it('fails fast in Lambda when the stack gave the function no secret', () => {
    expect(() => nameKeySource({ AWS_LAMBDA_FUNCTION_NAME: 'notices-searchVillage' })).toThrow(NAME_KEY_SECRET_ENV);
    // A literal key in the environment does not stand in for the secret there either.
    expect(() => nameKeySource({ AWS_LAMBDA_FUNCTION_NAME: 'notices-searchVillage', [NAME_KEY_ENV]: 'typed-in' })).toThrow(NAME_KEY_SECRET_ENV);
  });

  it('reads the secret the stack created, once, by its id', async () => {
    const source = nameKeySource({
      AWS_LAMBDA_FUNCTION_NAME: 'notices-searchVillage',
      [NAME_KEY_SECRET_ENV]: 'arn:aws:secretsmanager:cn-north-1:1:secret:jingzhun/notices/name-key',
    });
    expect(source).toEqual({ secretId: 'arn:aws:secretsmanager:cn-north-1:1:secret:jingzhun/notices/name-key' });
    const sent: unknown[] = [];
    const client = {
      send: async (command: unknown) => {
        sent.push(command);
        return { SecretString: 'k'.repeat(48) };
      },
    };
    expect(await readNameKey(source, client as never)).toBe('k'.repeat(48));
    expect(sent).toHaveLength(1);
    expect(sent[0]).toBeInstanceOf(GetSecretValueCommand);
    expect((sent[0] as GetSecretValueCommand).input).toEqual({ SecretId: source && 'secretId' in source ? source.secretId : '' });
  });

  it('uses the development key locally (not in Lambda), or the one JZ_NOTICES_NAME_KEY names', async () => {
    expect(await readNameKey(nameKeySource({}))).toBe('jingzhun-local-development-name-key');
    expect(await readNameKey(nameKeySource({ [NAME_KEY_ENV]: 'local-key' }))).toBe('local-key');
  });
});
