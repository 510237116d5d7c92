import { jobHandler, UnitOfWork } from '@jingzhun/platform';
import { DomainError, shanghaiDate } from '@jingzhun/types';
import { rewardReminder } from '../domain/workflow.js';
import { yearKeys } from '../store/keys.js';
import { listRewardsOpen, table } from '../store/repo.js';

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
