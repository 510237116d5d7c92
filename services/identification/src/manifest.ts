import { defineService } from '@jingzhun/platform/manifest';
import { identificationApi, noticeEvents } from '@jingzhun/types';
import { VISIT_ROUTES } from './handlers/visit-routes.js';
import { identificationTable } from './store/table.js';

export const manifest = defineService({
  name: 'identification',
  root: new URL('.', import.meta.url),
  table: identificationTable,
  demo: 'demo/seed.ts#seedDemo',
  routes: [
    { contract: identificationApi.getRegion, handler: 'handlers/regions.ts#getRegion' },
    { contract: identificationApi.listRegionChildren, handler: 'handlers/regions.ts#listRegionChildren' },
    { contract: identificationApi.listHouseholds, handler: 'handlers/households.ts#listHouseholds' },
    { contract: identificationApi.createHousehold, handler: 'handlers/households.ts#createHousehold' },
    { contract: identificationApi.getHousehold, handler: 'handlers/households.ts#getHousehold' },
    { contract: identificationApi.updateHousehold, handler: 'handlers/households.ts#updateHousehold' },
    { contract: identificationApi.setMinzhengStatus, handler: 'handlers/households.ts#setMinzhengStatus' },
    { contract: identificationApi.addMember, handler: 'handlers/households.ts#addMember' },
    { contract: identificationApi.changeMember, handler: 'handlers/households.ts#changeMember' },
    { contract: identificationApi.setMemberAccount, handler: 'handlers/accounts.ts#setMemberAccount' },
    { contract: identificationApi.handOverHelper, handler: 'handlers/households.ts#handOverHelper' },
    { contract: identificationApi.addMeasure, handler: 'handlers/households.ts#addMeasure' },
    { contract: identificationApi.householdHistory, handler: 'handlers/households.ts#householdHistory' },
    { contract: identificationApi.householdAction, handler: 'handlers/actions.ts#householdAction' },
    { contract: identificationApi.postNoticeList, handler: 'handlers/actions.ts#postNoticeList' },
    { contract: identificationApi.listHits, handler: 'handlers/hits.ts#listHits' },
    { contract: identificationApi.reviewHit, handler: 'handlers/hits.ts#reviewHit' },
    { contract: identificationApi.getComparedHousehold, handler: 'handlers/hits.ts#getComparedHousehold' },
    { contract: identificationApi.importComparison, handler: 'handlers/hits.ts#importComparison' },
    { contract: identificationApi.getPovertyLine, handler: 'handlers/reference.ts#getPovertyLine' },
    { contract: identificationApi.setRuralCpi, handler: 'handlers/reference.ts#setRuralCpi' },
    { contract: identificationApi.setNsysWindow, handler: 'handlers/reference.ts#setNsysWindow' },
    { contract: identificationApi.getNsysWindow, handler: 'handlers/reference.ts#getNsysWindow' },
    { contract: identificationApi.villageStatistics, handler: 'handlers/statistics.ts#villageStatistics' },
    { contract: identificationApi.applyVillageExit, handler: 'handlers/village-exit.ts#applyVillageExit' },
    { contract: identificationApi.getVillageExit, handler: 'handlers/village-exit.ts#getVillageExit' },
    { contract: identificationApi.villageExitAction, handler: 'handlers/village-exit.ts#villageExitAction' },
    ...VISIT_ROUTES,
  ],
  jobs: [],
  subscriptions: [
    { event: noticeEvents.noticeWindowClosed.type, handler: 'handlers/notices.ts#onWindowClosed' },
    { event: noticeEvents.objectionDecided.type, handler: 'handlers/notices.ts#onObjectionDecided' },
  ],
});
