import { defineService } from '@jingzhun/platform/manifest';
import { noticesTable } from './store/table.js';

export const manifest = defineService({
  name: 'notices',
  root: new URL('.', import.meta.url),
  table: noticesTable,
  routes: [],
  jobs: [],
  subscriptions: [],
});
