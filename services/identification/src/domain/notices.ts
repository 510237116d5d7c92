import type { noticeEvents } from '@jingzhun/types';

/** Titles of the notices this service requests (workflows.md §4.2). */
export const NOTICE_TITLES: Partial<Record<noticeEvents.NoticeType, string>> = {
  'entry-first': '贫困户识别第一次公示',
  'entry-second': '贫困户识别第二次公示',
  'entry-announcement': '贫困户识别结果公告',
  monitoring: '防返贫监测对象公示',
  'risk-elimination': '监测对象风险消除公示',
  'exit-village-notice': '贫困户退出公示（村内公示7天）',
  'exit-announcement': '贫困户退出公告（村内公告5天）',
  'exit-no-policy': '脱贫不再享受政策公示',
  'village-exit-notice': '贫困村退出公示（村内公示7天）',
  'village-exit-announcement': '贫困村退出公告（区、镇公告5天）',
};

/** The outcome of a held entry's objection, as a notice outcome. */
export function decisionOutcome(outcome: 'upheld' | 'rejected'): 'upheld' | 'clear' {
  return outcome === 'upheld' ? 'upheld' : 'clear';
}
