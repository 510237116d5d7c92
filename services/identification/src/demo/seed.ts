import { systemClock } from '@jingzhun/platform';
import { DomainError } from '@jingzhun/types';
import { buildDirectory } from '../domain/regions.js';
import { createHousehold, unitOfWork } from '../store/households.js';
import { idGuardKey } from '../store/keys.js';
import { putRegions } from '../store/regions.js';
import { seedCaseworkDemo } from './casework.js';
import { seedCollectiveDemo } from './collective.js';
import { demoHouseholds } from './households.js';
import { taierzhuangDirectory } from './taierzhuang.js';

/** Villages with a demo sign-in get 20 households; the other key villages 6. */
const DEMO_VILLAGES = new Set(['370405103201', '370405102201', '370405101201']);
const actor = { sub: 'demo-loader', role: 'county', name: '演示数据' };

/**
 * Demo data for `npm start`: the Tai'erzhuang directory and deterministic households in every key
 * village, written through the domain and store (one transaction each: household, ID-number
 * guards, audit, event) so subsidy and dispatch receive the household events. Idempotent.
 */
export async function seedDemo(): Promise<{ regions: number; households: number; casework: { cases: number; aid: number } }> {
  const regions = buildDirectory(taierzhuangDirectory());
  await putRegions(regions);
  const villages = regions.filter((region) => region.level === 'village');
  const records = villages.flatMap((village, index) => demoHouseholds(village.code, DEMO_VILLAGES.has(village.code) ? 20 : 6, index));
  let written = 0;
  for (let start = 0; start < records.length; start += 16) {
    await Promise.all(
      records.slice(start, start + 16).map(async (record) => {
        const uow = unitOfWork(systemClock, { next: counter(record.householdId) }, actor);
        const published = record.status !== 'APPLYING' && record.status !== 'REJECTED';
        const events = !published ? [] : record.status === 'MONITORED' ? (['registered', 'monitoring'] as const) : (['registered'] as const);
        createHousehold(uow, record, 'MIGRATE', events);
        for (const member of record.members) uow.create({ ...idGuardKey(member.idNumber), entity: 'id-guard', householdId: record.householdId, memberId: member.memberId });
        try {
          await uow.commit();
          written++;
        } catch (error) {
          if (!(error instanceof DomainError && error.code === 'ALREADY_EXISTS') && !(error instanceof DomainError && error.code === 'VERSION_CONFLICT')) throw error;
        }
      }),
    );
  }
  // 民政 case work (issue 20): the 低保/特困 flags above rest on cases.
  const casework = await seedCaseworkDemo(records);
  // The village collective economy ledger (issue 20).
  await seedCollectiveDemo(villages);
  return { regions: regions.length, households: written, casework };
}

/** Deterministic event and audit ids per household (ULID-shaped, so re-runs collide instead of duplicating). */
function counter(prefix: string): () => string {
  let n = 0;
  return () => `${prefix.slice(0, 22)}${String(n++).padStart(4, '0')}`;
}
