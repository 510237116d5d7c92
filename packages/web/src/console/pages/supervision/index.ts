import { supervisionApi } from '@jingzhun/types';
import { lazy } from 'react';
import type { ConsolePage } from '../../app/page.js';

/** Supervision (issue 17): the yearly assessment, the rectification ledger, village work teams and coverage. */
export const supervisionPages: ConsolePage[] = [
  { path: '/supervision/assessment', label: '年度考核', group: '督查考核', reads: [supervisionApi.getAssessment], component: lazy(() => import('./AssessmentPage.js')) },
  { path: '/supervision/findings', label: '整改台账', group: '督查考核', reads: [supervisionApi.listFindings], component: lazy(() => import('./FindingsPage.js')) },
  { path: '/supervision/teams', label: '驻村帮扶', group: '督查考核', reads: [supervisionApi.listVillages], component: lazy(() => import('./TeamsPage.js')) },
];
