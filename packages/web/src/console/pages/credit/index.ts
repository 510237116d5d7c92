import { scoringApi } from '@jingzhun/types';
import { lazy } from 'react';
import type { ConsolePage } from '../../app/page.js';

export const creditPages: ConsolePage[] = [
  { path: '/credit/rate', label: '农户信用评级', group: '扶贫小额信贷', reads: [scoringApi.rateHousehold], component: lazy(() => import('./RatePage.js')) },
  { path: '/credit/loans', label: '贷款台账', group: '扶贫小额信贷', reads: [scoringApi.listBankLoans], component: lazy(() => import('./LoansPage.js')) },
];
