import { defineService } from '@jingzhun/platform/manifest';
import { countyIndexApi, dispatchApi } from '@jingzhun/types';
import { JOBS } from './domain/jobs.js';
import { CASEWORK_SUBSCRIPTIONS } from './handlers/casework-events.js';
import { SUBSCRIPTIONS } from './handlers/events.js';
import { FUNDS_SUBSCRIPTIONS } from './handlers/funds-events.js';
import { MICROCREDIT_SUBSCRIPTIONS } from './handlers/microcredit-events.js';
import { SUPERVISION_SUBSCRIPTIONS } from './handlers/supervision-events.js';
import { VISIT_COVERAGE_ROUTES, VISIT_COVERAGE_SUBSCRIPTIONS } from './handlers/visit-coverage.js';
import { dispatchTable } from './store/table.js';

export const manifest = defineService({
  name: 'dispatch',
  root: new URL('.', import.meta.url),
  table: dispatchTable,
  demo: 'demo/seed.ts#seedDemo',
  routes: [
    { contract: dispatchApi.listTargets, handler: 'handlers/targets.ts#listTargets' },
    { contract: dispatchApi.putTarget, handler: 'handlers/targets.ts#putTarget' },
    { contract: dispatchApi.targetHistory, handler: 'handlers/targets.ts#targetHistory' },
    { contract: dispatchApi.getCounts, handler: 'handlers/reports.ts#getCounts' },
    { contract: dispatchApi.getReport, handler: 'handlers/reports.ts#getReport' },
    { contract: dispatchApi.getSeries, handler: 'handlers/reports.ts#getSeries' },
    { contract: dispatchApi.fileFigures, handler: 'handlers/filings.ts#fileFigures' },
    { contract: dispatchApi.uploadFiling, handler: 'handlers/filings.ts#uploadFiling' },
    { contract: dispatchApi.listFilings, handler: 'handlers/filings.ts#listFilings' },
    { contract: dispatchApi.listOverdue, handler: 'handlers/filings.ts#listOverdue' },
    { contract: dispatchApi.listJobs, handler: 'handlers/jobs.ts#listJobs' },
    { contract: dispatchApi.listRuns, handler: 'handlers/jobs.ts#listRuns' },
    { contract: dispatchApi.runJob, handler: 'handlers/jobs.ts#runJob' },
    // The county index and its survey (issue 20): handlers/county-index.ts
    { contract: countyIndexApi.getCountyIndex, handler: 'handlers/county-index.ts#getCountyIndex' },
    { contract: countyIndexApi.putSurvey, handler: 'handlers/county-index.ts#putSurvey' },
    ...VISIT_COVERAGE_ROUTES,
  ],
  jobs: JOBS.map(({ name, schedule, handler, description, onlyOn }) => ({ name, schedule, handler, description, ...(onlyOn ? { onlyOn } : {}) })),
  subscriptions: [...SUBSCRIPTIONS, ...MICROCREDIT_SUBSCRIPTIONS, ...SUPERVISION_SUBSCRIPTIONS, ...CASEWORK_SUBSCRIPTIONS, ...FUNDS_SUBSCRIPTIONS, ...VISIT_COVERAGE_SUBSCRIPTIONS],
});
