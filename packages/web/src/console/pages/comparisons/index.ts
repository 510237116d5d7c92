import { identificationApi } from '@jingzhun/types';
import { lazy } from 'react';
import type { ConsolePage } from '../../app/page.js';

export const comparisonPages: ConsolePage[] = [
  {
    path: '/comparisons/import',
    label: '比对名单上传',
    group: '识别与帮扶',
    reads: [identificationApi.importComparison],
    component: lazy(() => import('./ImportPage.js')),
  },
];
