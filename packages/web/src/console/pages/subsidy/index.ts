import { subsidyApi } from '@jingzhun/types';
import { lazy } from 'react';
import type { ConsolePage } from '../../app/page.js';

export const subsidyPages: ConsolePage[] = [
  { path: '/subsidy/quote', label: '享受政策测算', group: '补贴发放', reads: [subsidyApi.quote], component: lazy(() => import('./QuotePage.js')) },
  { path: '/subsidy/runs', label: '月度发放', group: '补贴发放', reads: [subsidyApi.getRun], component: lazy(() => import('./RunPage.js')) },
  { path: '/subsidy/payments', label: '发放结果', group: '补贴发放', reads: [subsidyApi.importPaymentResults], component: lazy(() => import('./PaymentsPage.js')) },
  // Every staff role may read the standards; the page is for those who enter or review them.
  {
    path: '/subsidy/standards',
    label: '支付标准',
    group: '补贴发放',
    reads: [subsidyApi.proposeStandard, subsidyApi.approveStandard],
    component: lazy(() => import('./StandardsPage.js')),
  },
];
