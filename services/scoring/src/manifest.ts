import { defineService } from '@jingzhun/platform/manifest';
import { scoringApi } from '@jingzhun/types';
import { scoringTable } from './store/table.js';

export const manifest = defineService({
  name: 'scoring',
  root: new URL('.', import.meta.url),
  table: scoringTable,
  demo: 'demo/seed.ts#seedDemo',
  routes: [
    { contract: scoringApi.listBanks, handler: 'handlers/banks.ts#listBanks' },
    { contract: scoringApi.getBank, handler: 'handlers/banks.ts#getBank' },
    { contract: scoringApi.putBank, handler: 'handlers/banks.ts#putBank' },
    { contract: scoringApi.submitPboc, handler: 'handlers/submissions.ts#submitPboc' },
    { contract: scoringApi.submitInnovation, handler: 'handlers/submissions.ts#submitInnovation' },
    { contract: scoringApi.submitTax, handler: 'handlers/submissions.ts#submitTax' },
    { contract: scoringApi.submitRoutine, handler: 'handlers/submissions.ts#submitRoutine' },
    { contract: scoringApi.listSubmissions, handler: 'handlers/submissions.ts#listSubmissions' },
    { contract: scoringApi.lockYear, handler: 'handlers/assessment.ts#lockYear' },
    { contract: scoringApi.unlockYear, handler: 'handlers/assessment.ts#unlockYear' },
    { contract: scoringApi.setParams, handler: 'handlers/assessment.ts#setParams' },
    { contract: scoringApi.computeAssessment, handler: 'handlers/assessment.ts#computeAssessment' },
    { contract: scoringApi.reviewAssessment, handler: 'handlers/assessment.ts#reviewAssessment' },
    { contract: scoringApi.approveAssessment, handler: 'handlers/assessment.ts#approveAssessment' },
    { contract: scoringApi.publishAssessment, handler: 'handlers/assessment.ts#publishAssessment' },
    { contract: scoringApi.markRewardsPaid, handler: 'handlers/assessment.ts#markRewardsPaid' },
    { contract: scoringApi.getAssessment, handler: 'handlers/assessment.ts#getAssessment' },
    { contract: scoringApi.listAudit, handler: 'handlers/assessment.ts#listAudit' },
    { contract: scoringApi.publicResults, handler: 'handlers/assessment.ts#publicResults' },
    { contract: scoringApi.rateHousehold, handler: 'handlers/households.ts#rateHousehold' },
    { contract: scoringApi.listBankRatings, handler: 'handlers/bank-book.ts#listBankRatings' },
    { contract: scoringApi.listBankLoans, handler: 'handlers/bank-book.ts#listBankLoans' },
    { contract: scoringApi.getRatingFacts, handler: 'handlers/rating-facts.ts#getRatingFacts' },
    { contract: scoringApi.issueLoan, handler: 'handlers/households.ts#issueLoan' },
    { contract: scoringApi.recordRepayment, handler: 'handlers/households.ts#recordRepayment' },
    { contract: scoringApi.markOverdue, handler: 'handlers/households.ts#markOverdue' },
    // 扶贫小额信贷 per period (workflows.md §5.4): 贴息, rates vs tolerance, coverage, risk fund.
    { contract: scoringApi.computeSubsidy, handler: 'handlers/microcredit.ts#computeSubsidy' },
    { contract: scoringApi.setNplTarget, handler: 'handlers/microcredit.ts#setNplTarget' },
    { contract: scoringApi.reviewQuarter, handler: 'handlers/microcredit.ts#reviewQuarter' },
    { contract: scoringApi.getQuarter, handler: 'handlers/microcredit.ts#getQuarter' },
    { contract: scoringApi.getCoverage, handler: 'handlers/microcredit.ts#getCoverage' },
    { contract: scoringApi.getRiskFund, handler: 'handlers/microcredit.ts#getRiskFund' },
    { contract: scoringApi.setRiskFundShare, handler: 'handlers/microcredit.ts#setRiskFundShare' },
    { contract: scoringApi.depositRiskFund, handler: 'handlers/microcredit.ts#depositRiskFund' },
    { contract: scoringApi.drawRiskFund, handler: 'handlers/microcredit.ts#drawRiskFund' },
  ],
  jobs: [
    // workflows.md §6 "Bank assessment": prizes paid by Apr 30 (B-13); reminder on Apr 1, overdue check on May 1.
    { name: 'bank-reward-reminder', schedule: 'cron(0 9 1 4 ? *)', handler: 'handlers/jobs.ts#bankRewardReminder', description: '银行考核奖励兑现提醒（次年4月底前，B-13）' },
    { name: 'bank-reward-overdue', schedule: 'cron(0 9 1 5 ? *)', handler: 'handlers/jobs.ts#bankRewardOverdue', description: '银行考核奖励逾期未兑现提醒（4月30日后）' },
    // workflows.md §5.4: 贴息 reimbursed quarterly; after each quarter, per county with loans.
    {
      name: 'micro-credit-quarter',
      schedule: 'cron(0 9 5 1,4,7,10 ? *)',
      handler: 'handlers/jobs.ts#microCreditQuarter',
      description: '扶贫小额信贷季度贴息计算与季末不良率、评级授信覆盖面记录',
    },
  ],
  subscriptions: [
    // Eligibility projection for the credit rating (workflows.md §5.4).
    { event: 'identification.household.registered', handler: 'handlers/households.ts#onHouseholdEvent' },
    { event: 'identification.household.changed', handler: 'handlers/households.ts#onHouseholdEvent' },
    { event: 'identification.household.exited', handler: 'handlers/households.ts#onHouseholdEvent' },
  ],
});
