import { countyIndexApi, dispatchApi } from '@jingzhun/types';
import { lazy } from 'react';
import type { ConsolePage } from '../../app/page.js';

export const dispatchPages: ConsolePage[] = [
  {
    path: '/dispatch/report',
    label: '月调度报告',
    group: '调度与考核',
    reads: [dispatchApi.getReport],
    component: lazy(() => import('./DispatchReportPage.js')),
  },
  {
    path: '/dispatch/county-index',
    label: '脱贫攻坚总指数',
    group: '调度与考核',
    reads: [countyIndexApi.getCountyIndex],
    component: lazy(() => import('./CountyIndexPage.js')),
  },
];
