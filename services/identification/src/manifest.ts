import { defineService } from '@jingzhun/platform/manifest';
import { caseworkApi, collectiveApi, fundsEvents, identificationApi, noticeEvents } from '@jingzhun/types';
import { VISIT_ROUTES } from './handlers/visit-routes.js';
import { identificationTable } from './store/table.js';

export const manifest = defineService({
  name: 'identification',
  root: new URL('.', import.meta.url),
  table: identificationTable,
  demo: 'demo/seed.ts#seedDemo',
  /** Evidence photos and scans: a private bucket in the cloud, local-cloud's file store locally. */
  files: {
    readers: [
      'handlers/evidence.ts#requestEvidenceUpload',
      'handlers/evidence.ts#getEvidenceFile',
      'handlers/actions.ts#householdAction',
      'handlers/actions.ts#postNoticeList',
      'handlers/households.ts#updateHousehold',
    ],
  },
  routes: [
    { contract: identificationApi.getRegion, handler: 'handlers/regions.ts#getRegion' },
    { contract: identificationApi.listRegionChildren, handler: 'handlers/regions.ts#listRegionChildren' },
    { contract: identificationApi.listHouseholds, handler: 'handlers/households.ts#listHouseholds' },
    { contract: identificationApi.createHousehold, handler: 'handlers/households.ts#createHousehold' },
    { contract: identificationApi.getHousehold, handler: 'handlers/households.ts#getHousehold' },
    { contract: identificationApi.lookupBorrower, handler: 'handlers/borrower-lookup.ts#lookupBorrower' },
    { contract: identificationApi.updateHousehold, handler: 'handlers/households.ts#updateHousehold' },
    { contract: identificationApi.setMinzhengStatus, handler: 'handlers/households.ts#setMinzhengStatus' },
    { contract: identificationApi.addMember, handler: 'handlers/households.ts#addMember' },
    { contract: identificationApi.changeMember, handler: 'handlers/households.ts#changeMember' },
    { contract: identificationApi.setMemberAccount, handler: 'handlers/accounts.ts#setMemberAccount' },
    { contract: identificationApi.handOverHelper, handler: 'handlers/households.ts#handOverHelper' },
    { contract: identificationApi.addMeasure, handler: 'handlers/households.ts#addMeasure' },
    { contract: identificationApi.householdHistory, handler: 'handlers/households.ts#householdHistory' },
    { contract: identificationApi.householdActions, handler: 'handlers/actions.ts#householdActions' },
    { contract: identificationApi.householdAction, handler: 'handlers/actions.ts#householdAction' },
    { contract: identificationApi.requestEvidenceUpload, handler: 'handlers/evidence.ts#requestEvidenceUpload' },
    { contract: identificationApi.getEvidenceFile, handler: 'handlers/evidence.ts#getEvidenceFile' },
    { contract: identificationApi.listEvidence, handler: 'handlers/evidence.ts#listEvidence' },
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
    // 民政 case work (issue 20): handlers/casework.ts
    { contract: caseworkApi.getParameters, handler: 'handlers/casework.ts#getParameters' },
    { contract: caseworkApi.putParameters, handler: 'handlers/casework.ts#putParameters' },
    { contract: caseworkApi.openCase, handler: 'handlers/casework.ts#openCase' },
    { contract: caseworkApi.listCases, handler: 'handlers/casework.ts#listCases' },
    { contract: caseworkApi.getCase, handler: 'handlers/casework.ts#getCase' },
    { contract: caseworkApi.caseAction, handler: 'handlers/casework.ts#caseAction' },
    { contract: caseworkApi.careRate, handler: 'handlers/casework.ts#careRate' },
    { contract: caseworkApi.openAid, handler: 'handlers/casework.ts#openAid' },
    { contract: caseworkApi.listAid, handler: 'handlers/casework.ts#listAid' },
    { contract: caseworkApi.getAid, handler: 'handlers/casework.ts#getAid' },
    { contract: caseworkApi.aidAction, handler: 'handlers/casework.ts#aidAction' },
    // Village collective economy ledger (issue 20): handlers/collective.ts
    { contract: collectiveApi.getLedger, handler: 'handlers/collective.ts#getLedger' },
    { contract: collectiveApi.recordIncome, handler: 'handlers/collective.ts#recordIncome' },
    ...VISIT_ROUTES,
  ],
  jobs: [
    {
      name: 'casework-daily',
      schedule: 'cron(15 1 * * ? *)',
      handler: 'handlers/casework-jobs.ts#daily',
      description: '低保渐退期届满退出（一般3个月，004 ID-31 L322）；取消待遇一个月期限（ID-36 L324）',
    },
  ],
  subscriptions: [
    { event: noticeEvents.noticeWindowClosed.type, handler: 'handlers/notices.ts#onWindowClosed' },
    { event: noticeEvents.objectionDecided.type, handler: 'handlers/notices.ts#onObjectionDecided' },
    { event: fundsEvents.incomeDistributed.type, handler: 'handlers/collective.ts#onIncomeDistributed' },
    // The households' lines of the same event: benefit facts and income (issue 16; decision Identification 42).
    { event: fundsEvents.incomeDistributed.type, handler: 'handlers/benefits.ts#onHouseholdIncomeDistributed' },
  ],
});
