import { DomainError, type StaffClaims } from '@jingzhun/types';

/**
 * Issues staff session tokens for a sign-in the back end itself checked (the mini-program's WeChat
 * binding). The tokens must pass the same authorizer as the console's: locally the local cloud
 * registers its signer (the Cognito stand-in); in the cloud the wechat service registers the staff
 * pool's custom authentication (services/wechat/src/cognito); with neither, sign-in answers 503.
 */
export type SessionIssuer = (claims: StaffClaims) => Promise<{ token: string; expiresAt: string }>;

let issuer: SessionIssuer | undefined;

export function setSessionIssuer(next: SessionIssuer | undefined): void {
  issuer = next;
}

export function issueSession(claims: StaffClaims): Promise<{ token: string; expiresAt: string }> {
  if (!issuer) throw new DomainError('SIGN_IN_UNAVAILABLE', '小程序登录暂未开通，请联系区县扶贫办', 503);
  return issuer(claims);
}

/**
 * What the functions of a manifest's `staffSessions` are told by their stack: the staff pool, the
 * mini-program's app client and the secret holding the pool's custom-authentication key.
 */
export const STAFF_SESSION_ENV = { poolId: 'JZ_STAFF_POOL_ID', clientId: 'JZ_STAFF_SESSION_CLIENT_ID', challengeKey: 'JZ_STAFF_CHALLENGE_KEY_ARN' } as const;
