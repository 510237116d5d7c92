import { GetSecretValueCommand, SecretsManagerClient } from '@aws-sdk/client-secrets-manager';

/**
 * The key of the keyed name hashes behind the exact-name search (projection.ts nameKey). In the
 * cloud it is a Secrets Manager secret created by the notices stack (the manifest's `secrets`),
 * whose id reaches only the functions that hash names, which read it once per cold start. Locally
 * (`npm start`, the tests: not in Lambda) a fixed development key is used unless
 * `JZ_NOTICES_NAME_KEY` names one. In Lambda without the secret the function fails at start: a
 * production deployment must never hash names with the development key, which is in the source.
 */
export const NAME_KEY_SECRET_ENV = 'JZ_NOTICES_NAME_KEY_SECRET';
export const NAME_KEY_ENV = 'JZ_NOTICES_NAME_KEY';
const DEVELOPMENT_KEY = 'jingzhun-local-development-name-key';

export type NameKeySource = { secretId: string } | { value: string };

/** Where the key comes from; throws outside local mode (in Lambda) when no secret is configured. */
export function nameKeySource(env: Record<string, string | undefined> = process.env): NameKeySource {
  const secretId = env[NAME_KEY_SECRET_ENV];
  if (secretId) return { secretId };
  if (env.AWS_LAMBDA_FUNCTION_NAME) {
    throw new Error(`${NAME_KEY_SECRET_ENV} is not set: this function hashes names and has no name-search key (the notices stack creates the secret)`);
  }
  return { value: env[NAME_KEY_ENV] || DEVELOPMENT_KEY };
}

export async function readNameKey(source: NameKeySource, client: Pick<SecretsManagerClient, 'send'> = new SecretsManagerClient({})): Promise<string> {
  if ('value' in source) return source.value;
  const result = await client.send(new GetSecretValueCommand({ SecretId: source.secretId }));
  if (!result.SecretString) throw new Error(`secret ${source.secretId} has no string value`);
  return result.SecretString;
}

let loading: Promise<string> | undefined;

/** The name key, read once (a cold start's first call, or primeNameKey). */
export function nameSecret(): Promise<string> {
  loading ??= readNameKey(nameKeySource());
  return loading;
}

/**
 * Called at module load by the handlers whose functions hash names: a missing configuration fails
 * the cold start, and the secret is fetched while the function initialises.
 */
export function primeNameKey(): void {
  nameKeySource();
  nameSecret().catch(() => {
    // Reported by the request that awaits it; a failed read is tried again then.
    loading = undefined;
  });
}
