import { DomainError, daysBetween, type Role, regionLevel } from '@jingzhun/types';
import * as z from 'zod';
import { countyOf } from './metrics.js';
import { effectiveDue, type FilingForm, obligationOf } from './obligations.js';

export { FILING_FORMS, type FilingForm } from './obligations.js';

/**
 * Department and town filings for the monthly dispatch (workflows.md §6: "Towns, 25 sector
 * departments → CPO … Submit by the 5th [PROP]"; seed 000 MS-1 L554–556). Late filings are accepted
 * and flagged; a second filing for the same period is a correction with a reason, never silent.
 */

/** Housing-renovation steps of workflows.md §3 (000 PN-5 L1825–1831), as filed figures `housing.step.<STEP>`. */
export const HOUSING_STEPS = [
  'APPLIED',
  'VILLAGE_APPRAISED',
  'LIST1',
  'TOWN_REVIEWED',
  'LIST2',
  'DISTRICT_APPROVED',
  'LIST3',
  'AGREEMENT_SIGNED',
  'IN_CONSTRUCTION',
  'ACCEPTED',
  'PAID',
  'CLOSED',
] as const;

export const FigureKey = z.string().regex(/^[a-z][a-zA-Z0-9_.-]{0,63}$/, { message: '指标键须以小写字母开头，仅含字母、数字、点、下划线或连字符' });
export const Figures = z
  .record(FigureKey, z.number().finite().nonnegative({ message: '填报数值不能为负数' }))
  .refine((figures) => Object.keys(figures).length > 0 && Object.keys(figures).length <= 200, { message: '须填报1—200项指标' });

export interface FilingRecord {
  jurisdiction: string;
  period: string;
  form: FilingForm;
  filer: string;
  figures: Record<string, number>;
  filedAt: string;
  filedOn: string;
  due: string;
  late: boolean;
  daysLate: number;
  /** Number of corrections after the first filing. */
  corrections: number;
  reason?: string;
}

/** Who files, for which county: a department files as `dept:<code>`, a town as `town:<region>`. */
export function filerOf(claims: { role: Role; region: string; department?: string | undefined }): { filer: string; jurisdiction: string } {
  // A city department files for its city (the targets of seeds 003 and 004 are a city's).
  const county = countyOf(claims.region) ?? (claims.role === 'department' && regionLevel(claims.region) === 'city' ? claims.region : undefined);
  if (!county) throw new DomainError('FILER_REGION_INVALID', '填报单位须属于某个区县', 403);
  if (claims.role === 'department') {
    if (!claims.department) throw new DomainError('DEPARTMENT_CLAIM_MISSING', '登录凭证缺少部门信息，无法填报', 403);
    return { filer: `dept:${claims.department}`, jurisdiction: county };
  }
  if (claims.role === 'town') return { filer: `town:${claims.region}`, jurisdiction: county };
  throw new DomainError('FORBIDDEN', '仅职能部门和镇（街）可填报月调度数据', 403);
}

/**
 * Due date: the form's deadline of workflows.md §6 (the 5th of the next month for the monthly
 * figures [PROP], the first working day for dropouts, 002 T-8 L73), shifted to the next working
 * day when it falls on a statutory rest day.
 */
export function dueDate(form: FilingForm, period: string): string {
  return effectiveDue(obligationOf(form), period);
}

export function lateness(form: FilingForm, period: string, filedOn: string): { due: string; late: boolean; daysLate: number } {
  const due = dueDate(form, period);
  const daysLate = Math.max(0, daysBetween(due, filedOn));
  return { due, late: daysLate > 0, daysLate };
}

const badFigure = (key: string, reason: string) => new DomainError('FIGURE_INVALID', `指标 ${key}：${reason}`, 400, { key });

/** Figures are counts unless they are rates (`rate.*`, 0–100) or money (`*.fen`, integer fen). */
export function validateFigures(form: FilingForm, figures: Record<string, number>): void {
  for (const [key, value] of Object.entries(figures)) {
    if (key.startsWith('housing.step.')) {
      const step = key.slice('housing.step.'.length);
      if (!(HOUSING_STEPS as readonly string[]).includes(step)) throw badFigure(key, `未知的危房改造环节，可选：${HOUSING_STEPS.join('、')}`);
    }
    if (key.startsWith('rate.')) {
      if (value > 100) throw badFigure(key, '比率不能超过100');
    } else if (!Number.isInteger(value)) {
      throw badFigure(key, '计数或金额（分）须为整数');
    }
    if (form === 'dropout' && !key.startsWith('dropouts.')) throw badFigure(key, '辍学报告只能填报 dropouts.* 指标');
    if (key.startsWith('rate.progress.') && !/^rate\.progress\.\d{12}$/.test(key)) throw badFigure(key, '进度指标须为 rate.progress.<12位镇街代码>');
  }
}

/** A first filing, or a correction of an existing one (which must give a reason). */
export function decideFiling(existing: FilingRecord | undefined, correctionReason: string | undefined): 'create' | 'correct' {
  if (existing && correctionReason === undefined) {
    throw new DomainError('FILING_DUPLICATE', `本期已填报（${existing.filedOn}），如需更正请注明更正原因`, 409, { filedOn: existing.filedOn });
  }
  if (!existing && correctionReason !== undefined) throw new DomainError('NOTHING_TO_CORRECT', '本期尚未填报，无可更正的数据', 409);
  return existing ? 'correct' : 'create';
}
