import { identificationApi } from '@jingzhun/types';
import { lazy } from 'react';
import type { ConsolePage } from '../../app/page.js';

export const householdPages: ConsolePage[] = [
  {
    path: '/households',
    label: '农户名册',
    group: '识别与帮扶',
    reads: [identificationApi.listHouseholds],
    component: lazy(() => import('./HouseholdsPage.js')),
  },
];
