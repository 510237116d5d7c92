import { defineService } from '@jingzhun/platform/manifest';
import { wechatApi } from '@jingzhun/types';
import { APP_SECRET_ENV } from './config.js';
import { wechatTable } from './store/table.js';

/** Sign-in from the WeChat mini-program (issue 15). */
export const manifest = defineService({
  name: 'wechat',
  root: new URL('.', import.meta.url),
  table: wechatTable,
  routes: [
    { contract: wechatApi.createBindingCode, handler: 'handlers/sign-in.ts#createBindingCode' },
    { contract: wechatApi.bindWechat, handler: 'handlers/sign-in.ts#bindWechat' },
    { contract: wechatApi.signInWechat, handler: 'handlers/sign-in.ts#signInWechat' },
  ],
  jobs: [],
  subscriptions: [],
  staffSessions: { issuers: ['handlers/sign-in.ts#bindWechat', 'handlers/sign-in.ts#signInWechat'] },
  secrets: [
    {
      name: 'app-secret',
      env: APP_SECRET_ENV,
      description: 'Jingzhun wechat: the mini-program AppSecret for jscode2session (put the real value in after deployment)',
      readers: ['handlers/sign-in.ts#bindWechat', 'handlers/sign-in.ts#signInWechat'],
      notRotatedBecause:
        'The AppSecret is issued by WeChat (mp.weixin.qq.com), not by AWS: it is reset there and put into this secret by the operator, so Secrets Manager cannot rotate it.',
    },
  ],
});
