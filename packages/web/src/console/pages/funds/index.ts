import { fundsApi } from '@jingzhun/types';
import { lazy } from 'react';
import type { ConsolePage } from '../../app/page.js';

export const fundsPages: ConsolePage[] = [
  { path: '/funds/funds', label: '资金分配', group: '资金项目', reads: [fundsApi.listFunds], component: lazy(() => import('./FundsPage.js')) },
  { path: '/funds/projects', label: '项目库', group: '资金项目', reads: [fundsApi.listProjects], component: lazy(() => import('./ProjectsPage.js')) },
  { path: '/funds/projects/:projectId', label: '项目', group: '资金项目', menu: false, reads: [fundsApi.getProject], component: lazy(() => import('./ProjectPage.js')) },
  { path: '/funds/assets', label: '资产与收益分配', group: '资金项目', reads: [fundsApi.listAssets], component: lazy(() => import('./AssetsPage.js')) },
];
