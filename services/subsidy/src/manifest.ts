import { defineService } from '@jingzhun/platform/manifest';
import { identificationEvents, subsidyApi } from '@jingzhun/types';
import { RUN_REGIONS_ENV } from './run/schedule.js';
import { subsidyTable } from './store/table.js';

export const manifest = defineService({
  name: 'subsidy',
  root: new URL('.', import.meta.url),
  table: subsidyTable,
  demo: 'demo/seed.ts#seedDemo',
  dataFiles: ['catalog/policy-catalog.json'],
  routes: [
    {
      contract: subsidyApi.getCatalog,
      handler: 'handlers/catalog.ts#getCatalog',
    },
    {
      contract: subsidyApi.getCatalogItem,
      handler: 'handlers/catalog.ts#getCatalogItem',
    },
    {
      contract: subsidyApi.getParameters,
      handler: 'handlers/parameters.ts#getParameters',
    },
    {
      contract: subsidyApi.setParameters,
      handler: 'handlers/parameters.ts#setParameters',
    },
    { contract: subsidyApi.listStandards, handler: 'handlers/standards.ts#listStandards' },
    { contract: subsidyApi.proposeStandard, handler: 'handlers/standards.ts#proposeStandard' },
    { contract: subsidyApi.approveStandard, handler: 'handlers/standards.ts#approveStandard' },
    { contract: subsidyApi.rejectStandard, handler: 'handlers/standards.ts#rejectStandard' },
    { contract: subsidyApi.quote, handler: 'handlers/quote.ts#quote' },
    { contract: subsidyApi.startRun, handler: 'handlers/runs.ts#startRun' },
    { contract: subsidyApi.getRun, handler: 'handlers/runs.ts#getRun' },
    { contract: subsidyApi.getRunDiff, handler: 'handlers/runs.ts#getRunDiff' },
    {
      contract: subsidyApi.getRosterLines,
      handler: 'handlers/rosters.ts#getRosterLines',
    },
    {
      contract: subsidyApi.approveRoster,
      handler: 'handlers/rosters.ts#approveRoster',
    },
    {
      contract: subsidyApi.exportRoster,
      handler: 'handlers/payments.ts#exportRoster',
    },
    {
      contract: subsidyApi.importPaymentResults,
      handler: 'handlers/payments.ts#importPaymentResults',
    },
    {
      contract: subsidyApi.createReissue,
      handler: 'handlers/payments.ts#createReissue',
    },
    {
      contract: subsidyApi.publishRoster,
      handler: 'handlers/rosters.ts#publishRoster',
    },
    {
      contract: subsidyApi.markRosterPaid,
      handler: 'handlers/rosters.ts#markRosterPaid',
    },
    // public (anonymous): a household's own published payments, rate-limited
    { contract: subsidyApi.publicPaymentsLookup, handler: 'handlers/public.ts#lookupPayments' },
  ],
  // The counties the scheduled run computes come from the stage (any number: a province lists all).
  stageEnvironment: { subsidyRunRegions: RUN_REGIONS_ENV },
  jobs: [
    {
      name: 'monthly-run',
      schedule: 'cron(0 2 1 * ? *)',
      handler: 'handlers/jobs.ts#monthlyRun',
      description: '月度发放计算：按期按区划计算每户应享金额并生成一卡通花名册（可续跑，幂等）',
    },
  ],
  subscriptions: [
    {
      event: identificationEvents.householdRegistered.type,
      handler: 'handlers/events.ts#onHouseholdEvent',
    },
    {
      event: identificationEvents.householdChanged.type,
      handler: 'handlers/events.ts#onHouseholdEvent',
    },
    {
      event: identificationEvents.householdExited.type,
      handler: 'handlers/events.ts#onHouseholdEvent',
    },
    {
      event: identificationEvents.householdReturned.type,
      handler: 'handlers/events.ts#onHouseholdEvent',
    },
    {
      event: identificationEvents.householdPayees.type,
      handler: 'handlers/payees.ts#onPayees',
    },
  ],
});
