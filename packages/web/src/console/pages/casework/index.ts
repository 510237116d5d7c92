import { caseworkApi } from '@jingzhun/types';
import { lazy } from 'react';
import type { ConsolePage } from '../../app/page.js';

export const caseworkPages: ConsolePage[] = [
  { path: '/assistance-cases', label: '低保特困案件', group: '民政救助', reads: [caseworkApi.listCases], component: lazy(() => import('./CasesPage.js')) },
  { path: '/temporary-aid', label: '临时救助', group: '民政救助', reads: [caseworkApi.listAid], component: lazy(() => import('./AidPage.js')) },
];
