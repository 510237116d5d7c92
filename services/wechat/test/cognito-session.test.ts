import { AdminInitiateAuthCommand, AdminRespondToAuthChallengeCommand, NotAuthorizedException } from '@aws-sdk/client-cognito-identity-provider';
import type { StaffClaims } from '@jingzhun/types';
import { DomainError } from '@jingzhun/types';
import type { CreateAuthChallengeTriggerEvent, DefineAuthChallengeTriggerEvent, VerifyAuthChallengeResponseTriggerEvent } from 'aws-lambda';
import { describe, expect, it } from 'vitest';
import { CHALLENGE_METADATA, CHALLENGE_NAME, challengeAnswer, createChallenge, defineChallenge, verifyChallenge } from '../src/cognito/challenge.js';
import { cognitoSessionIssuer } from '../src/cognito/session-issuer.js';

const KEY = 'challenge-key-known-to-the-triggers-and-the-sign-in-functions';
const claims: StaffClaims = { sub: '6f1c2a7e-0000-4000-8000-000000000001', name: '冯庄村委会', role: 'village', region: '370405103201' } as StaffClaims;

type SessionEntry = DefineAuthChallengeTriggerEvent['request']['session'][number];

/**
 * A stand-in for the staff pool that runs the real triggers in Cognito's order (define → create on
 * initiate; verify → define on respond), so the issuer and the triggers are tested together.
 */
function standInPool(options: { triggerKey?: string; disabled?: Set<string> } = {}) {
  const sessions = new Map<string, { username: string; entries: SessionEntry[]; privateNonce: string }>();
  const calls: string[] = [];
  let counter = 0;
  const base = (username: string) => ({
    version: '1',
    region: 'cn-north-1',
    userPoolId: 'pool',
    userName: username,
    callerContext: { awsSdkVersion: 'x', clientId: 'miniprogram' },
  });
  const define = (username: string, entries: SessionEntry[]) =>
    defineChallenge({
      ...base(username),
      triggerSource: 'DefineAuthChallenge_Authentication',
      request: { userAttributes: {}, session: entries },
      response: {},
    } as unknown as DefineAuthChallengeTriggerEvent).response;
  const client = {
    async send(command: unknown) {
      if (command instanceof AdminInitiateAuthCommand) {
        const username = command.input.AuthParameters?.USERNAME as string;
        calls.push(`initiate ${username}`);
        if (options.disabled?.has(username)) throw new NotAuthorizedException({ message: 'User is disabled.', $metadata: {} });
        const next = define(username, []);
        const created = createChallenge({
          ...base(username),
          triggerSource: 'CreateAuthChallenge_Authentication',
          request: { userAttributes: {}, challengeName: next.challengeName, session: [] },
          response: {},
        } as unknown as CreateAuthChallengeTriggerEvent).response;
        const session = `session-${++counter}`;
        sessions.set(session, { username, entries: [], privateNonce: created.privateChallengeParameters.nonce as string });
        return { ChallengeName: next.challengeName, Session: session, ChallengeParameters: created.publicChallengeParameters };
      }
      if (command instanceof AdminRespondToAuthChallengeCommand) {
        const state = sessions.get(command.input.Session as string);
        if (!state) throw new NotAuthorizedException({ message: 'Invalid session', $metadata: {} });
        sessions.delete(command.input.Session as string);
        calls.push(`respond ${state.username}`);
        const verified = verifyChallenge(
          {
            ...base(state.username),
            triggerSource: 'VerifyAuthChallengeResponse_Authentication',
            request: { userAttributes: {}, privateChallengeParameters: { nonce: state.privateNonce }, challengeAnswer: command.input.ChallengeResponses?.ANSWER ?? '' },
            response: {},
          } as unknown as VerifyAuthChallengeResponseTriggerEvent,
          options.triggerKey ?? KEY,
        ).response;
        const entries = [...state.entries, { challengeName: CHALLENGE_NAME, challengeResult: verified.answerCorrect, challengeMetadata: CHALLENGE_METADATA } as SessionEntry];
        const next = define(state.username, entries);
        if (next.failAuthentication) throw new NotAuthorizedException({ message: 'Incorrect username or password.', $metadata: {} });
        return { AuthenticationResult: { IdToken: `id-token-of-${state.username}`, ExpiresIn: 3600 } };
      }
      throw new Error('unexpected command');
    },
  };
  return { client, calls };
}

