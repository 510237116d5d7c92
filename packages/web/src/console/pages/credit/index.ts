import { scoringApi } from '@jingzhun/types';
import { lazy } from 'react';
import type { ConsolePage } from '../../app/page.js';

export const creditPages: ConsolePage[] = [
  {
    path: '/scoring/assessment',
    label: '银行业金融机构考核',
    group: '金融扶贫',
    reads: [scoringApi.getAssessment],
    component: lazy(() => import('./AssessmentPage.js')),
  },
  { path: '/credit/rate', label: '农户信用评级', group: '金融扶贫', reads: [scoringApi.rateHousehold], component: lazy(() => import('./RatePage.js')) },
  { path: '/credit/loans', label: '贷款台账', group: '金融扶贫', reads: [scoringApi.listBankLoans], component: lazy(() => import('./LoansPage.js')) },
];
