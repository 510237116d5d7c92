import { regionLevel, regionPath, shanghaiDate } from '@jingzhun/types';
import { SUPERVISION_METRICS } from './supervision-metrics.js';

/**
 * The read-model metrics of the monthly dispatch (workflows.md §6 District 月调度: registration,
 * support, funds, responsibility; issue 7). A `flow` counts what happened in a month; a `stock`
 * is kept as monthly deltas and read as the running total up to the end of a month.
 */
export type MetricKind = 'flow' | 'stock';

export interface MetricDef {
  metric: string;
  label: string;
  unit: '户' | '人' | '分' | '笔' | '件';
}

/** 扶贫资金支出月调度 (seed 004 SCH-02 L408; funds-projection.ts): expenditure progress = 累计支出 ÷ 累计到位. */
const FUNDS_METRICS: readonly MetricDef[] = [
  { metric: 'funds.received.fen', label: '扶贫资金到位金额', unit: '分' },
  { metric: 'funds.disbursed.fen', label: '扶贫资金支出金额', unit: '分' },
  { metric: 'stock.funds.received.fen', label: '扶贫资金累计到位（月末）', unit: '分' },
  { metric: 'stock.funds.disbursed.fen', label: '扶贫资金累计支出（月末）', unit: '分' },
];

/** Fixed metrics in report order. Item-level subsidy metrics (`subsidy.*.<item>`) follow them, sorted. */
export const METRICS: readonly MetricDef[] = [
  { metric: 'hh.registered', label: '新识别贫困户', unit: '户' },
  { metric: 'persons.registered', label: '新识别贫困人口', unit: '人' },
  { metric: 'hh.exited', label: '脱贫退出户', unit: '户' },
  { metric: 'persons.exited', label: '脱贫退出人口', unit: '人' },
  { metric: 'hh.returned', label: '返贫户', unit: '户' },
  { metric: 'persons.returned', label: '返贫人口', unit: '人' },
  { metric: 'hh.monitoring.identified', label: '新纳入监测对象', unit: '户' },
  { metric: 'stock.hh.poor', label: '在册贫困户（月末）', unit: '户' },
  { metric: 'stock.persons.poor', label: '在册贫困人口（月末）', unit: '人' },
  { metric: 'stock.hh.monitored', label: '监测对象（月末）', unit: '户' },
  { metric: 'stock.hh.exited', label: '已脱贫户（月末）', unit: '户' },
  { metric: 'stock.persons.exited', label: '已脱贫人口（月末）', unit: '人' },
  // The county index's 帮扶精准度 (seed 004 L885; domain/county-index.ts).
  { metric: 'stock.hh.poor.withHelper', label: '其中落实帮扶责任人（月末）', unit: '户' },
  { metric: 'stock.hh.poor.withMeasures', label: '其中落实帮扶措施（月末）', unit: '户' },
  { metric: 'stock.colour.RED', label: '红色户（月末）', unit: '户' },
  { metric: 'stock.colour.ORANGE', label: '橙色户（月末）', unit: '户' },
  { metric: 'stock.colour.YELLOW', label: '黄色户（月末）', unit: '户' },
  { metric: 'stock.colour.GREEN', label: '绿色户（月末）', unit: '户' },
  { metric: 'subsidy.computed.fen', label: '测算补贴金额', unit: '分' },
  { metric: 'subsidy.approved.fen', label: '审定补贴金额', unit: '分' },
  { metric: 'subsidy.paid.fen', label: '已发放补贴金额', unit: '分' },
  { metric: 'loans.issued', label: '发放扶贫小额信贷', unit: '笔' },
  { metric: 'loans.issued.fen', label: '发放贷款金额', unit: '分' },
  { metric: 'loans.overdue', label: '新增逾期贷款', unit: '笔' },
  { metric: 'loans.overdue.fen', label: '新增逾期金额', unit: '分' },
  { metric: 'loans.repaid', label: '还款', unit: '笔' },
  { metric: 'loans.repaid.fen', label: '还款金额', unit: '分' },
  { metric: 'stock.loans.overdue', label: '逾期未还贷款（月末）', unit: '笔' },
  { metric: 'loans.subsidy.fen', label: '扶贫小额信贷贴息金额', unit: '分' },
  { metric: 'loans.subsidy', label: '享受贴息的贷款', unit: '笔' },
  { metric: 'loans.subsidy.cancelled', label: '取消贴息的贷款（逾期）', unit: '笔' },
  { metric: 'banks.npl.tolerated', label: '不良率在容忍度内超目标的银行（季末）', unit: '件' },
  { metric: 'banks.npl.exceeded', label: '不良率超出容忍度的银行（季末）', unit: '件' },
  { metric: 'rating.population', label: '应评级授信户（季末）', unit: '户' },
  { metric: 'rating.rated', label: '已评级授信户（季末）', unit: '户' },
  { metric: 'riskfund.draws', label: '风险补偿金代偿', unit: '笔' },
  { metric: 'riskfund.drawn.fen', label: '风险补偿金代偿金额', unit: '分' },
  { metric: 'notices.published', label: '发布公示', unit: '件' },
  { metric: 'notices.closed', label: '公示期满', unit: '件' },
  { metric: 'stock.notices.open', label: '公示中（月末）', unit: '件' },
  { metric: 'notices.objections.lodged', label: '收到异议', unit: '件' },
  { metric: 'notices.objections.upheld', label: '异议成立', unit: '件' },
  { metric: 'notices.objections.rejected', label: '异议不成立', unit: '件' },
  { metric: 'stock.objections.open', label: '待处理异议（月末）', unit: '件' },
  ...SUPERVISION_METRICS,
  // 民政 case work (issue 20; domain/casework-projection.ts).
  { metric: 'stock.dibao.households', label: '低保户（月末，含渐退）', unit: '户' },
  { metric: 'stock.tekun.persons', label: '特困供养人员（月末）', unit: '人' },
  { metric: 'stock.tekun.unableSelfCare', label: '生活不能自理特困人员（月末）', unit: '人' },
  { metric: 'stock.tekun.unableSelfCare.centralised', label: '其中集中供养（月末，2020年≥50%）', unit: '人' },
  { metric: 'aid.cases', label: '受理临时救助', unit: '件' },
  { metric: 'aid.cases.emergency', label: '其中急难型', unit: '件' },
  { metric: 'aid.paid.fen', label: '临时救助发放金额', unit: '分' },
  ...FUNDS_METRICS,
];