describe('mini-program staff sessions from the staff pool (custom authentication)', () => {
  const now = () => new Date('2026-12-06T08:00:00.000Z');

  it('signs the bound account in by its sub and returns the pool’s ID token with its expiry', async () => {
    const pool = standInPool();
    const issue = cognitoSessionIssuer({ client: pool.client, poolId: 'pool', clientId: 'miniprogram', challengeKey: async () => KEY, now });
    expect(await issue(claims)).toEqual({ token: `id-token-of-${claims.sub}`, expiresAt: '2026-12-06T09:00:00.000Z' });
    expect(pool.calls).toEqual([`initiate ${claims.sub}`, `respond ${claims.sub}`]);
  });

  it('is refused when the answer was made without the pool’s key (anyone may start the flow; no one else can finish it)', async () => {
    const pool = standInPool({ triggerKey: KEY });
    const issue = cognitoSessionIssuer({ client: pool.client, poolId: 'pool', clientId: 'miniprogram', challengeKey: async () => 'a-guessed-key', now });
    const refused = await issue(claims).catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(DomainError);
    expect((refused as DomainError).status).toBe(403);
  });

  it('answers a disabled or deleted account with 403 ACCOUNT_UNAVAILABLE in Chinese, not a 500', async () => {
    const pool = standInPool({ disabled: new Set([claims.sub]) });
    const issue = cognitoSessionIssuer({ client: pool.client, poolId: 'pool', clientId: 'miniprogram', challengeKey: async () => KEY, now });
    const refused = (await issue(claims).catch((error: unknown) => error)) as DomainError;
    expect(refused.code).toBe('ACCOUNT_UNAVAILABLE');
    expect(refused.message).toMatch(/停用/);
  });
});

describe('the custom-authentication triggers', () => {
  const verify = (answer: string, nonce: string | undefined, key: string, userName = 'u-1') =>
    verifyChallenge(
      { userName, request: { privateChallengeParameters: nonce ? { nonce } : {}, challengeAnswer: answer }, response: {} } as unknown as VerifyAuthChallengeResponseTriggerEvent,
      key,
    ).response.answerCorrect;

  it('accepts only the answer for this user and this nonce under the key', () => {
    expect(verify(challengeAnswer(KEY, 'u-1', 'n-1'), 'n-1', KEY)).toBe(true);
    expect(verify(challengeAnswer(KEY, 'u-1', 'n-0'), 'n-1', KEY), 'an answer replayed from another attempt').toBe(false);
    expect(verify(challengeAnswer(KEY, 'u-2', 'n-1'), 'n-1', KEY), 'an answer made for another account').toBe(false);
    expect(verify(challengeAnswer('other', 'u-1', 'n-1'), 'n-1', KEY)).toBe(false);
    expect(verify('', 'n-1', KEY)).toBe(false);
    expect(verify(challengeAnswer('', 'u-1', 'n-1'), 'n-1', ''), 'a verifier without its key accepts nothing').toBe(false);
    expect(verify(challengeAnswer(KEY, 'u-1', 'n-1'), undefined, KEY)).toBe(false);
  });

  it('gives one challenge and one attempt: tokens only right after a correct answer', () => {
    const define = (session: unknown[]) => defineChallenge({ request: { session }, response: {} } as unknown as DefineAuthChallengeTriggerEvent).response;
    const right = { challengeName: CHALLENGE_NAME, challengeResult: true, challengeMetadata: CHALLENGE_METADATA };
    const wrong = { ...right, challengeResult: false };
    expect(define([])).toMatchObject({ challengeName: CHALLENGE_NAME, issueTokens: false, failAuthentication: false });
    expect(define([right])).toMatchObject({ issueTokens: true, failAuthentication: false });
    expect(define([wrong])).toMatchObject({ issueTokens: false, failAuthentication: true });
    expect(define([wrong, right]), 'no second try').toMatchObject({ issueTokens: false, failAuthentication: true });
    expect(define([{ challengeName: 'PASSWORD_VERIFIER', challengeResult: true }]), 'not another flow’s step').toMatchObject({ issueTokens: false, failAuthentication: true });
  });

  it('draws a fresh nonce per attempt and shows the caller the user name the answer must name', () => {
    const create = () => createChallenge({ userName: 'u-1', request: {}, response: {} } as unknown as CreateAuthChallengeTriggerEvent).response;
    const [first, second] = [create(), create()];
    expect(first.publicChallengeParameters.nonce).not.toBe(second.publicChallengeParameters.nonce);
    expect(first.publicChallengeParameters.nonce).toBe(first.privateChallengeParameters.nonce);
    expect(first.publicChallengeParameters.username).toBe('u-1');
    expect((first.publicChallengeParameters.nonce as string).length).toBeGreaterThanOrEqual(32);
  });
});
