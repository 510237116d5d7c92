import { defineService } from '@jingzhun/platform/manifest';
import { supervisionApi } from '@jingzhun/types';
import { supervisionTable } from './store/table.js';

export const manifest = defineService({
  name: 'supervision',
  root: new URL('.', import.meta.url),
  table: supervisionTable,
  demo: 'demo/seed.ts#seedDemo',
  routes: [
    { contract: supervisionApi.listUnits, handler: 'handlers/units.ts#listUnits' },
    { contract: supervisionApi.putUnit, handler: 'handlers/units.ts#putUnit' },
    { contract: supervisionApi.addTask, handler: 'handlers/units.ts#addTask' },
    { contract: supervisionApi.completeTask, handler: 'handlers/units.ts#completeTask' },
    { contract: supervisionApi.recordIncident, handler: 'handlers/units.ts#recordIncident' },
    { contract: supervisionApi.listIncidents, handler: 'handlers/units.ts#listIncidents' },
    { contract: supervisionApi.getAssessment, handler: 'handlers/assessment.ts#getAssessment' },
    { contract: supervisionApi.putScheme, handler: 'handlers/assessment.ts#putScheme' },
    { contract: supervisionApi.enterScores, handler: 'handlers/assessment.ts#enterScores' },
    { contract: supervisionApi.computeAssessment, handler: 'handlers/assessment.ts#compute' },
    { contract: supervisionApi.reviewAssessment, handler: 'handlers/assessment.ts#review' },
    { contract: supervisionApi.approveAssessment, handler: 'handlers/assessment.ts#approve' },
    { contract: supervisionApi.publishAssessment, handler: 'handlers/assessment.ts#publish' },
    { contract: supervisionApi.listAudit, handler: 'handlers/assessment.ts#listAudit' },
    { contract: supervisionApi.listConsequences, handler: 'handlers/assessment.ts#listConsequences' },
    { contract: supervisionApi.decideConsequence, handler: 'handlers/assessment.ts#decideConsequence' },
    { contract: supervisionApi.createFinding, handler: 'handlers/findings.ts#createFinding' },
    { contract: supervisionApi.listFindings, handler: 'handlers/findings.ts#listFindings' },
    { contract: supervisionApi.reportProgress, handler: 'handlers/findings.ts#reportProgress' },
    { contract: supervisionApi.reviewFinding, handler: 'handlers/findings.ts#reviewFinding' },
    { contract: supervisionApi.listVillages, handler: 'handlers/teams.ts#listVillages' },
    { contract: supervisionApi.putVillage, handler: 'handlers/teams.ts#putVillage' },
    { contract: supervisionApi.assignMember, handler: 'handlers/teams.ts#assignMember' },
    { contract: supervisionApi.endAssignment, handler: 'handlers/teams.ts#endAssignment' },
    { contract: supervisionApi.recordTeamCheck, handler: 'handlers/teams.ts#recordTeamCheck' },
    { contract: supervisionApi.addPairing, handler: 'handlers/teams.ts#addPairing' },
    { contract: supervisionApi.recordPairingAction, handler: 'handlers/teams.ts#recordPairingAction' },
    { contract: supervisionApi.setHelper, handler: 'handlers/teams.ts#setHelper' },
    { contract: supervisionApi.getCoverage, handler: 'handlers/teams.ts#getCoverage' },
  ],
  jobs: [
    // 000 L3081–3083: every key village covered, every poor household with a helper; checked daily [PROP].
    {
      name: 'daily-coverage',
      schedule: 'cron(0 7 * * ? *)',
      handler: 'handlers/jobs.ts#dailyCoverage',
      description: '驻村帮扶覆盖检查（重点村第一书记和工作队、贫困户帮扶责任人）及逾期任务、整改事项，报月调度',
    },
  ],
  subscriptions: [
    { event: 'identification.household.registered', handler: 'handlers/events.ts#onHouseholdEvent' },
    { event: 'identification.household.changed', handler: 'handlers/events.ts#onHouseholdEvent' },
    { event: 'identification.household.exited', handler: 'handlers/events.ts#onHouseholdEvent' },
    { event: 'identification.household.returned', handler: 'handlers/events.ts#onHouseholdEvent' },
    { event: 'identification.monitoring.identified', handler: 'handlers/events.ts#onHouseholdEvent' },
  ],
});