const FIXED = new Map(METRICS.map((def, index) => [def.metric, index]));
const ITEM_METRIC = /^subsidy\.(computed|approved|paid)\.(fen|hh)\.[^\s]{1,64}$/;

export function metricKind(metric: string): MetricKind {
  return metric.startsWith('stock.') ? 'stock' : 'flow';
}

export function isKnownMetric(metric: string): boolean {
  return FIXED.has(metric) || ITEM_METRIC.test(metric);
}

export function metricLabel(metric: string): string {
  const fixed = METRICS[FIXED.get(metric) ?? -1];
  if (fixed) return fixed.label;
  const match = /^subsidy\.(computed|approved|paid)\.(fen|hh)\.(.+)$/.exec(metric);
  if (!match) return metric;
  const stage = { computed: '测算', approved: '审定', paid: '发放' }[match[1] as 'computed' | 'approved' | 'paid'];
  return `${match[3]}：${stage}${match[2] === 'fen' ? '金额（分）' : '户数'}`;
}

/** Report order: the fixed catalogue first, then item metrics by code (a total, deterministic order). */
export function compareMetrics(a: string, b: string): number {
  const ia = FIXED.get(a) ?? Number.MAX_SAFE_INTEGER;
  const ib = FIXED.get(b) ?? Number.MAX_SAFE_INTEGER;
  if (ia !== ib) return ia - ib;
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * The regions an event at `region` counts in: the region and its ancestors down from the county
 * (village → town → county). A region above county level counts only in itself.
 */
export function countingRegions(region: string): string[] {
  const level = regionLevel(region);
  if (level === 'province' || level === 'city') return [region];
  return regionPath(region).filter((code) => {
    const l = regionLevel(code);
    return l === 'county' || l === 'town' || l === 'village';
  });
}

/** The county a region lies in (itself for a county); undefined above county level. */
export function countyOf(region: string): string | undefined {
  return regionPath(region).find((code) => regionLevel(code) === 'county');
}

/** Calendar date in Asia/Shanghai of a date (`YYYY-MM-DD`, kept as is) or an ISO instant. */
export function dateOf(value: string): string {
  if (/^\d{4}-\d{2}-\d{2}$/.test(value)) return value;
  const instant = new Date(value);
  if (Number.isNaN(instant.getTime())) throw new Error(`not a date: ${value}`);
  return shanghaiDate(instant);
}

/** Month (Asia/Shanghai) of a date or instant. */
export function periodOfDate(value: string): string {
  return dateOf(value).slice(0, 7);
}
