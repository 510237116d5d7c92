import { STAFF_SESSION_ENV } from '@jingzhun/platform/session';
import type { CreateAuthChallengeTriggerEvent, DefineAuthChallengeTriggerEvent, VerifyAuthChallengeResponseTriggerEvent } from 'aws-lambda';
import { createChallenge, defineChallenge, verifyChallenge } from '../cognito/challenge.js';
import { secretValue } from '../config.js';

/** The staff pool's custom-authentication triggers (cognito/challenge.ts); the shared stack attaches them to the pool. */
export const defineAuthChallenge = async (event: DefineAuthChallengeTriggerEvent) => defineChallenge(event);

export const createAuthChallenge = async (event: CreateAuthChallengeTriggerEvent) => createChallenge(event);

export const verifyAuthChallenge = async (event: VerifyAuthChallengeResponseTriggerEvent) => {
  const keyId = process.env[STAFF_SESSION_ENV.challengeKey];
  // Without its key the verifier accepts nothing (verifyChallenge with an empty key answers false).
  return verifyChallenge(event, keyId ? await secretValue(keyId) : '');
};
