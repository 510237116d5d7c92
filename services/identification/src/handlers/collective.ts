import { type Actor, type Clock, eventHandler, getItem, httpHandler, type IdGenerator, queryAll } from '@jingzhun/platform';
import { collectiveApi as api, type collectiveApi, DomainError, fundsEvents, shanghaiDate } from '@jingzhun/types';
import { COLLECTIVE_SOURCE_ZH, type CollectiveIncomeEntry, isVillageCode, summarise, validateEntry, yearOfPeriod } from '../domain/collective-economy.js';
import { auditRefusal } from '../store/casework.js';
import { table, unitOfWork } from '../store/households.js';
import { collectiveKeys } from '../store/keys.js';
import { getRegion } from '../store/regions.js';

/**
 * The village collective economy ledger (issue 20; seed 004 L75 村级集体经济台账, 002 T-11 L101,
 * 003 EX-3 L99): read by the village's regional line, entered by the town or the county, and the
 * village collective's share of each funds distribution recorded once per distribution.
 */

type EntryItem = CollectiveIncomeEntry & { pk: string; sk: string; entity: string; version: number };
const subject = (village: string) => `COLLECTIVE#${village}`;

export async function ledgerEntries(village: string): Promise<CollectiveIncomeEntry[]> {
  const items = await queryAll<EntryItem>({ table: table(), partition: collectiveKeys.village(village) });
  return items.map(({ pk: _pk, sk: _sk, entity: _e, version: _v, ...entry }) => entry as CollectiveIncomeEntry);
}

/** The year's collective income of a village from the ledger (what village exit checks). */
export async function collectiveIncomeOf(village: string, year: number): Promise<number> {
  return (await ledgerEntries(village)).filter((e) => e.year === year).reduce((sum, e) => sum + e.amountFen, 0);
}

async function ledgerView(village: string, today: string): Promise<collectiveApi.CollectiveLedger> {
  const [entries, region] = await Promise.all([ledgerEntries(village), getRegion(village)]);
  // The years from the first to the last entry, so a year without income in between shows as 空壳村;
  // a village without any entry shows this year as such.
  const recorded = entries.map((e) => e.year);
  const span = recorded.length === 0 ? [Number(today.slice(0, 4))] : range(Math.min(...recorded), Math.max(...recorded));
  const years = summarise(village, entries, span);
  return {
    village,
    villageName: region?.name ?? '（未登记村名）',
    years: years.map((y) => ({ ...y, bySource: y.bySource.map((s) => ({ ...s, sourceZh: COLLECTIVE_SOURCE_ZH[s.source] })) })),
    entries: entries
      .sort((a, b) => b.year - a.year || b.recordedOn.localeCompare(a.recordedOn))
      .map((e) => ({
        entryId: e.entryId,
        year: e.year,
        source: e.source,
        sourceZh: COLLECTIVE_SOURCE_ZH[e.source],
        amountFen: e.amountFen,
        note: e.note,
        recordedOn: e.recordedOn,
        by: e.by,
        fromFunds: e.distributionId !== undefined,
      })),
  };
}

const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => from + i);

export const getLedger = httpHandler(api.getLedger, async ({ params, assertInScope, clock }) => {
  assertInScope(params.code);
  return ledgerView(params.code, shanghaiDate(clock.now()));
});

async function audited<T>(village: string, deps: { clock: Clock; ids: IdGenerator; actor: Actor }, detail: Record<string, unknown>, run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    if (error instanceof DomainError && error.status >= 400 && error.status < 500) {
      const uow = unitOfWork(deps.clock, deps.ids, deps.actor);
      auditRefusal(uow, subject(village), 'COLLECTIVE_INCOME_RECORD', error, detail);
      await uow.commit();
    }
    throw error;
  }
}

export const recordIncome = httpHandler(api.recordIncome, async ({ params, body, staff, actor, assertInScope, clock, ids }) => {
  assertInScope(params.code);
  const today = shanghaiDate(clock.now());
  return audited(params.code, { clock, ids, actor }, { year: body.year, source: body.source, amountFen: body.amountFen }, async () => {
    validateEntry(body, today);
    const entry: CollectiveIncomeEntry = {
      entryId: ids.next(),
      village: params.code,
      year: body.year,
      source: body.source,
      amountFen: body.amountFen,
      note: body.note,
      recordedOn: today,
      by: staff().name,
    };
    const uow = unitOfWork(clock, ids, actor);
    uow.create({ ...collectiveKeys.entry(params.code, body.year, entry.entryId), entity: 'collective-income', ...entry });
    uow.audit({ subject: subject(params.code), action: 'COLLECTIVE_INCOME_RECORDED', after: entry });
    await uow.commit();
    return ledgerView(params.code, today);
  });
});

const SYSTEM = { sub: 'system:funds', role: 'system', name: '资产收益分配' };

/**
 * funds.income.distributed: the village collective's share (collectiveFen) lands in the ledger as
 * 资产收益 of the period's year, once per distribution (keyed by its id; a redelivery finds it and
 * only marks the event consumed). A distribution of an asset held above village level, or with no
 * collective share, records nothing.
 */
export const onIncomeDistributed = eventHandler('identification-collective-income', async (envelope, ctx) => {
  const data = fundsEvents.incomeDistributed.data.parse(envelope.data);
  const uow = unitOfWork(ctx.clock, ctx.ids, SYSTEM);
  if (data.collectiveFen > 0 && isVillageCode(data.region)) {
    const year = yearOfPeriod(data.period);
    const key = collectiveKeys.distribution(data.region, year, data.distributionId);
    if (!(await getItem(table(), key))) {
      const entry: CollectiveIncomeEntry = {
        entryId: `DIST-${data.distributionId}`,
        village: data.region,
        year,
        source: 'asset-income',
        amountFen: data.collectiveFen,
        note: `${data.assetName} ${data.period} 收益村集体留存`,
        recordedOn: data.distributedOn,
        by: SYSTEM.name,
        distributionId: data.distributionId,
      };
      uow.create({ ...key, entity: 'collective-income', ...entry });
      uow.audit({ subject: subject(data.region), action: 'COLLECTIVE_INCOME_FROM_FUNDS', after: entry });
    }
  }
  uow.markConsumed(ctx.consumer, envelope.id);
  await uow.commit();
});
