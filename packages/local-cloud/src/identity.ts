import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { JWT_CLAIM, LOCAL_AUDIENCE, LOCAL_ISSUER } from '@jingzhun/types';
import { type CryptoKey, exportJWK, generateKeyPair, importJWK, type JWTPayload, jwtVerify, SignJWT } from 'jose';
import type { DemoUser } from './demo-users.js';

/**
 * The local stand-in for Cognito: signs RS256 tokens carrying the same claims (`custom:role`,
 * `custom:region`, …) and verifies them the way the API Gateway JWT authorizer does
 * (signature, issuer, audience, expiry).
 */
export interface Identity {
  sign(user: DemoUser, options?: { expiresInSeconds?: number; audience?: string }): Promise<{ token: string; expiresAt: string }>;
  verify(token: string): Promise<JWTPayload>;
  signRaw(claims: Record<string, unknown>, options?: { expiresInSeconds?: number; audience?: string; issuer?: string }): Promise<string>;
}

const ALG = 'RS256';

export async function createIdentity(keyFile?: string): Promise<Identity> {
  let privateKey: CryptoKey;
  let publicKey: CryptoKey;
  if (keyFile && existsSync(keyFile)) {
    const stored = JSON.parse(readFileSync(keyFile, 'utf8'));
    privateKey = (await importJWK(stored.privateKey, ALG)) as CryptoKey;
    publicKey = (await importJWK(stored.publicKey, ALG)) as CryptoKey;
  } else {
    const pair = await generateKeyPair(ALG, { extractable: true });
    privateKey = pair.privateKey;
    publicKey = pair.publicKey;
    if (keyFile) {
      mkdirSync(dirname(keyFile), { recursive: true });
      writeFileSync(keyFile, JSON.stringify({ privateKey: await exportJWK(privateKey), publicKey: await exportJWK(publicKey) }), { mode: 0o600 });
    }
  }
  const signRaw: Identity['signRaw'] = async (claims, options = {}) =>
    new SignJWT(claims as JWTPayload)
      .setProtectedHeader({ alg: ALG, kid: 'local' })
      .setIssuer(options.issuer ?? LOCAL_ISSUER)
      .setAudience(options.audience ?? LOCAL_AUDIENCE)
      .setIssuedAt()
      .setExpirationTime(Math.floor(Date.now() / 1000) + (options.expiresInSeconds ?? 8 * 3600))
      .sign(privateKey);
  return {
    signRaw,
    async sign(user, options = {}) {
      const expiresInSeconds = options.expiresInSeconds ?? 8 * 3600;
      const claims: Record<string, unknown> = {
        sub: user.username,
        token_use: 'id',
        [JWT_CLAIM.name]: user.name,
        [JWT_CLAIM.role]: user.role,
        [JWT_CLAIM.region]: user.region,
      };
      if (user.department) claims[JWT_CLAIM.department] = user.department;
      if (user.bankId) claims[JWT_CLAIM.bankId] = user.bankId;
      const token = await signRaw(claims, { expiresInSeconds, ...(options.audience ? { audience: options.audience } : {}) });
      return { token, expiresAt: new Date(Date.now() + expiresInSeconds * 1000).toISOString() };
    },
    async verify(token) {
      const { payload } = await jwtVerify(token, publicKey, { issuer: LOCAL_ISSUER, audience: LOCAL_AUDIENCE, algorithms: [ALG] });
      return payload;
    },
  };
}
