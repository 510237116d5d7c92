import { systemClock } from '@jingzhun/platform';
import { DomainError } from '@jingzhun/types';
import type { CollectiveIncomeEntry, CollectiveSource } from '../domain/collective-economy.js';
import { unitOfWork } from '../store/households.js';
import { collectiveKeys } from '../store/keys.js';

const actor = { sub: 'demo-loader', role: 'county', name: '演示数据' };

/** A village's demo lines: deterministic by its place in the directory; every fifth village has no 2019 income (空壳村). */
function linesOf(index: number): { year: number; source: CollectiveSource; amountFen: number; note: string }[] {
  const base = 800_000 + (index % 7) * 350_000;
  const lines: { year: number; source: CollectiveSource; amountFen: number; note: string }[] = [
    { year: 2018, source: 'contracting', amountFen: base, note: '集体机动地发包' },
    { year: 2018, source: 'leasing', amountFen: 600_000 + (index % 3) * 200_000, note: '村集体闲置厂房出租' },
  ];
  if (index % 5 !== 4) {
    lines.push({ year: 2019, source: 'contracting', amountFen: base + 200_000, note: '集体机动地发包' });
    lines.push({ year: 2019, source: 'operation', amountFen: 1_000_000 + (index % 4) * 500_000, note: '村办农机服务队经营' });
    if (index % 2 === 0) lines.push({ year: 2019, source: 'poverty-project', amountFen: 900_000, note: '扶贫车间租金收益' });
  }
  return lines;
}

/**
 * Demo lines of the collective economy ledger (seed 004 L75) for every village of the directory:
 * 2018 and 2019 income from 发包 and 租赁, 2019 also from 经营 and an 扶贫项目, and some villages
 * without 2019 income. Keys are deterministic, so a second load writes nothing.
 */
export async function seedCollectiveDemo(villages: readonly { code: string }[]): Promise<number> {
  const lines = villages.flatMap((village, index) => linesOf(index).map((line, n) => ({ village: village.code, line, n })));
  let written = 0;
  // Sixteen transactions at a time, like the households: one by one, the ledger alone took longer to load than the register.
  for (let start = 0; start < lines.length; start += 16) {
    const results = await Promise.all(lines.slice(start, start + 16).map(({ village, line, n }) => writeLine(village, line, n)));
    written += results.filter(Boolean).length;
  }
  return written;
}

async function writeLine(village: string, line: ReturnType<typeof linesOf>[number], n: number): Promise<boolean> {
  const entryId = `DEMO-${village}-${line.year}-${n}`;
  const entry: CollectiveIncomeEntry = { entryId, village, ...line, recordedOn: `${line.year}-12-20`, by: '演示数据' };
  const uow = unitOfWork(systemClock, { next: () => `01DM${village}${line.year}${n}`.padEnd(26, '0').slice(0, 26) }, actor);
  uow.create({ ...collectiveKeys.entry(village, line.year, entryId), entity: 'collective-income', ...entry });
  // Audited like an entry made in the console, so the loaded ledger carries its record too.
  uow.audit({ subject: `COLLECTIVE#${village}`, action: 'COLLECTIVE_INCOME_RECORDED', after: entry, reason: '演示数据' });
  try {
    await uow.commit();
    return true;
  } catch (error) {
    if (error instanceof DomainError && (error.code === 'ALREADY_EXISTS' || error.code === 'VERSION_CONFLICT')) return false;
    throw error;
  }
}
