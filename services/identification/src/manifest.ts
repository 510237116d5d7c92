import { defineService } from '@jingzhun/platform/manifest';
import { identificationApi } from '@jingzhun/types';
import { identificationTable } from './store/table.js';

export const manifest = defineService({
  name: 'identification',
  root: new URL('.', import.meta.url),
  table: identificationTable,
  demo: 'demo/seed.ts#seedDemo',
  routes: [
    { contract: identificationApi.getRegion, handler: 'handlers/regions.ts#getRegion' },
    { contract: identificationApi.listRegionChildren, handler: 'handlers/regions.ts#listRegionChildren' },
  ],
  jobs: [],
  subscriptions: [],
});
