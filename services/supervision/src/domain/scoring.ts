import { DomainError } from '@jingzhun/types';
import type { Indicator, Scheme } from './scheme.js';

/**
 * Scores a unit on a scheme, with the explanation of each point. Points are kept in tenths
 * (integers), so totals are exact; a ratio earns weight × achieved / due rounded half up to a
 * tenth (docs/supervision.md has a worked example).
 */
export type IndicatorInput = { code: string; points: number } | { code: string; achieved: number; due: number };

export interface IndicatorScore {
  code: string;
  name: string;
  weight: number;
  points: number;
  explanation: string;
}

export interface UnitScore {
  total: number;
  items: IndicatorScore[];
}

const tenths = (value: number) => Math.round(value * 10);
const show = (tenthsValue: number) => (tenthsValue / 10).toFixed(1);

/** weight × achieved / due in tenths, rounded half up, with integer arithmetic. */
export function ratioTenths(weight: number, achieved: number, due: number): number {
  const w = tenths(weight);
  return Math.floor((2 * w * achieved + due) / (2 * due));
}

function scoreOne(indicator: Indicator, input: IndicatorInput | undefined): IndicatorScore {
  const base = { code: indicator.code, name: indicator.name, weight: indicator.weight };
  if (!input) throw new DomainError('SCORE_MISSING', `缺少指标“${indicator.name}”的数据`, 422, { code: indicator.code });
  if (indicator.method === 'points') {
    if (!('points' in input)) throw new DomainError('SCORE_KIND', `指标“${indicator.name}”应直接评分`, 400, { code: indicator.code });
    if (!(input.points >= indicator.min && input.points <= indicator.max) || !Number.isInteger(input.points * 10))
      throw new DomainError('SCORE_OUT_OF_RANGE', `指标“${indicator.name}”的得分须在 ${indicator.min} 至 ${indicator.max} 分之间（最多一位小数）`, 400, {
        code: indicator.code,
        points: input.points,
      });
    const points = tenths(input.points);
    return { ...base, points: points / 10, explanation: `${indicator.basis}：${show(points)} 分（满分 ${indicator.weight} 分）` };
  }
  if (!('achieved' in input)) throw new DomainError('SCORE_KIND', `指标“${indicator.name}”应填写完成数和应完成数`, 400, { code: indicator.code });
  const { achieved, due } = input;
  if (!Number.isInteger(achieved) || !Number.isInteger(due) || achieved < 0 || due < 0 || achieved > due)
    throw new DomainError('SCORE_OUT_OF_RANGE', `指标“${indicator.name}”的完成数须为不大于应完成数的非负整数`, 400, { code: indicator.code, achieved, due });
  // Nothing due (no task, no item fell due): full points, the unit could not fall short.
  const points = due === 0 ? tenths(indicator.weight) : ratioTenths(indicator.weight, achieved, due);
  const clamped = Math.min(Math.max(points, tenths(indicator.min)), tenths(indicator.max));
  const figure = due === 0 ? '无应完成事项' : `${achieved}／${due}`;
  return { ...base, points: clamped / 10, explanation: `${indicator.basis}：${figure}，得 ${show(clamped)} 分（满分 ${indicator.weight} 分）` };
}

export function scoreUnit(scheme: Pick<Scheme, 'indicators'>, inputs: readonly IndicatorInput[]): UnitScore {
  const byCode = new Map(inputs.map((input) => [input.code, input]));
  for (const code of byCode.keys())
    if (!scheme.indicators.some((indicator) => indicator.code === code)) throw new DomainError('UNKNOWN_INDICATOR', `方案中没有该指标：${code}`, 400, { code });
  const items = scheme.indicators.map((indicator) => scoreOne(indicator, byCode.get(indicator.code)));
  const total = items.reduce((sum, item) => sum + tenths(item.points), 0) / 10;
  return { total, items };
}

/** Checks entered inputs against the scheme without needing all of them (partial entry). */
export function checkInputs(scheme: Pick<Scheme, 'indicators'>, inputs: readonly IndicatorInput[]): void {
  for (const input of inputs) {
    const indicator = scheme.indicators.find((candidate) => candidate.code === input.code);
    if (!indicator) throw new DomainError('UNKNOWN_INDICATOR', `方案中没有该指标：${input.code}`, 400, { code: input.code });
    scoreOne(indicator, input);
  }
}
