import * as z from 'zod';
import { ROLES } from '../auth.js';
import { defineContract } from '../contracts.js';

/**
 * Sign-in from the WeChat mini-program (issue 15): `wx.login` gives a one-time code, the back end
 * exchanges it for the user's openid (WeChat's jscode2session) and, once, binds that openid to the
 * staff account that created a binding code in the web console. A bound openid signs in with a new
 * code each time and gets a staff session token.
 */

/** 8 characters without 0/O, 1/I/L: read off a screen and typed on a phone. */
export const BINDING_CODE_ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';
export const BindingCode = z
  .string()
  .trim()
  .toUpperCase()
  .regex(new RegExp(`^[${BINDING_CODE_ALPHABET}]{8}$`), { message: '绑定码为 8 位字母或数字' });
/** wx.login's code (WeChat: valid once, for five minutes). */
export const JsCode = z.string().regex(/^[A-Za-z0-9_-]{8,128}$/, { message: '微信登录凭证格式不正确' });

/** Who may bind a phone: the staff the mini-program serves (visits, tasks), workflows.md §1.1. */
export const BINDERS = ['village', 'town', 'county'] as const;

export const Session = z.object({
  token: z.string(),
  expiresAt: z.string(),
  user: z.object({ sub: z.string(), name: z.string(), role: z.enum(ROLES), region: z.string() }),
});

export const createBindingCode = defineContract({
  id: 'wechat.createBindingCode',
  method: 'POST',
  path: '/wechat/binding-codes',
  summary: '生成微信小程序绑定码（10 分钟内有效，用一次）',
  auth: 'staff',
  roles: BINDERS,
  /** The app the code signs in to (the mini-program today): a required body, so a malformed one is refused. */
  body: z.object({ app: z.literal('miniprogram') }),
  response: z.object({ code: z.string(), expiresAt: z.string() }),
});

export const bindWechat = defineContract({
  id: 'wechat.bind',
  method: 'POST',
  path: '/public/wechat/bind',
  summary: '小程序：用绑定码把本微信绑定到工作人员账号并登录',
  auth: 'public',
  body: z.object({ jsCode: JsCode, bindingCode: BindingCode }),
  response: Session,
});

export const signInWechat = defineContract({
  id: 'wechat.signIn',
  method: 'POST',
  path: '/public/wechat/sign-in',
  summary: '小程序：已绑定的微信登录',
  auth: 'public',
  body: z.object({ jsCode: JsCode }),
  response: Session,
});
