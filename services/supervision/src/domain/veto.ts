import { DomainError } from '@jingzhun/types';
import type { ResponsibleUnit, YearOutcome } from './units.js';

/**
 * The one-vote veto (一票否决): any one condition cancels the unit's and its principal head's
 * 评先树优 eligibility for the year, whatever its score (000 AS-3 L42–44), and the unit is
 * criticised in the 通报. Each condition is one rule over recorded incidents, with its citation.
 */
export const INCIDENT_KINDS = [
  'target-breach', // 突破年度安全生产控制目标
  'fatal-accident', // 死亡 1 人以上生产安全责任事故
  'report-failure', // 迟报、漏报、谎报、瞒报
  'criticism', // 区安委会通报批评
  'hazard-order', // 重大安全隐患整改指令
  'illegal-unhandled', // 非法生产经营建设未依法查处
  'safety-assessment-failed', // 安全生产目标责任考核不合格
  'false-exit', // 数字脱贫、虚假脱贫
] as const;
export type IncidentKind = (typeof INCIDENT_KINDS)[number];

export interface Evidence {
  title: string;
  /** 文号, 记录编号 or the stored file's name. */
  reference: string;
}

export interface Incident {
  incidentId: string;
  unitId: string;
  year: number;
  kind: IncidentKind;
  occurredOn: string;
  description: string;
  evidence: Evidence[];
  /** fatal-accident: deaths and whether the unit is responsible (责任事故). */
  deaths?: number;
  responsible?: boolean;
  /** fatal-accident: road traffic (道路交通), judged by the control target instead (000 AS-3.3 L54–56). */
  roadTraffic?: boolean;
  /** hazard-order: the deadline and the day it was rectified. */
  deadline?: string;
  rectifiedOn?: string;
}

export type VetoRule =
  | 'SAFETY_TARGET_BREACH'
  | 'FATAL_ACCIDENT_ENTERPRISE'
  | 'FATAL_ACCIDENT_TERRITORY'
  | 'ACCIDENT_REPORT_FAILURE'
  | 'TWO_CRITICISMS'
  | 'HAZARD_ORDER_OVERDUE'
  | 'ILLEGAL_OPERATIONS_UNHANDLED'
  | 'SAFETY_ASSESSMENT_FAILED'
  | 'POVERTY_TASK_UNFINISHED'
  | 'FALSE_EXIT';

export const VETO_RULES: Record<VetoRule, { name: string; citation: string }> = {
  SAFETY_TARGET_BREACH: { name: '突破年度安全生产控制目标', citation: 'seed 000 AS-3.1 L46' },
  FATAL_ACCIDENT_ENTERPRISE: { name: '企事业单位发生死亡1人以上生产安全责任事故', citation: 'seed 000 AS-3.2 L48–50' },
  FATAL_ACCIDENT_TERRITORY: { name: '辖区或主管行业发生死亡1人以上生产安全责任事故', citation: 'seed 000 AS-3.3 L52–56' },
  ACCIDENT_REPORT_FAILURE: { name: '迟报、漏报、谎报、瞒报生产安全事故', citation: 'seed 000 AS-3.4 L58–60' },
  TWO_CRITICISMS: { name: '年度内两次受到区安委会通报批评', citation: 'seed 000 AS-3.5 L62–64' },
  HAZARD_ORDER_OVERDUE: { name: '重大安全隐患整改指令逾期未整改', citation: 'seed 000 AS-3.5 L62–64（A-15）' },
  ILLEGAL_OPERATIONS_UNHANDLED: { name: '对非法生产、经营和建设未采取有效措施依法查处', citation: 'seed 000 AS-3.6 L66–70' },
  SAFETY_ASSESSMENT_FAILED: { name: '安全生产目标责任考核不合格', citation: 'seed 000 AS-3.7 L72' },
  POVERTY_TASK_UNFINISHED: { name: '未完成年度脱贫攻坚任务（扶贫工作实绩一票否决）', citation: 'seed 000 AS-7 L4092–4102; 003 SC-7 L779' },
  FALSE_EXIT: { name: '数字脱贫、虚假脱贫', citation: 'seed 002 S-50 L181, L187; 003 EX-8 L739' },
};

export interface Veto {
  rule: VetoRule;
  name: string;
  citation: string;
  /** The incidents (or missed tasks) it rests on. */
  basis: string[];
  evidence: Evidence[];
}

