import { DomainError } from '@jingzhun/types';
import type { WechatConfig } from './config.js';

/**
 * WeChat's code-to-session exchange (auth.code2Session: GET /sns/jscode2session?appid&secret&js_code
 * &grant_type=authorization_code → { openid, session_key, unionid?, errcode?, errmsg? }). The
 * session key is not kept: the back end needs only who the user is.
 */
export async function openidOf(jsCode: string, config: WechatConfig, fetchImpl: typeof fetch = fetch): Promise<string> {
  if (!config.appId || !config.appSecret) throw new DomainError('WECHAT_NOT_CONFIGURED', '小程序登录未配置（AppID 或 AppSecret），请联系管理员', 503);
  const query = new URLSearchParams({ appid: config.appId, secret: config.appSecret, js_code: jsCode, grant_type: 'authorization_code' });
  let body: { openid?: unknown; errcode?: unknown; errmsg?: unknown };
  try {
    const response = await fetchImpl(`${config.apiBase}/sns/jscode2session?${query}`, { signal: AbortSignal.timeout(5000) });
    body = (await response.json()) as typeof body;
  } catch {
    throw new DomainError('WECHAT_UNAVAILABLE', '暂时无法连接微信服务器，请稍后再试', 503);
  }
  if (typeof body.openid === 'string' && body.openid && !body.errcode) return body.openid;
  // 40029 invalid code, 40163 code already used: the phone asks wx.login for a new one.
  if (body.errcode === 40029 || body.errcode === 40163) throw new DomainError('WECHAT_CODE_INVALID', '微信登录凭证无效或已使用，请重新登录', 400);
  if (body.errcode === 45011) throw new DomainError('WECHAT_RATE_LIMITED', '登录过于频繁，请一分钟后再试', 429);
  throw new DomainError('WECHAT_UNAVAILABLE', '微信登录暂时不可用，请稍后再试', 503, { errcode: body.errcode });
}
