import { readStored, writeStored } from './storage.js';

/** The staff session of a signed-in cadre, kept in storage (token, its expiry, who). */
export interface Session {
  token: string;
  expiresAt: string;
  user: { sub: string; name: string; role: string; region: string };
}

const KEY = 'jingzhun.session';

export function currentSession(now: () => number = Date.now): Session | undefined {
  const session = readStored<Session | undefined>(KEY, undefined);
  if (!session?.token) return undefined;
  if (Date.parse(session.expiresAt) <= now()) {
    writeStored(KEY, undefined);
    return undefined;
  }
  return session;
}

export function saveSession(session: Session | undefined): void {
  writeStored(KEY, session);
}

/** wx.login's one-time code. */
export function wxLoginCode(): Promise<string> {
  return new Promise((resolve, reject) =>
    wx.login({
      success: (result) => (result.code ? resolve(result.code) : reject(new Error('微信登录失败，请重试'))),
      fail: () => reject(new Error('微信登录失败，请检查网络后重试')),
    }),
  );
}
