import { jobHandler, UnitOfWork } from '@jingzhun/platform';
import { DomainError, shanghaiDate } from '@jingzhun/types';
import { quarterBounds } from '../domain/ledger.js';
import { rewardReminder } from '../domain/workflow.js';
import { yearKeys } from '../store/keys.js';
import { lendingDistricts } from '../store/microcredit.js';
import { listRewardsOpen, table } from '../store/repo.js';
import { quarterSubsidy, recordQuarterReview } from './microcredit.js';

/**
 * bank-reward-reminder (workflows.md §6 "Bank assessment", B-13; seed 000 BK-5 L4274–4278): for
 * every approved assessment whose rewards are not marked paid, records a `due-soon` reminder in the
 * 30 days before the due date and an `overdue` one after it. Idempotent per day and assessment.
 */
export const bankRewardReminder = jobHandler(async (_input, ctx) => {
  const today = shanghaiDate(ctx.scheduledTime);
  const open = await listRewardsOpen();
  let recorded = 0;
  for (const year of open) {
    const reminder = rewardReminder(today, year.rewardsDueBy, year.rewardsPaidOn);
    if (!reminder) continue;
    const uow = new UnitOfWork({ table: table(), service: 'scoring', clock: ctx.clock, ids: ctx.ids, actor: { sub: 'job:bank-reward-reminder', role: 'system' } });
    uow.create(
      { ...yearKeys.reminder(year.district, year.year, today, reminder.kind), entity: 'reward-reminder', on: today, kind: reminder.kind, message: reminder.message },
      new DomainError('ALREADY_REMINDED', 'reminder exists', 409),
    );
    uow.audit({ subject: yearKeys.auditSubject(year.district, year.year), action: `rewards.reminder.${reminder.kind}`, after: { on: today, dueBy: year.rewardsDueBy } });
    try {
      await uow.commit();
      recorded++;
    } catch (error) {
      if (!(error instanceof DomainError && error.code === 'ALREADY_REMINDED')) throw error;
    }
  }
  return { today, open: open.length, recorded };
});

/** The May 1 run (after the due date): the same idempotent check under its own function name. */
export const bankRewardOverdue = bankRewardReminder;

/** The quarter before the one `date` falls in (YYYY-Qn). */
export function previousQuarter(date: string): string {
  const year = Number(date.slice(0, 4));
  const q = Math.floor((Number(date.slice(5, 7)) - 1) / 3) + 1;
  return q === 1 ? `${year - 1}-Q4` : `${year}-Q${q - 1}`;
}

/**
 * micro-credit-quarter (workflows.md §5.4, 贴息 reimbursed quarterly): after each quarter, for
 * every county with loans, computes the quarter's 贴息 per loan and records the quarter review.
 * Both are idempotent per quarter and loan (review: per quarter), so a repeated run adds nothing.
 */
export const microCreditQuarter = jobHandler(async (input, ctx) => {
  const quarter = input.period && /^\d{4}-Q[1-4]$/.test(input.period) ? input.period : previousQuarter(shanghaiDate(ctx.scheduledTime));
  quarterBounds(quarter);
  const districts = (await lendingDistricts()).map((d) => d.district).filter((d) => !input.region || d === input.region);
  const ports = { clock: ctx.clock, ids: ctx.ids, actor: { sub: 'job:micro-credit-quarter', role: 'system' } };
  const results = [];
  for (const district of districts) {
    const subsidy = await quarterSubsidy(district, quarter, ports);
    const review = await recordQuarterReview(district, quarter, ports);
    results.push({ district, computed: subsidy.computed, alreadyComputed: subsidy.alreadyComputed, subsidyFen: subsidy.subsidyFen, reviewedAt: review.recordedAt });
  }
  return { quarter, districts: results };
});
