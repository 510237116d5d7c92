import { collectiveApi } from '@jingzhun/types';
import { lazy } from 'react';
import type { ConsolePage } from '../../app/page.js';

export const collectivePages: ConsolePage[] = [
  { path: '/collective-income', label: '村级集体经济台账', group: '资金项目', reads: [collectiveApi.getLedger], component: lazy(() => import('./CollectiveIncomePage.js')) },
];