/** An incident must carry its evidence and the facts its rule needs; otherwise nothing is recorded. */
export function validateIncident(incident: Incident): void {
  if (incident.evidence.length === 0 || incident.evidence.some((e) => !e.title.trim() || !e.reference.trim()))
    throw new DomainError('VETO_EVIDENCE_REQUIRED', '一票否决事项必须附证据材料（名称和文号或编号）', 400, { kind: incident.kind });
  if (!incident.occurredOn.startsWith(String(incident.year)))
    throw new DomainError('INCIDENT_YEAR_MISMATCH', '事项发生日期不在考核年度内', 400, { occurredOn: incident.occurredOn, year: incident.year });
  if (incident.kind === 'fatal-accident' && !(Number.isInteger(incident.deaths) && (incident.deaths ?? 0) >= 1))
    throw new DomainError('INCIDENT_FACTS_MISSING', '死亡事故须填写死亡人数（至少 1 人）', 400);
  if (incident.kind === 'hazard-order' && !incident.deadline) throw new DomainError('INCIDENT_FACTS_MISSING', '整改指令须填写整改期限', 400);
}

const of = (rule: VetoRule, incidents: readonly Incident[]): Veto => ({
  rule,
  ...VETO_RULES[rule],
  basis: incidents.map((incident) => incident.description),
  evidence: incidents.flatMap((incident) => incident.evidence),
});

/**
 * The vetoes of one unit for one year, judged at `asOf`: every condition that applies, each once.
 * `outcome` is the unit's yearly-task outcome (the poverty-work veto, 000 AS-7 L4092–4102).
 */
export function vetoesOf(
  unit: Pick<ResponsibleUnit, 'kind' | 'roadTraffic'>,
  year: number,
  incidents: readonly Incident[],
  outcome: YearOutcome | undefined,
  asOf: string,
): Veto[] {
  const own = incidents.filter((incident) => incident.year === year);
  const kind = (k: IncidentKind) => own.filter((incident) => incident.kind === k);
  const vetoes: Veto[] = [];
  const push = (rule: VetoRule, basis: readonly Incident[]) => {
    if (basis.length > 0) vetoes.push(of(rule, basis));
  };

  // AS-3.1 L46: the control target broken.
  push('SAFETY_TARGET_BREACH', kind('target-breach'));

  const fatal = kind('fatal-accident').filter((incident) => (incident.deaths ?? 0) >= 1 && incident.responsible !== false);
  if (unit.kind === 'enterprise') {
    // AS-3.2 L48–50: an enterprise or institution with a responsibility accident, ≥1 death (含1人).
    push('FATAL_ACCIDENT_ENTERPRISE', fatal);
  } else {
    // AS-3.3 L52–56: towns, the zone and the sector's supervising department; road traffic is
    // judged by condition 1, so its deaths alone do not veto.
    push(
      'FATAL_ACCIDENT_TERRITORY',
      fatal.filter((incident) => !incident.roadTraffic && !unit.roadTraffic),
    );
  }

  // AS-3.4 L58–60.
  push('ACCIDENT_REPORT_FAILURE', kind('report-failure'));

  // AS-3.5 L62–64 read as (≥2 criticisms in the year) OR (an overdue major-hazard order).
  const criticisms = kind('criticism');
  if (criticisms.length >= 2) push('TWO_CRITICISMS', criticisms);
  push(
    'HAZARD_ORDER_OVERDUE',
    kind('hazard-order').filter((order) => {
      const deadline = order.deadline as string;
      return order.rectifiedOn ? order.rectifiedOn > deadline : asOf > deadline;
    }),
  );

  // AS-3.6 L66–70, AS-3.7 L72.
  push('ILLEGAL_OPERATIONS_UNHANDLED', kind('illegal-unhandled'));
  push('SAFETY_ASSESSMENT_FAILED', kind('safety-assessment-failed'));

  // AS-7 L4092–4102: 扶贫工作实绩一票否决 for a unit that did not complete its yearly task.
  if (outcome?.missed)
    vetoes.push({
      rule: 'POVERTY_TASK_UNFINISHED',
      ...VETO_RULES.POVERTY_TASK_UNFINISHED,
      basis: outcome.missedTitles.map((title) => `未按期完成：${title}`),
      evidence: [],
    });

  // 002 L181/L187: 数字脱贫、虚假脱贫 are held to account (严肃问责).
  push('FALSE_EXIT', kind('false-exit'));
  return vetoes;
}
