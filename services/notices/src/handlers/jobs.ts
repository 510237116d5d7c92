import { jobHandler } from '@jingzhun/platform';
import { closeExpiredWindows as closeAll } from '../app/commands.js';

/** Daily at 00:05 Asia/Shanghai (workflows.md §6 "Notice windows"): close every expired window. Idempotent. */
export const closeExpiredWindows = jobHandler(async (input, ctx) =>
  closeAll({ clock: ctx.clock, ids: ctx.ids, actor: { sub: 'job:close-expired-windows', role: 'system' } }, input.region),
);
