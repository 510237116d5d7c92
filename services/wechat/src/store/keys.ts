/**
 * Key builders for the wechat table: the only place key strings are written.
 *
 * | entity       | pk                   | sk       | what                                              |
 * |--------------|----------------------|----------|---------------------------------------------------|
 * | binding code | CODE#<code>          | CODE     | the staff claims it binds to, expiry (ttl)        |
 * | binding      | OPENID#<openid>      | BINDING  | the staff claims a bound openid signs in as       |
 * | account      | ACCOUNT#<sub>        | ACCOUNT  | the openid an account is bound to (one at a time) |
 * | audit        | AUDIT#STAFF#<sub>    | <at>#<id>| (platformKeys.audit)                              |
 */
export const bindingCodeKey = (code: string) => ({ pk: `CODE#${code}`, sk: 'CODE' });
export const bindingKey = (openid: string) => ({ pk: `OPENID#${openid}`, sk: 'BINDING' });
export const accountKey = (sub: string) => ({ pk: `ACCOUNT#${sub}`, sk: 'ACCOUNT' });
export const auditSubject = (sub: string) => `STAFF#${sub}`;
