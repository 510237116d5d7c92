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
  {
    path: '/households/new',
    label: '登记申请户',
    group: '识别与帮扶',
    reads: [identificationApi.createHousehold],
    component: lazy(() => import('./RegisterPage.js')),
  },
  {
    path: '/households/notice-list',
    label: '名单公示',
    group: '识别与帮扶',
    reads: [identificationApi.postNoticeList],
    component: lazy(() => import('./NoticeListPage.js')),
  },
  {
    path: '/households/:householdId',
    label: '农户',
    group: '识别与帮扶',
    menu: false,
    reads: [identificationApi.getHousehold],
    component: lazy(() => import('./HouseholdPage.js')),
  },
];
