/**
 * What every page uses, bundled once (lib/runtime.js) and required by the pages: the typed client
 * over wx.request with the session token from storage, the contracts, the offline visit queue,
 * photos, labels and the region directory.
 */
import { ApiError, createClient, isApiError } from '@jingzhun/client';
import { wxTransport } from '@jingzhun/client/wx';
import { identificationApi, noticesApi, subsidyApi, visitsApi, wechatApi } from '@jingzhun/types';
import regionList from '../../../web/public/regions.json';
import { newClientId } from './ids.js';
import { currentSession, type Session, saveSession, wxLoginCode } from './session.js';
import { readStored } from './storage.js';

export * from './labels.js';
export { type KeptPhoto, keepPhoto, MAX_PHOTO_BYTES } from './photos.js';
export { discardVisit, enqueueVisit, type QueuedVisit, unsentVisits } from './queue.js';
export { ApiError, currentSession, identificationApi, isApiError, newClientId, noticesApi, saveSession, subsidyApi, visitsApi, wechatApi };

import { flushVisits as flushWith } from './queue.js';

/**
 * The API's address is the build's (JZ_MINIPROGRAM_API); a development build may be pointed at
 * another machine by the storage key `jingzhun.api-base` (DevTools' storage panel; the tests).
 */
export const config = { apiBase: (JZ_DEV_SIGN_IN ? readStored<string>('jingzhun.api-base', '') : '') || JZ_API_BASE, devSignIn: JZ_DEV_SIGN_IN };

/** The typed client: 15 s per request, three retries of idempotent calls on a lost connection. */
export const api = createClient({
  baseUrl: config.apiBase,
  transport: wxTransport(wx),
  getToken: () => currentSession()?.token,
  timeoutMs: 15_000,
  retries: 3,
  backoffMs: 500,
  onUnauthorized: () => saveSession(undefined),
});

export const flushVisits = () => flushWith(api);

/** The user's words for an error: the API's Chinese message, or the exception's. */
export function messageOf(error: unknown): string {
  if (error instanceof Error && error.message) return error.message;
  return '操作失败，请稍后重试';
}

function keep(session: Session): Session {
  saveSession(session);
  return session;
}

/** Signs in with wx.login; throws the API's NOT_BOUND when this WeChat is not bound yet. */
export async function signInWithWechat(): Promise<Session> {
  return keep(await api.call(wechatApi.signInWechat, { body: { jsCode: await wxLoginCode() } }));
}

/** Binds this WeChat to the account that made the code in the console, and signs in. */
export async function bindWechat(bindingCode: string): Promise<Session> {
  return keep(await api.call(wechatApi.bindWechat, { body: { jsCode: await wxLoginCode(), bindingCode } }));
}

/** The demo sign-in of `npm start` (left out of builds for WeChat: JZ_MINIPROGRAM_DEV_SIGN_IN=0). */
export async function devSignIn(username: string): Promise<Session> {
  const signed = await api.request<{ token: string; expiresAt: string; user: Session['user'] & { username?: string } }>('POST', '/dev/login', { body: { username }, auth: false });
  return keep({
    token: signed.token,
    expiresAt: signed.expiresAt,
    user: { sub: signed.user.username ?? username, name: signed.user.name, role: signed.user.role, region: signed.user.region },
  });
}

export async function demoUsers(): Promise<{ username: string; name: string; role: string }[]> {
  const result = await api.request<{ items: { username: string; name: string; role: string }[] }>('GET', '/dev/users', { auth: false });
  return result.items.filter((user) => ['village', 'town', 'county'].includes(user.role));
}

export interface Region {
  code: string;
  name: string;
  level: 'county' | 'town' | 'village';
  parent?: string;
}
export const regions = regionList as Region[];
export const regionName = (code: string): string => regions.find((r) => r.code === code)?.name ?? '';
export const childrenOf = (code: string | undefined): Region[] => regions.filter((r) => (code ? r.parent === code : r.level === 'county'));

/** Opens a page; the user sees a toast when it fails. */
export function go(url: string): void {
  wx.navigateTo({ url, fail: () => wx.showToast({ title: '页面打开失败', icon: 'none' }) });
}

export function toast(title: string): void {
  wx.showToast({ title, icon: 'none', duration: 2500 });
}

/** Sends unsent visits whenever the phone is back online. */
export function watchConnection(): void {
  wx.onNetworkStatusChange((status) => {
    if (status.isConnected) void flushVisits();
  });
}
