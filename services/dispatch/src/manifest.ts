import { defineService } from '@jingzhun/platform/manifest';
import { dispatchTable } from './store/table.js';

export const manifest = defineService({
  name: 'dispatch',
  root: new URL('.', import.meta.url),
  table: dispatchTable,
  routes: [],
  jobs: [],
  subscriptions: [],
});
