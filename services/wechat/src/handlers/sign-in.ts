import { type Actor, type Clock, getItem, httpHandler, type IdGenerator, issueSession, setSessionIssuer, TTL_ATTRIBUTE, tableName, UnitOfWork } from '@jingzhun/platform';
import { DomainError, type StaffClaims, wechatApi } from '@jingzhun/types';
import { cognitoSessionIssuerFromEnv } from '../cognito/session-issuer.js';
import { wechatConfig } from '../config.js';
import { codeExpiry, isExpired, newBindingCode } from '../domain/binding.js';
import { accountKey, auditSubject, bindingCodeKey, bindingKey } from '../store/keys.js';
import { wechatTable } from '../store/table.js';
import { openidOf } from '../wechat-api.js';

interface CodeItem {
  code: string;
  claims: StaffClaims;
  expiresAt: string;
  version: number;
}
interface BindingItem {
  openid: string;
  claims: StaffClaims;
  boundAt: string;
  version: number;
}
interface AccountItem {
  sub: string;
  openid: string;
  version: number;
}

const table = () => tableName(wechatTable);

// In the cloud, sessions come from the staff pool's custom authentication (cognito/session-issuer.ts);
// the local cloud registers its own signer and sets none of these variables.
const cloudIssuer = cognitoSessionIssuerFromEnv();
if (cloudIssuer) setSessionIssuer(cloudIssuer);
const uowOf = (clock: Clock, ids: IdGenerator, actor: Actor) => new UnitOfWork({ table: table(), service: 'wechat', clock, ids, actor });
const invalidCode = () => new DomainError('BINDING_CODE_INVALID', '绑定码无效、已使用或已过期，请在电脑端重新生成', 400);

/**
 * POST /wechat/binding-codes: the signed-in staff member's one-time code (the console shows it; the
 * cadre types it into the mini-program). It binds to the claims of the account that made it.
 */
export const createBindingCode = httpHandler(wechatApi.createBindingCode, async ({ staff, actor, clock, ids }) => {
  const claims = staff();
  const now = clock.now();
  const code = newBindingCode();
  const expiresAt = codeExpiry(now);
  const uow = uowOf(clock, ids, actor);
  uow.create({ ...bindingCodeKey(code), entity: 'binding-code', code, claims, expiresAt, [TTL_ATTRIBUTE]: Math.ceil(Date.parse(expiresAt) / 1000) });
  uow.audit({ subject: auditSubject(claims.sub), action: 'WECHAT_BINDING_CODE', after: { expiresAt } });
  await uow.commit();
  return { code, expiresAt };
});

/**
 * POST /public/wechat/bind: the code from wx.login and the binding code. The code is used up and
 * the openid bound in one transaction (two phones with one code: one wins); an openid is bound once
 * (409 ALREADY_BOUND), and an account has one phone: binding a new one releases the old.
 */
export const bindWechat = httpHandler(wechatApi.bindWechat, async ({ body, clock, ids }) => {
  const found = await getItem<CodeItem>(table(), bindingCodeKey(body.bindingCode));
  if (!found || isExpired(found.expiresAt, clock.now())) throw invalidCode();
  const openid = await openidOf(body.jsCode, await wechatConfig());
  const claims = found.claims;
  const previous = await getItem<AccountItem>(table(), accountKey(claims.sub));
  const uow = uowOf(clock, ids, { sub: claims.sub, role: claims.role, name: claims.name });
  uow.delete(bindingCodeKey(body.bindingCode), found.version);
  uow.create({ ...bindingKey(openid), entity: 'binding', openid, claims, boundAt: uow.timestamp }, new DomainError('ALREADY_BOUND', '该微信已绑定工作人员账号，请直接登录', 409));
  if (previous) {
    uow.delete(bindingKey(previous.openid));
    uow.replace({ ...accountKey(claims.sub), entity: 'account', sub: claims.sub, openid, version: previous.version });
  } else {
    uow.create({ ...accountKey(claims.sub), entity: 'account', sub: claims.sub, openid });
  }
  uow.audit({ subject: auditSubject(claims.sub), action: 'WECHAT_BOUND', after: { replacedEarlierPhone: Boolean(previous) } });
  try {
    await uow.commit();
  } catch (error) {
    // The code's version check failed: another phone used it first.
    if (error instanceof DomainError && error.code === 'VERSION_CONFLICT') throw invalidCode();
    throw error;
  }
  return { ...(await issueSession(claims)), user: { sub: claims.sub, name: claims.name, role: claims.role, region: claims.region } };
});

/** POST /public/wechat/sign-in: a bound openid gets a staff session; an unbound one is told to bind. */
export const signInWechat = httpHandler(wechatApi.signInWechat, async ({ body }) => {
  const openid = await openidOf(body.jsCode, await wechatConfig());
  const binding = await getItem<BindingItem>(table(), bindingKey(openid));
  if (!binding) throw new DomainError('NOT_BOUND', '本微信尚未绑定工作人员账号：请在电脑端“绑定微信”生成绑定码，再在此输入', 404);
  const claims = binding.claims;
  return { ...(await issueSession(claims)), user: { sub: claims.sub, name: claims.name, role: claims.role, region: claims.region } };
});
