import { defineService } from '@jingzhun/platform/manifest';
import { scoringTable } from './store/table.js';

export const manifest = defineService({
  name: 'scoring',
  root: new URL('.', import.meta.url),
  table: scoringTable,
  routes: [],
  jobs: [],
  subscriptions: [],
});
