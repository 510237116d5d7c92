import { DomainError } from '@jingzhun/types';
import { assertPossible, Target } from './targets.js';
import { SEED_TARGETS } from './targets-data.js';
import { DOCUMENT_TARGET_ROWS } from './targets-documents.js';

/**
 * The targets of all five documents (workflows.md §7), merged per jurisdiction and code. "When
 * sources disagree, all the figures are loaded and the target is flagged `conflict`" (§7): rows
 * of the same jurisdiction and code from different places (or documents) that agree become one
 * target citing every source; rows that differ in baseline, target or years become one target
 * (the first row's figures) whose `conflict` lists every row's figure with its source.
 */
const COMPARED = ['unit', 'baselineYear', 'baseline', 'targetYear', 'target'] as const;

const FIELD_ZH: Record<(typeof COMPARED)[number], string> = { unit: '单位', baselineYear: '基期年份', baseline: '基期值', targetYear: '目标年份', target: '目标值' };

export function mergeTargetRows(rows: readonly Target[]): Target[] {
  const groups = new Map<string, Target[]>();
  for (const row of rows) {
    const key = `${row.jurisdiction}#${row.code}`;
    groups.set(key, [...(groups.get(key) ?? []), row]);
  }
  return [...groups.values()].map((group) => {
    const [first, ...others] = group as [Target, ...Target[]];
    if (others.length === 0) return first;
    const differing = COMPARED.filter((field) => others.some((row) => row[field] !== first[field]));
    const source = [...new Set(group.map((row) => row.source))].join('；');
    if (differing.length === 0) return { ...first, source };
    const described = group.map((row) => `${differing.map((f) => `${FIELD_ZH[f]}${row[f]}`).join('、')}（${row.source}）`).join('；');
    return {
      ...first,
      source,
      conflict: {
        note: `来源不一致：${described}`,
        figures: [...(first.conflict?.figures ?? []), ...group.map((row) => ({ value: differing.includes('target') ? row.target : row.targetYear, source: row.source }))],
      },
    };
  });
}

/** A target must say where it comes from (issue 21: "a target without a source" → 4xx). */
export function assertSourced(target: Pick<Target, 'source' | 'code'>): void {
  if (target.source.trim().length < 2) throw new DomainError('TARGET_SOURCE_MISSING', `指标 ${target.code} 须注明来源（文件及条款、行号）`, 422, { field: 'source' });
}

/** Validates loaded rows as the PUT route validates an edit; a bad row stops the service from starting. */
export function validatedCatalogue(rows: readonly Target[]): Target[] {
  return mergeTargetRows(rows).map((row) => {
    const target = Target.parse(row);
    assertSourced(target);
    assertPossible(target);
    return target;
  });
}

export const DOCUMENT_TARGETS: readonly Target[] = validatedCatalogue([...SEED_TARGETS, ...Object.values(DOCUMENT_TARGET_ROWS).flat()]);

/** The jurisdictions that have targets of the documents. */
export const TARGET_JURISDICTIONS = [...new Set(DOCUMENT_TARGETS.map((t) => t.jurisdiction))].sort();
