import { randomInt } from 'node:crypto';
import { wechatApi } from '@jingzhun/types';

/** A binding code lives 10 minutes [PROP]: long enough to pick up the phone, short for a code on a screen. */
export const BINDING_CODE_MINUTES = 10;

/** 8 characters of 31: about 8.5 × 10^11 codes, too many to guess behind the public rate limit in 10 minutes. */
export function newBindingCode(random: (max: number) => number = randomInt): string {
  const alphabet = wechatApi.BINDING_CODE_ALPHABET;
  return Array.from({ length: 8 }, () => alphabet[random(alphabet.length)]).join('');
}

export function codeExpiry(now: Date): string {
  return new Date(now.getTime() + BINDING_CODE_MINUTES * 60_000).toISOString();
}

export function isExpired(expiresAt: string, now: Date): boolean {
  return Date.parse(expiresAt) <= now.getTime();
}
