import { wechatApi } from '@jingzhun/types';
import { lazy } from 'react';
import type { ConsolePage } from '../../app/page.js';

export const wechatPages: ConsolePage[] = [
  { path: '/wechat/bind', label: '绑定微信小程序', group: '我的账号', reads: [wechatApi.createBindingCode], component: lazy(() => import('./BindWechatPage.js')) },
];
