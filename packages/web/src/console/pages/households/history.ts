import { fen } from '../../../format.js';
import { ACTION_ZH, CAUSE_ZH, HOUSING_GRADE_ZH, STATUS_ZH, WELFARE_ZH, WORKFLOW_STATE_ZH, zh } from '../../../labels.js';

/**
 * An audit entry's change as a reader says it: "状态：识别中 → 在册贫困户", field by field, in
 * Chinese, from the before and after snapshots the audit keeps (never a raw JSON).
 */
type Snapshot = Record<string, unknown> | undefined;

const get = (value: Snapshot, path: string): unknown =>
  path.split('.').reduce<unknown>((at, key) => (at && typeof at === 'object' ? (at as Record<string, unknown>)[key] : undefined), value);

const yesNo = (v: unknown) => (v === true ? '是' : v === false ? '否' : '—');
const FIELDS: { path: string; label: string; show: (v: unknown) => string }[] = [
  { path: 'status', label: '状态', show: (v) => zh(STATUS_ZH, v as string | undefined) },
  { path: 'workflow.state', label: '当前环节', show: (v) => (v ? (WORKFLOW_STATE_ZH[v as string] ?? '办理中') : '无') },
  { path: 'group', label: '村民小组', show: (v) => String(v ?? '—') },
  { path: 'phone', label: '联系电话', show: (v) => String(v ?? '—') },
  { path: 'mainCause', label: '主要致贫原因', show: (v) => zh(CAUSE_ZH, v as string | undefined) },
  { path: 'size', label: '人口', show: (v) => (v === undefined ? '—' : `${v} 人`) },
  { path: 'incomePerCapitaFen', label: '人均纯收入', show: (v) => fen(v as number | undefined) },
  { path: 'income.wageFen', label: '工资性收入', show: (v) => fen(v as number | undefined) },
  { path: 'income.businessFen', label: '生产经营性收入', show: (v) => fen(v as number | undefined) },
  { path: 'income.businessCostFen', label: '生产经营费用', show: (v) => fen(v as number | undefined) },
  { path: 'income.transferFen', label: '转移性收入', show: (v) => fen(v as number | undefined) },
  { path: 'income.propertyFen', label: '财产性收入', show: (v) => fen(v as number | undefined) },
  { path: 'housing.dangerGrade', label: '住房危险等级', show: (v) => (v ? zh(HOUSING_GRADE_ZH, v as string) : '未鉴定') },
  ...Object.entries(WELFARE_ZH).map(([key, label]) => ({ path: `welfare.${key}`, label, show: yesNo })),
  { path: 'dibao', label: '低保', show: yesNo },
  { path: 'tekun', label: '特困', show: yesNo },
];

/** A funds distribution's fact as the audit keeps it (ASSET_INCOME_RECORDED): asset, period, amount, whether counted. */
function benefitLines(after: Snapshot): string[] {
  const income = get(after, 'income') as { counted?: boolean; year?: number } | undefined;
  const period = String(get(after, 'period') ?? '');
  return [
    `${String(get(after, 'assetName') ?? '资产')} ${periodZh(period)} 收益 ${fen(get(after, 'amountFen') as number | undefined)}`,
    income?.counted ? `已计入 ${income.year} 年收入` : '未计入收入',
  ];
}

/** A period YYYY-MM as 2017年6月. */
export function periodZh(period: string): string {
  const match = /^(\d{4})-(\d{2})$/.exec(period);
  return match ? `${match[1]}年${Number(match[2])}月` : period;
}

export function changeLines(before: Snapshot, after: Snapshot, action?: string): string[] {
  if (action === 'ASSET_INCOME_RECORDED') return benefitLines(after);
  if (!before && after) return ['新登记'];
  const lines: string[] = [];
  for (const field of FIELDS) {
    const a = get(before, field.path);
    const b = get(after, field.path);
    if (JSON.stringify(a) !== JSON.stringify(b)) lines.push(`${field.label}：${field.show(a)} → ${field.show(b)}`);
  }
  const count = (s: Snapshot, key: string) => (Array.isArray(get(s, key)) ? (get(s, key) as unknown[]).length : 0);
  if (count(before, 'measures') !== count(after, 'measures')) lines.push(`帮扶措施：${count(before, 'measures')} 项 → ${count(after, 'measures')} 项`);
  const helper = (s: Snapshot) => {
    const list = get(s, 'helpers');
    const current = Array.isArray(list) ? (list as { name?: string; to?: string }[]).find((h) => !h.to) : undefined;
    return current?.name ?? '无';
  };
  if (helper(before) !== helper(after)) lines.push(`帮扶责任人：${helper(before)} → ${helper(after)}`);
  return lines;
}

/** An audit action's Chinese name (MEMBER_ADDED:birth, HITS_IMPORTED:vehicle … by their first part). */
export function actionName(action: string): string {
  const [head] = action.split(':');
  const more: Record<string, string> = {
    MEMBER_ADDED: '新增成员',
    MEMBER_DECEASED: '成员死亡',
    MEMBER_MOVED_OUT: '成员迁出',
    HITS_IMPORTED: '部门比对名单导入',
    HIT_CONFIRMED: '比对结果确认',
    HIT_DISMISSED: '比对结果排除',
    HIT_OVERRIDDEN: '比对结果否决',
    MINZHENG_STATUS: '民政认定',
    MEMBER_ACCOUNT: '一卡通账户变更',
    NOTICE_CLEAR: '公示期满无异议',
    NOTICE_HELD: '公示期间有异议待处理',
    NOTICE_UPHELD: '公示异议成立',
    OBJECTION_UPHELD: '异议成立',
    OBJECTION_REJECTED: '异议不成立',
    ASSET_INCOME_RECORDED: '资产收益分配到户',
    ASSET_INCOME_COUNTED: '资产收益计入收入',
  };
  return ACTION_ZH[head ?? ''] ?? more[head ?? ''] ?? '其他变更';
}

/** 公示 types as their notices are titled (the notices service's NoticeType). */
const NOTICE_TYPE_ZH: Record<string, string> = {
  'entry-first': '识别第一次公示',
  'entry-second': '识别第二次公示',
  'entry-announcement': '识别公告',
  monitoring: '监测对象公示',
  'risk-elimination': '风险消除公示',
  'exit-village-notice': '贫困户退出公示',
  'exit-announcement': '贫困户退出公告',
  'exit-no-policy': '脱贫不再享受政策公示',
};

/**
 * An audit entry's reason as a reader can use it: a notice outcome's reason is the notice's type and
 * id (for the audit), shown as the notice's name; a comparison import's, the list's name.
 */
export function reasonText(action: string, reason: string | undefined, sourceNames: Record<string, string>): string {
  if (action.startsWith('HITS_IMPORTED')) return sourceNames[action.split(':')[1] ?? ''] ?? '部门比对名单';
  if (/^(NOTICE|OBJECTION)_/.test(action)) return NOTICE_TYPE_ZH[(reason ?? '').split(' ')[0] ?? ''] ?? '公示';
  return reason ?? '—';
}
