import { defineService } from '@jingzhun/platform/manifest';
import { fundsApi } from '@jingzhun/types';
import { SUBSCRIPTIONS } from './handlers/events.js';
import { fundsTable } from './store/table.js';

export const manifest = defineService({
  name: 'funds',
  root: new URL('.', import.meta.url),
  table: fundsTable,
  demo: 'demo/seed.ts#seedDemo',
  routes: [
    { contract: fundsApi.receiveFund, handler: 'handlers/funds.ts#receiveFund' },
    { contract: fundsApi.listFunds, handler: 'handlers/funds.ts#listFunds' },
    { contract: fundsApi.getFund, handler: 'handlers/funds.ts#getFund' },
    { contract: fundsApi.listEntries, handler: 'handlers/funds.ts#listEntries' },
    { contract: fundsApi.getFactorSet, handler: 'handlers/funds.ts#getFactorSet' },
    { contract: fundsApi.putFactorSet, handler: 'handlers/funds.ts#putFactorSet' },
    { contract: fundsApi.previewAllocation, handler: 'handlers/funds.ts#previewAllocation' },
    { contract: fundsApi.allocateFund, handler: 'handlers/funds.ts#allocateFund' },
    { contract: fundsApi.proposeProject, handler: 'handlers/projects.ts#proposeProject' },
    { contract: fundsApi.updateProject, handler: 'handlers/projects.ts#updateProject' },
    { contract: fundsApi.listProjects, handler: 'handlers/projects.ts#listProjects' },
    { contract: fundsApi.getProject, handler: 'handlers/projects.ts#getProject' },
    { contract: fundsApi.stepProject, handler: 'handlers/projects.ts#stepProject' },
    { contract: fundsApi.publicProject, handler: 'handlers/public.ts#publicProject' },
    { contract: fundsApi.publicRegionProjects, handler: 'handlers/public.ts#publicRegionProjects' },
    { contract: fundsApi.commitFunds, handler: 'handlers/projects.ts#commitFunds' },
    { contract: fundsApi.payProject, handler: 'handlers/projects.ts#payProject' },
    { contract: fundsApi.listAssets, handler: 'handlers/assets.ts#listAssets' },
    { contract: fundsApi.getAsset, handler: 'handlers/assets.ts#getAsset' },
    { contract: fundsApi.updateAssetManagers, handler: 'handlers/assets.ts#updateAssetManagers' },
    { contract: fundsApi.recordIncome, handler: 'handlers/assets.ts#recordIncome' },
    { contract: fundsApi.distributeIncome, handler: 'handlers/assets.ts#distributeIncome' },
    { contract: fundsApi.householdBenefits, handler: 'handlers/assets.ts#householdBenefits' },
    { contract: fundsApi.monitoring, handler: 'handlers/monitoring.ts#monitoring' },
  ],
  jobs: [],
  subscriptions: SUBSCRIPTIONS,
});
