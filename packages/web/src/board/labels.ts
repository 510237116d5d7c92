/** Words the board shows for what the API gives as values. */

export type Phase = 'upcoming' | 'open' | 'ended' | 'permanent';

/** Status words from the dates (the API's phase, computed in Asia/Shanghai; decisions Notices 25). */
export const PHASE_WORDS: Record<Phase, string> = { upcoming: '待公示', open: '公示中', ended: '已结束', permanent: '长期公开' };

/** 2018-10-25 → 2018年10月25日. */
export function dateZh(iso: string | undefined): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso ?? '');
  return match ? `${match[1]}年${Number(match[2])}月${Number(match[3])}日` : '—';
}

/** 2017-06 → 2017年6月. */
export function monthZh(period: string): string {
  const match = /^(\d{4})-(\d{2})$/.exec(period);
  return match ? `${match[1]}年${Number(match[2])}月` : period;
}

export function yuan(fen: number): string {
  return `${(fen / 100).toLocaleString('zh-CN', { minimumFractionDigits: 2, maximumFractionDigits: 2 })} 元`;
}

/** What a notice's dates say: 公示期 2018年10月25日至2018年10月31日, or 长期公开. */
export function windowText(notice: { windowStart?: string | undefined; windowEnd?: string | undefined; postedOn: string }): string {
  return notice.windowStart ? `${dateZh(notice.windowStart)}至${dateZh(notice.windowEnd)}` : `${dateZh(notice.postedOn)}起长期公开`;
}

/** Newest first: by posting date, then by id (time-ordered within a day). */
export function newestFirst<T extends { postedOn: string; noticeId: string }>(notices: readonly T[]): T[] {
  return [...notices].sort((a, b) => b.postedOn.localeCompare(a.postedOn) || b.noticeId.localeCompare(a.noticeId));
}
