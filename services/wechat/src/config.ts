import { GetSecretValueCommand, SecretsManagerClient } from '@aws-sdk/client-secrets-manager';

/**
 * Where jscode2session is and with which AppID and AppSecret. In the cloud the AppSecret is the
 * wechat stack's secret (`jingzhun/wechat/app-secret`: the stack creates it with a random value, the
 * operator puts the mini-program's real AppSecret into it, docs/miniprogram.md); locally and in tests
 * `JZ_WECHAT_SECRET`. `JZ_WECHAT_API` points at WeChat (default) or at a stand-in server the tests start.
 */
export const APP_SECRET_ENV = 'JZ_WECHAT_SECRET_ARN';
export const WECHAT_API_DEFAULT = 'https://api.weixin.qq.com';

export interface WechatConfig {
  apiBase: string;
  appId: string;
  appSecret: string;
}

const secretReads = new Map<string, Promise<string>>();

/** A Secrets Manager secret's value, read once per container (a failed read is tried again next time). */
export function secretValue(secretId: string): Promise<string> {
  let read = secretReads.get(secretId);
  if (!read) {
    read = new SecretsManagerClient({})
      .send(new GetSecretValueCommand({ SecretId: secretId }))
      .then((result) => result.SecretString ?? '')
      .catch((error) => {
        secretReads.delete(secretId);
        throw error;
      });
    secretReads.set(secretId, read);
  }
  return read;
}

async function appSecret(env: Record<string, string | undefined>): Promise<string> {
  const secretId = env[APP_SECRET_ENV];
  if (!secretId) return env.JZ_WECHAT_SECRET ?? '';
  return secretValue(secretId);
}

/** Read per request (the tests change the stand-in's address between files). */
export async function wechatConfig(env: Record<string, string | undefined> = process.env): Promise<WechatConfig> {
  return { apiBase: (env.JZ_WECHAT_API || WECHAT_API_DEFAULT).replace(/\/$/, ''), appId: env.JZ_WECHAT_APPID ?? '', appSecret: await appSecret(env) };
}
