import { DomainError, type StaffClaims } from '@jingzhun/types';

/**
 * Issues staff session tokens for a sign-in the back end itself checked (the mini-program's WeChat
 * binding). The tokens must pass the same authorizer as the console's: locally the local cloud
 * registers its signer (the Cognito stand-in); in the cloud the adapter is still to come (Cognito
 * custom authentication, docs/miniprogram.md), and sign-in answers 503 until it is there.
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
