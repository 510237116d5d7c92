/** Chinese names for what the dispatch report carries (states, trends, attributes, filing periods). */
export const TARGET_STATUS_ZH: Record<string, string> = {
  'not-started': '未开始',
  'on-track': '正常',
  'at-risk': '有风险',
  behind: '滞后',
  met: '已完成',
  missed: '未完成',
  'no-data': '无数据',
};

export const TARGET_STATUS_COLOUR: Record<string, string> = {
  'on-track': 'green',
  met: 'green',
  'at-risk': 'gold',
  behind: 'red',
  missed: 'red',
  'no-data': 'default',
  'not-started': 'default',
};

export const TREND_ZH: Record<string, string> = { improving: '向好', worsening: '下滑', flat: '持平' };

export const OWNER_STATUS_ZH: Record<string, string> = { 'on-time': '按时报送', late: '逾期报送', overdue: '逾期未报', pending: '未到截止日' };

export const OWNER_STATUS_COLOUR: Record<string, string> = { 'on-time': 'green', late: 'gold', overdue: 'red', pending: 'default' };

const QUARTER_ZH = ['一', '二', '三', '四'];

/** A filing period in words: 2019年10月上旬, 2019年10月下半月, 2019年第四季度, 2019年上半年, 2019年. */
export function periodZh(period: string): string {
  const dekad = /^(\d{4})-(\d{2})-D([1-3])$/.exec(period);
  if (dekad) return `${dekad[1]}年${Number(dekad[2])}月${['上', '中', '下'][Number(dekad[3]) - 1]}旬`;
  const half = /^(\d{4})-(\d{2})-H([12])$/.exec(period);
  if (half) return `${half[1]}年${Number(half[2])}月${half[3] === '1' ? '上' : '下'}半月`;
  const month = /^(\d{4})-(\d{2})$/.exec(period);
  if (month) return `${month[1]}年${Number(month[2])}月`;
  const quarter = /^(\d{4})-Q([1-4])$/.exec(period);
  if (quarter) return `${quarter[1]}年第${QUARTER_ZH[Number(quarter[2]) - 1]}季度`;
  const halfYear = /^(\d{4})-H([12])$/.exec(period);
  if (halfYear) return `${halfYear[1]}年${halfYear[2] === '1' ? '上' : '下'}半年`;
  return `${period}年`;
}

/** A date `YYYY-MM-DD` as 11月5日 (the year is the report's). */
export function dayZh(date: string | null | undefined): string {
  if (!date) return '—';
  return `${Number(date.slice(5, 7))}月${Number(date.slice(8, 10))}日`;
}
