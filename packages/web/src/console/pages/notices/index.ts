import { noticesApi } from '@jingzhun/types';
import { lazy } from 'react';
import type { ConsolePage } from '../../app/page.js';

export const noticePages: ConsolePage[] = [
  { path: '/notices', label: '公示公告', group: '公示', reads: [noticesApi.listNotices], component: lazy(() => import('./NoticesPage.js')) },
  { path: '/notices/new', label: '起草公示', group: '公示', reads: [noticesApi.createNotice], component: lazy(() => import('./NoticeDraftPage.js')) },
  { path: '/notices/:noticeId', label: '公示', group: '公示', menu: false, reads: [noticesApi.getNotice], component: lazy(() => import('./NoticePage.js')) },
];
