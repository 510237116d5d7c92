import { httpHandler } from '@jingzhun/platform';
import { fundsApi, shanghaiDate } from '@jingzhun/types';
import type { AssetRecord, Fund, Payment, Pot, ProjectRecord } from '../app/records.js';
import { expenditureProgress, monitoringFlags } from '../domain/monitoring.js';
import { householdsByIds } from '../store/households.js';
import { assetKeys, fundKeys, potKeys, projectKeys, withinPrefix } from '../store/keys.js';
import { read, readAll } from '../store/records.js';
import { requireCounty } from './funds.js';

/**
 * The checks of seed 004 L411/L774 and the expenditure progress of SCH-02 L408 over the region's
 * pots, projects, payments and assets (domain/monitoring.ts), computed on read from the ledger.
 */
export const monitoring = httpHandler(fundsApi.monitoring, async ({ query, assertInScope, clock }) => {
  assertInScope(query.region);
  const county = requireCounty(query.region);
  const today = shanghaiDate(clock.now());
  const prefix = withinPrefix(query.region);
  const [pots, projects, assets] = await Promise.all([
    readAll<Pot>({ index: 'gsi1', partition: potKeys.ofCounty(county), sortKeyPrefix: prefix }),
    readAll<ProjectRecord>({ index: 'gsi1', partition: projectKeys.ofCounty(county), sortKeyPrefix: prefix }),
    readAll<AssetRecord>({ index: 'gsi1', partition: assetKeys.ofCounty(county), sortKeyPrefix: prefix }),
  ]);
  const funds = new Map<string, Fund>();
  for (const fundId of new Set(pots.map((p) => p.fundId))) {
    const fund = await read<Fund>(fundKeys.item(fundId));
    if (fund) funds.set(fundId, fund);
  }
  const payments = (await Promise.all(projects.map((p) => readAll<Payment>({ partition: projectKeys.partition(p.projectId), sortKeyPrefix: projectKeys.payments() })))).flat();
  const households = await householdsByIds(projects.flatMap((p) => p.beneficiaries.map((b) => b.householdId)));
  const potViews = pots.map((pot) => ({ ...pot, fundTitle: funds.get(pot.fundId)?.title ?? pot.fundId, year: funds.get(pot.fundId)?.year ?? Number(today.slice(0, 4)) }));
  const flags = monitoringFlags({
    today,
    pots: potViews,
    projects: projects.map((p) => ({
      projectId: p.projectId,
      name: p.name,
      region: p.region,
      state: p.state,
      stateSince: p.stateSince,
      plannedEnd: p.plannedEnd,
      implementer: p.implementer,
      budgetFen: p.budgetFen,
      disbursedFen: p.disbursedFen,
      progressPercent: p.milestones.at(-1)?.progressPercent ?? 0,
      beneficiaries: p.beneficiaries.map((b) => b.householdId),
    })),
    payments,
    assets,
    householdStatus: new Map([...households.values()].map((h) => [h.householdId, h.status])),
  });
  const progress = potViews.map((pot) => ({ potId: pot.potId, fundTitle: pot.fundTitle, region: pot.region, disbursedFen: pot.disbursedFen, ...expenditureProgress(pot, today) }));
  return { today, progress, flags };
});
