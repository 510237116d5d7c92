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
        ['代码', '指标', '单位', '目标年', '基期值', '目标值', '期望进度', '实际', '完成率%', '状态', '责任单位', '来源', '口径冲突'],
        ...report.targets.map((t) => [
          t.code,
          t.name,
          t.unit,
          t.targetYear,
          t.baseline,
          t.target,
          t.expected,
          t.actual,
          t.ratioPct,
          STATUS_ZH[t.status] ?? t.status,
          t.owner,
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
      name: '超期事项',
      rows: [
        ['户编号', '区划', '信号日期', '时限（15日）', '完成日期', '超期天数'],
        ...report.overdue.monitoring.map((c) => [c.householdId, c.region, c.signalledOn, c.deadline, c.completedOn, c.daysOverdue]),
      ],
    },
  ];
}
