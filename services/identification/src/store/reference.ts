import { getItem, queryAll } from '@jingzhun/platform';
import type { NsysWindow } from '../domain/policy.js';
import type { LineInput, LineLevel } from '../domain/poverty-lines.js';
import { table } from './households.js';
import { lineKeys, windowKey } from './keys.js';

/** Poverty-line entries and CPIs entered by the county (the known values live in domain/poverty-lines.ts). */
export async function loadLineEntries(): Promise<LineInput[]> {
  const levels: LineLevel[] = ['national', 'provincial', 'municipal'];
  const all = await Promise.all(levels.map((level) => queryAll<LineInput & { pk: string }>({ table: table(), partition: lineKeys.ofLevel(level) })));
  return all
    .flat()
    .map(({ level, year, amountYuan, cpi, source }) => ({ level, year, source, ...(amountYuan !== undefined ? { amountYuan } : {}), ...(cpi !== undefined ? { cpi } : {}) }));
}

export type WindowItem = NsysWindow & { county: string; version: number };

export async function loadWindow(region: string): Promise<WindowItem | undefined> {
  return getItem<WindowItem>(table(), windowKey(region));
}
