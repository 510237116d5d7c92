import {
  AdminInitiateAuthCommand,
  AdminRespondToAuthChallengeCommand,
  CognitoIdentityProviderClient,
  NotAuthorizedException,
  UserNotFoundException,
} from '@aws-sdk/client-cognito-identity-provider';
import { type SessionIssuer, STAFF_SESSION_ENV } from '@jingzhun/platform/session';
import { DomainError } from '@jingzhun/types';
import { secretValue } from '../config.js';
import { CHALLENGE_NAME, challengeAnswer } from './challenge.js';

export interface CognitoSessionDeps {
  client: Pick<CognitoIdentityProviderClient, 'send'>;
  poolId: string;
  clientId: string;
  /** The challenge key (read once from Secrets Manager by the caller's adapter). */
  challengeKey: () => Promise<string>;
  now?: () => Date;
}

const accountDisabled = () => new DomainError('ACCOUNT_UNAVAILABLE', '该工作人员账号已停用或不存在，请联系区县扶贫办', 403);

/**
 * The cloud's SessionIssuer: signs the bound staff member in to the staff pool by CUSTOM_AUTH
 * (cognito/challenge.ts) and returns the pool's ID token, which carries the account's current
 * attributes, so a changed role or region, or a disabled account, takes effect at the next sign-in
 * rather than living on in the binding. The pool accepts the account's `sub` as its user name.
 */
export function cognitoSessionIssuer(deps: CognitoSessionDeps): SessionIssuer {
  return async (claims) => {
    try {
      const started = await deps.client.send(
        new AdminInitiateAuthCommand({ UserPoolId: deps.poolId, ClientId: deps.clientId, AuthFlow: 'CUSTOM_AUTH', AuthParameters: { USERNAME: claims.sub } }),
      );
      const nonce = started.ChallengeParameters?.nonce;
      const username = started.ChallengeParameters?.username ?? started.ChallengeParameters?.USERNAME;
      if (started.ChallengeName !== CHALLENGE_NAME || !nonce || !username) throw new Error(`unexpected challenge ${started.ChallengeName ?? '(none)'}`);
      const answered = await deps.client.send(
        new AdminRespondToAuthChallengeCommand({
          UserPoolId: deps.poolId,
          ClientId: deps.clientId,
          ChallengeName: CHALLENGE_NAME,
          Session: started.Session,
          ChallengeResponses: { USERNAME: username, ANSWER: challengeAnswer(await deps.challengeKey(), username, nonce) },
        }),
      );
      const result = answered.AuthenticationResult;
      if (!result?.IdToken) throw new Error(`no tokens after the challenge (${answered.ChallengeName ?? 'no further challenge'})`);
      const now = (deps.now ?? (() => new Date()))();
      return { token: result.IdToken, expiresAt: new Date(now.getTime() + (result.ExpiresIn ?? 3600) * 1000).toISOString() };
    } catch (error) {
      if (error instanceof NotAuthorizedException || error instanceof UserNotFoundException) throw accountDisabled();
      throw error;
    }
  };
}

/** The cloud issuer when the stack configured one (all three settings), else undefined (the local cloud registers its own). */
export function cognitoSessionIssuerFromEnv(env: Record<string, string | undefined> = process.env): SessionIssuer | undefined {
  const poolId = env[STAFF_SESSION_ENV.poolId];
  const clientId = env[STAFF_SESSION_ENV.clientId];
  const keyId = env[STAFF_SESSION_ENV.challengeKey];
  if (!poolId || !clientId || !keyId) return undefined;
  return cognitoSessionIssuer({ client: new CognitoIdentityProviderClient({}), poolId, clientId, challengeKey: () => secretValue(keyId) });
}
