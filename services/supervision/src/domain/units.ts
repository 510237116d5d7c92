import type { Evidence } from './veto.js';

/**
 * Responsible units and their yearly tasks (责任单位与年度任务).
 *
 * The assessed units are the towns (镇/街), the district departments (区直部门) and, at city level,
 * the 40 member units of the leading group whose three-year responsibilities seed 004 lists
 * (L57–L1401, one section each). A unit's heads are who a 约谈 or 组织调整 concerns
 * (000 AS-7 L4092–4102: "党政主要负责人").
 */
export type UnitKind = 'town' | 'department' | 'zone' | 'enterprise';

export const UNIT_KIND_NAMES: Record<UnitKind, string> = {
  town: '镇（街）',
  department: '区直部门',
  zone: '经济开发区',
  enterprise: '企事业单位',
};

export interface ResponsibleUnit {
  unitId: string;
  name: string;
  kind: UnitKind;
  /** The region the unit answers for: a town's code, the district's for a department. */
  region: string;
  /** For a department: the department claim its staff sign in with (minzheng, caizheng…). */
  department?: string;
  /** Road-traffic sector departments: a fatal accident is judged by the control target (000 AS-3.3 L54–56). */
  roadTraffic?: boolean;
  heads: { name: string; post: string }[];
  /** Responsibilities as the documents state them, each with its source. */
  responsibilities: { text: string; source: string }[];
}

/** The 40 member units of seed 004 with the line range of their section (004 §1 inventory). */
export const SEED_004_UNITS: readonly { no: number; name: string; lines: string }[] = [
  { no: 1, name: '市委组织部', lines: '57–85' },
  { no: 2, name: '市委宣传部', lines: '86–129' },
  { no: 3, name: '市委统战部', lines: '130–159' },
  { no: 4, name: '市委编办', lines: '160–175' },
  { no: 5, name: '市委市直机关工委', lines: '176–191' },
  { no: 6, name: '市发展改革委', lines: '192–225' },
  { no: 7, name: '市教育局', lines: '226–251' },
  { no: 8, name: '市科技局', lines: '252–277' },
  { no: 9, name: '市工业和信息化局', lines: '278–311' },
  { no: 10, name: '市民政局', lines: '312–349' },
  { no: 11, name: '市司法局', lines: '350–394' },
  { no: 12, name: '市财政局', lines: '395–412' },
  { no: 13, name: '市人力资源社会保障局', lines: '413–445' },
  { no: 14, name: '市自然资源和规划局', lines: '446–474' },
  { no: 15, name: '市生态环境局', lines: '475–495' },
  { no: 16, name: '市住房城乡建设局', lines: '496–537' },
  { no: 17, name: '市交通运输局', lines: '538–553' },
  { no: 18, name: '市城乡水务局', lines: '554–583' },
  { no: 19, name: '市农业农村局', lines: '584–630' },
  { no: 20, name: '市商务局', lines: '631–656' },
  { no: 21, name: '市文化和旅游局', lines: '657–710' },
  { no: 22, name: '市卫生健康委', lines: '711–738' },
  { no: 23, name: '市审计局', lines: '739–803' },
  { no: 24, name: '市国资委', lines: '804–824' },
  { no: 25, name: '市体育局', lines: '825–874' },
  { no: 26, name: '市统计局', lines: '875–887' },
  { no: 27, name: '市医疗保障局', lines: '888–927' },
  { no: 28, name: '市地方金融监管局', lines: '928–956' },
  { no: 29, name: '市供销社', lines: '957–987' },
  { no: 30, name: '市农业机械现代化发展促进中心', lines: '988–1017' },
  { no: 31, name: '市畜牧业发展中心', lines: '1018–1062' },
  { no: 32, name: '市总工会', lines: '1063–1105' },
  { no: 33, name: '团市委', lines: '1106–1133' },
  { no: 34, name: '市妇联', lines: '1134–1174' },
  { no: 35, name: '市残联', lines: '1175–1207' },
  { no: 36, name: '市工商联', lines: '1208–1237' },
  { no: 37, name: '市广播电视台', lines: '1238–1251' },
  { no: 38, name: '国网济宁供电公司', lines: '1252–1329' },
  { no: 39, name: '人民银行济宁市中心支行', lines: '1330–1362' },
  { no: 40, name: '济宁银保监分局', lines: '1363–1401' },
];

export interface YearlyTask {
  taskId: string;
  unitId: string;
  year: number;
  title: string;
  /** The last day it may be completed (`YYYY-MM-DD`). */
  dueOn: string;
  /** A dispatch target it is measured by, where measurable (dispatch target code). */
  targetCode?: string;
  source: string;
  completedOn?: string;
  evidence?: Evidence[];
}

export type TaskStatus = 'open' | 'overdue' | 'completed' | 'completed-late';

export function taskStatus(task: Pick<YearlyTask, 'dueOn' | 'completedOn'>, today: string): TaskStatus {
  if (task.completedOn) return task.completedOn <= task.dueOn ? 'completed' : 'completed-late';
  return today > task.dueOn ? 'overdue' : 'open';
}

export interface YearOutcome {
  year: number;
  /** Some task of the year was not completed by its due date: "完不成年度任务" (000 AS-7 L4092–4102). */
  missed: boolean;
  /** Every task of the year completed before the year's end and before its due date: "提前完成". */
  early: boolean;
  tasks: number;
  missedTitles: string[];
}

/**
 * The year's outcome of a unit, judged at `asOf` (the assessment date). A year with no tasks is
 * neither missed nor early: there is nothing to judge. "Early completion" means every task done
 * before its due date with at least one a full month ahead (docs/decisions.md Supervision 3).
 */
export function yearOutcome(year: number, tasks: readonly YearlyTask[], asOf: string): YearOutcome {
  const own = tasks.filter((task) => task.year === year);
  const missedTitles = own.filter((task) => {
    const status = taskStatus(task, asOf);
    return status === 'overdue' || status === 'completed-late';
  });
  const early =
    own.length > 0 &&
    missedTitles.length === 0 &&
    own.every((task) => task.completedOn !== undefined) &&
    own.some((task) => (task.completedOn as string) <= monthBefore(task.dueOn));
  return { year, missed: missedTitles.length > 0, early, tasks: own.length, missedTitles: missedTitles.map((task) => task.title) };
}

/** The same day one month earlier (day clamped to the month's length). */
export function monthBefore(date: string): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const month = m === 1 ? 12 : m - 1;
  const year = m === 1 ? y - 1 : y;
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return `${year}-${String(month).padStart(2, '0')}-${String(Math.min(d, last)).padStart(2, '0')}`;
}
