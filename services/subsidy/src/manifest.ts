import { defineService } from '@jingzhun/platform/manifest';
import { subsidyTable } from './store/table.js';

export const manifest = defineService({
  name: 'subsidy',
  root: new URL('.', import.meta.url),
  table: subsidyTable,
  routes: [],
  jobs: [],
  subscriptions: [],
});
