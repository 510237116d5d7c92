/**
 * Eligibility over known and unknown facts (conventions `eligibility`): all conditions must hold;
 * anyOf holds if any element holds; allOf groups. Three-valued: a condition on an unknown fact is
 * `unknown`, so the line can say which fact is missing instead of paying zero or paying wrongly.
 * Boundaries are as written in the catalog (以上/以下 inclusive, 低于/超过 strict: gte/lte vs gt/lt).
 */
import type { Condition } from '../catalog/schema.js';

export type FactValue = number | string | boolean | null;
/** Known facts; an absent key is an unknown fact. `null` is a known "none" (e.g. no disability grade). */
export type Facts = Readonly<Record<string, FactValue | undefined>>;

export type Truth = 'true' | 'false' | 'unknown';

export interface EligibilityResult {
  truth: Truth;
  /** Facts whose absence made the result unknown. */
  missing: string[];
}

function compare(op: string, left: FactValue, right: unknown): boolean {
  switch (op) {
    case 'eq':
      return left === right;
    case 'ne':
      return left !== right;
    case 'in':
      return Array.isArray(right) && right.includes(left);
    case 'notIn':
      return Array.isArray(right) && !right.includes(left);
  }
  if (left === null || right === null || right === undefined) return false;
  if (typeof left !== typeof right) return false;
  const l = left as number | string;
  const r = right as number | string;
  switch (op) {
    case 'gt':
      return l > r;
    case 'gte':
      return l >= r;
    case 'lt':
      return l < r;
    case 'lte':
      return l <= r;
  }
  return false;
}

export function evaluateCondition(condition: Condition, facts: Facts): EligibilityResult {
  if ('anyOf' in condition) {
    const results = condition.anyOf.map((c) => evaluateCondition(c, facts));
    if (results.some((r) => r.truth === 'true')) return { truth: 'true', missing: [] };
    if (results.every((r) => r.truth === 'false')) return { truth: 'false', missing: [] };
    return {
      truth: 'unknown',
      missing: unique(results.flatMap((r) => r.missing)),
    };
  }
  if ('allOf' in condition) return evaluateAll(condition.allOf, facts);
  const left = facts[condition.fact];
  if (left === undefined) return { truth: 'unknown', missing: [condition.fact] };
  let right: unknown = condition.value;
  if (typeof right === 'object' && right !== null && !Array.isArray(right) && 'fact' in right) {
    const name = (right as { fact: string }).fact;
    right = facts[name];
    if (right === undefined) return { truth: 'unknown', missing: [name] };
  }
  return {
    truth: compare(condition.op, left, right) ? 'true' : 'false',
    missing: [],
  };
}

export function evaluateAll(conditions: readonly Condition[], facts: Facts): EligibilityResult {
  const results = conditions.map((c) => evaluateCondition(c, facts));
  if (results.some((r) => r.truth === 'false')) return { truth: 'false', missing: [] };
  if (results.every((r) => r.truth === 'true')) return { truth: 'true', missing: [] };
  return {
    truth: 'unknown',
    missing: unique(results.flatMap((r) => r.missing)),
  };
}

function unique(values: string[]): string[] {
  return [...new Set(values)];
}
