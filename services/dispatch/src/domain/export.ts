import type { Report } from './report.js';

type Cell = string | number | null;

const STATUS_ZH: Record<string, string> = {
  'not-started': '未开始',
  'on-track': '正常',
  'at-risk': '有风险',
  behind: '滞后',
  met: '已完成',
  missed: '未完成',
  'no-data': '无数据',
};

const TREND_ZH: Record<string, string> = { improving: '向好', worsening: '下滑', flat: '持平' };

const OWNER_STATUS_ZH: Record<string, string> = { 'on-time': '按时', late: '逾期报送', overdue: '逾期未报', pending: '未到期' };

/** The report as sheets for offices (XLSX) or as one CSV table: a pure function of the report data. */
export function reportSheets(report: Report): { name: string; rows: Cell[][] }[] {
  return [
    {
      name: '概况',
      rows: [
        ['区划', report.region, '期间', report.period, '截至', report.asOf],
        ['指标', '代码', '本期', '上期', '环比增减'],
        ...report.metrics.map((m) => [m.label, m.metric, m.value, m.previous, m.change]),
      ],
    },
    {
      name: '目标进度',
      rows: [
        ['代码', '指标', '属性', '单位', '目标年', '基期值', '目标值', '期望进度', '实际', '上月', '趋势', '完成率%', '状态', '责任单位', '来源', '口径冲突'],
        ...report.targets.map((t) => [
          t.code,
          t.name,
          t.attribute,
          t.unit,
          t.targetYear,
          t.baseline,
          t.target,
          t.expected,
          t.actual,
          t.previousActual,
          t.trend ? (TREND_ZH[t.trend] ?? t.trend) : null,
          t.ratioPct,
          STATUS_ZH[t.status] ?? t.status,
          t.ownerName,
          t.source,
          t.conflict?.note ?? null,
        ]),
      ],
    },
    {
      name: '下级区划',
      rows: [['区划', ...report.metrics.map((m) => m.label)], ...report.children.map((c) => [c.region, ...report.metrics.map((m) => c.values[m.metric] ?? 0)])],
    },
    {
      name: '填报情况',
      rows: [
        ['单位', '名称', '报送日期', '截止日期', '逾期', '逾期天数', '更正次数'],
        ...report.filings.received.map((f) => [f.filer, f.name, f.filedOn, f.due, f.late ? '是' : '否', f.daysLate, f.corrections]),
        ...report.filings.missing.map((f) => [f.filer, f.name, null, report.filings.due, '未报', null, null]),
      ],
    },
    {
      name: '报表报送',
      rows: [
        ['报表', '期间', '截止日（节假日顺延）', '单位', '状态', '报送日期', '逾期天数', '依据'],
        ...report.obligations.items.flatMap((item) =>
          item.owners.map((o) => [item.name, item.period, item.due, o.name, OWNER_STATUS_ZH[o.status] ?? o.status, o.filedOn, o.daysLate, item.source]),
        ),
      ],
    },
    {
      name: '逾期未报',
      rows: [
        ['责任单位', '报表', '期间', '截止日', '逾期天数', '依据'],
        ...report.overdue.filings.flatMap((owner) => owner.items.map((i) => [owner.name, i.name, i.period, i.due, i.daysOverdue, i.source])),
      ],
    },
    {
      name: '超期事项',
      rows: [
        ['户编号', '区划', '信号日期', '时限（15日）', '完成日期', '超期天数'],
        ...report.overdue.monitoring.map((c) => [c.householdId, c.region, c.signalledOn, c.deadline, c.completedOn, c.daysOverdue]),
      ],
    },
  ];
}
