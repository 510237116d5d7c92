import { jobHandler } from '@jingzhun/platform';
import { shanghaiDate } from '@jingzhun/types';
import { gradualExitsEndedBefore } from '../store/casework.js';
import { endGradualExits } from './casework.js';

/** 低保 渐退 (3 months) and cancellation ≤ 1 month, daily (workflows.md §6; seed 004 ID-31, ID-36 L322–324). */
export const daily = jobHandler(async (_input, ctx) => {
  const today = shanghaiDate(ctx.scheduledTime);
  return endGradualExits(today, ctx.clock, ctx.ids, () => gradualExitsEndedBefore(today));
});
