import { EventAlreadyConsumed, type EventContext, eventHandler, getItem, platformKeys, queryAll } from '@jingzhun/platform';
import { DomainError, fundsEvents, type identificationApi } from '@jingzhun/types';
import { PUBLISHED } from '../domain/actions.js';
import { type BenefitFact, countLine, type DistributionLine, INCOME_CATEGORY_ZH, linkNameOf, notCountedZh, REFUSAL_ZH, type RefusalReason, refusalOf } from '../domain/benefits.js';
import { yearOfPeriod } from '../domain/collective-economy.js';
import { type HouseholdRecord, refresh } from '../domain/household.js';
import type { LineInput } from '../domain/poverty-lines.js';
import { type HouseholdItem, stripItem, table, unitOfWork, writeHousehold } from '../store/households.js';
import { householdKeys } from '../store/keys.js';
import { loadLineEntries } from '../store/reference.js';

/**
 * funds.income.distributed, the households' lines (issue 16; decision Identification 42): each line
 * becomes one benefit fact on its household (`HH#<id>` / `BENEFIT#<distributionId>`, created only if
 * absent: the idempotency guard per distribution and household), audited, and where it counts the
 * household's income of that year is raised in the same transaction (per-capita income, standard and
 * colour refreshed; `identification.household.changed` for a published household). A distribution has
 * up to 80 lines of 5 items each, more than one transaction holds (100), so each household is its own
 * transaction; refused lines (not in the register, outside the asset's region) are audited in the
 * last transaction with the consumed-event mark, so a redelivery writes them once.
 */

const SYSTEM = { sub: 'system:funds', role: 'system', name: '资产收益分配' };
const CONSUMER = 'identification-household-benefits';
const ALREADY_RECORDED = () => new DomainError('BENEFIT_RECORDED', '该户本次资产收益分配已记录', 409);
/** A household write conflicting with a cadre's edit at the same moment is read and tried again. */
const MAX_ATTEMPTS = 5;

type BenefitItem = BenefitFact & { pk: string; sk: string; entity: string; version: number };

export const onHouseholdIncomeDistributed = eventHandler(CONSUMER, async (envelope, ctx) => {
  // A redelivery of a handled event stops here (the final mark below would refuse it anyway).
  if (await getItem(table(), platformKeys.consumed(ctx.consumer, envelope.id))) throw new EventAlreadyConsumed(envelope.id);
  const data = fundsEvents.incomeDistributed.data.parse(envelope.data);
  const year = yearOfPeriod(data.period);
  const lines = await loadLineEntries();
  const refused: { householdId: string; amountFen: number; reason: RefusalReason }[] = [];
  for (const line of data.lines) {
    const outcome = await recordLine(
      {
        distributionId: data.distributionId,
        assetId: data.assetId,
        assetName: data.assetName,
        region: data.region,
        period: data.period,
        distributedOn: data.distributedOn,
        householdId: line.householdId,
        amountFen: line.amountFen,
        link: line.link,
        incomeKind: line.incomeKind,
      },
      year,
      lines,
      ctx,
    );
    if (outcome !== 'recorded' && outcome !== 'duplicate') refused.push({ householdId: line.householdId, amountFen: line.amountFen, reason: outcome });
  }
  const uow = unitOfWork(ctx.clock, ctx.ids, SYSTEM);
  for (const refusal of refused) {
    uow.audit({
      subject: householdKeys.distributionAuditSubject(data.distributionId),
      action: 'REFUSED:ASSET_INCOME_LINE',
      after: {
        code: refusal.reason,
        distributionId: data.distributionId,
        assetId: data.assetId,
        region: data.region,
        householdId: refusal.householdId,
        amountFen: refusal.amountFen,
      },
      reason: REFUSAL_ZH[refusal.reason],
    });
  }
  uow.markConsumed(ctx.consumer, envelope.id);
  await uow.commit();
});

async function recordLine(line: DistributionLine, year: number, lines: readonly LineInput[], ctx: EventContext): Promise<'recorded' | 'duplicate' | RefusalReason> {
  const key = householdKeys.benefit(line.householdId, line.distributionId);
  for (let attempt = 1; ; attempt++) {
    if (await getItem(table(), key)) return 'duplicate';
    const item = await getItem<HouseholdItem>(table(), householdKeys.item(line.householdId));
    const refusal = refusalOf(item, line);
    if (refusal || !item) return refusal ?? 'HOUSEHOLD_UNKNOWN';
    const record = stripItem(item);
    const counted = countLine(record, line, year);
    let fact = counted.fact;
    let next: HouseholdRecord | undefined;
    if (counted.income) {
      try {
        next = refresh({ ...record, income: counted.income }, lines);
      } catch (error) {
        // The register's own checks refuse the new record (no head, …): keep the fact, leave the income.
        if (!(error instanceof DomainError)) throw error;
        fact = { ...fact, income: { counted: false, reason: 'implausible' } };
      }
    }
    const uow = unitOfWork(ctx.clock, ctx.ids, SYSTEM);
    uow.create({ ...key, entity: 'asset-benefit', ...fact }, ALREADY_RECORDED());
    uow.audit({ subject: householdKeys.auditSubject(line.householdId), action: 'ASSET_INCOME_RECORDED', after: fact });
    if (next) {
      const reason = `${line.assetName} ${line.period} 资产收益 ${(line.amountFen / 100).toFixed(2)} 元计入 ${year} 年${INCOME_CATEGORY_ZH[line.incomeKind]}`;
      writeHousehold(uow, item, next, { action: 'ASSET_INCOME_COUNTED', reason }, PUBLISHED(next.status) ? ['changed'] : [], ['income']);
    }
    try {
      await uow.commit();
      return 'recorded';
    } catch (error) {
      if (error instanceof DomainError && error.code === 'BENEFIT_RECORDED') return 'duplicate';
      if (error instanceof DomainError && error.code === 'VERSION_CONFLICT' && attempt < MAX_ATTEMPTS) continue;
      throw error;
    }
  }
}

/** The household's distributions for its card, newest first. */
export async function distributionsOf(householdId: string): Promise<identificationApi.HouseholdDistribution[]> {
  const items = await queryAll<BenefitItem>({ table: table(), ...householdKeys.benefitsOf(householdId) });
  return items
    .sort((a, b) => b.distributedOn.localeCompare(a.distributedOn) || b.period.localeCompare(a.period) || b.distributionId.localeCompare(a.distributionId))
    .map((fact) => ({
      distributionId: fact.distributionId,
      assetId: fact.assetId,
      assetName: fact.assetName,
      period: fact.period,
      distributedOn: fact.distributedOn,
      amountFen: fact.amountFen,
      link: fact.link,
      linkZh: linkNameOf(fact.link),
      incomeKind: fact.incomeKind,
      incomeKindZh: INCOME_CATEGORY_ZH[fact.incomeKind],
      counted: fact.income.counted,
      ...(fact.income.counted ? { countedYear: fact.income.year } : { notCountedZh: notCountedZh(fact) }),
    }));
}
