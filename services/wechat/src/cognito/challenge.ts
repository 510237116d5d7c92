import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import type { CreateAuthChallengeTriggerEvent, DefineAuthChallengeTriggerEvent, VerifyAuthChallengeResponseTriggerEvent } from 'aws-lambda';

/**
 * The staff pool's custom authentication for the mini-program (Cognito's CUSTOM_AUTH flow): after
 * the wechat service has checked a bound openid, it signs the staff member in to the pool itself,
 * so the mini-program's token is a Cognito token like the console's and passes the same JWT
 * authorizer with the account's current role and region. The one challenge is a fresh nonce; the
 * answer is HMAC-SHA256(challenge key, username + nonce), which only the wechat service's sign-in
 * functions can compute (the key is a Secrets Manager secret only they and these triggers read).
 * Anyone may start CUSTOM_AUTH on the mini-program client, but without the key cannot answer.
 *
 * Pure functions over the trigger events; the Lambda entry points are in handlers/cognito-triggers.ts.
 */

/** The challenge's name in Cognito's session list. */
export const CHALLENGE_NAME = 'CUSTOM_CHALLENGE';
export const CHALLENGE_METADATA = 'WECHAT_BINDING';

export function challengeAnswer(key: string, username: string, nonce: string): string {
  return createHmac('sha256', key).update(`${username}\n${nonce}`).digest('base64url');
}

/** One challenge, one attempt: tokens after a correct answer, failure after anything else. */
export function defineChallenge(event: DefineAuthChallengeTriggerEvent): DefineAuthChallengeTriggerEvent {
  const session = event.request.session ?? [];
  const last = session.at(-1);
  if (session.length === 0) {
    event.response = { challengeName: CHALLENGE_NAME, issueTokens: false, failAuthentication: false };
  } else if (session.length === 1 && last?.challengeName === CHALLENGE_NAME && last.challengeResult === true && last.challengeMetadata === CHALLENGE_METADATA) {
    event.response = { challengeName: '', issueTokens: true, failAuthentication: false };
  } else {
    event.response = { challengeName: '', issueTokens: false, failAuthentication: true };
  }
  return event;
}

/** A fresh nonce per attempt: public (the caller needs it for the answer) and private (the verifier compares). */
export function createChallenge(event: CreateAuthChallengeTriggerEvent, nonce: string = randomBytes(24).toString('base64url')): CreateAuthChallengeTriggerEvent {
  event.response = {
    publicChallengeParameters: { nonce, username: event.userName },
    privateChallengeParameters: { nonce },
    challengeMetadata: CHALLENGE_METADATA,
  };
  return event;
}

export function verifyChallenge(event: VerifyAuthChallengeResponseTriggerEvent, key: string): VerifyAuthChallengeResponseTriggerEvent {
  const nonce = event.request.privateChallengeParameters?.nonce;
  const sent = Buffer.from(String(event.request.challengeAnswer ?? ''));
  const expected = nonce && key ? Buffer.from(challengeAnswer(key, event.userName, nonce)) : undefined;
  event.response = { answerCorrect: expected !== undefined && sent.length === expected.length && timingSafeEqual(sent, expected) };
  return event;
}
