import { httpHandler } from '@jingzhun/platform';
import { CommonErrors, fundsApi, fundsEvents } from '@jingzhun/types';
import { requestDistributionDisclosure } from '../app/disclosure.js';
import { mayReadNames } from '../app/names.js';
import type { AssetRecord, DistributionRecord, Income } from '../app/records.js';
import { distributeIncome as split, validateIncome } from '../domain/assets.js';
import { benefitsOf, householdsByIds, writeBenefit } from '../store/households.js';
import { assetKeys, withinPrefix } from '../store/keys.js';
import { readAll, readOrFail } from '../store/records.js';
import { unitOfWork } from '../store/unit-of-work.js';
import { requireCounty } from './funds.js';

function assetItem(asset: AssetRecord) {
  return { ...assetKeys.item(asset.assetId), ...assetKeys.index(requireCounty(asset.region), asset.region, asset.assetId), entity: 'asset', ...asset };
}

async function loadAsset(assetId: string, assertInScope: (region: string) => void, expectedVersion?: number): Promise<AssetRecord> {
  const asset = await readOrFail<AssetRecord>(assetKeys.item(assetId), '资产');
  assertInScope(asset.region);
  if (expectedVersion !== undefined && asset.version !== expectedVersion) throw CommonErrors.versionConflict();
  return asset;
}

/** 资产登记管理台账 (seed 002 S-9 L51). */
export const listAssets = httpHandler(fundsApi.listAssets, async ({ query, assertInScope }) => {
  assertInScope(query.region);
  const items = await readAll<AssetRecord>({ index: 'gsi1', partition: assetKeys.ofCounty(requireCounty(query.region)), sortKeyPrefix: withinPrefix(query.region) });
  return { items };
});

export const getAsset = httpHandler(fundsApi.getAsset, async ({ params, assertInScope, staff }) => {
  const asset = await loadAsset(params.assetId, assertInScope);
  const incomes = await readAll<Income>({ partition: assetKeys.partition(asset.assetId), sortKeyPrefix: assetKeys.incomes() });
  const distributions = await readAll<DistributionRecord>({ partition: assetKeys.partition(asset.assetId), sortKeyPrefix: assetKeys.distributions() });
  // Heads' names are for the regional line only (see handlers/projects.ts withHeadNames).
  const named = mayReadNames(staff()) ? distributions : distributions.map((d) => ({ ...d, lines: d.lines.map(({ headName: _n, ...line }) => line) }));
  return { ...asset, incomes, distributions: named };
});

/** seed 002 S-9 L51 明确运管主体，落实管护责任: the operator, maintainer and supervisor of an asset. Only the fields named change. */
export const updateAssetManagers = httpHandler(fundsApi.updateAssetManagers, async ({ params, body, assertInScope, clock, ids, actor }) => {
  const asset = await loadAsset(params.assetId, assertInScope, body.expectedVersion);
  const next: AssetRecord = {
    ...asset,
    ...(body.operator !== undefined ? { operator: body.operator } : {}),
    ...(body.maintainer !== undefined ? { maintainer: body.maintainer } : {}),
    ...(body.supervisor !== undefined ? { supervisor: body.supervisor } : {}),
  };
  const uow = unitOfWork({ clock, ids, actor });
  const stored = uow.replace(assetItem(next));
  uow.audit({
    subject: assetKeys.subject(asset.assetId),
    action: 'asset.managers',
    before: { operator: asset.operator, maintainer: asset.maintainer, supervisor: asset.supervisor },
    after: { operator: next.operator, maintainer: next.maintainer, supervisor: next.supervisor },
    reason: body.reason,
  });
  await uow.commit();
  return { ...next, version: stored.version };
});

/** Income received by the asset (seed 004 SUB-76 L1272: PV fees monthly). A correction is a further entry, never an edit. */
export const recordIncome = httpHandler(fundsApi.recordIncome, async ({ params, body, staff, assertInScope, clock, ids, actor }) => {
  const asset = await loadAsset(params.assetId, assertInScope, body.expectedVersion);
  validateIncome(body.amountFen, body.period);
  const uow = unitOfWork({ clock, ids, actor });
  const income: Income = {
    incomeId: ids.next(),
    assetId: asset.assetId,
    period: body.period,
    amountFen: body.amountFen,
    source: body.source,
    evidence: body.evidence,
    at: uow.timestamp,
    by: staff().name,
  };
  uow.create({ ...assetKeys.income(asset.assetId, body.period, income.incomeId), entity: 'income', ...income });
  const next = { ...asset, recordedFen: asset.recordedFen + body.amountFen };
  const stored = uow.replace(assetItem(next));
  uow.audit({ subject: assetKeys.subject(asset.assetId), action: 'asset.income-recorded', after: income });
  await uow.commit();
  return { ...next, version: stored.version };
});

/**
 * Distributes recorded income by the asset's rule (seed 002 S-10 L51; domain/assets.ts): the
 * households' lines become facts on each household (its benefits, for the household card and
 * identification's income) and the village board lists them (asset-income notice). The asset's
 * version makes a second distribution of the same money at the same time fail.
 */
export const distributeIncome = httpHandler(fundsApi.distributeIncome, async ({ params, body, staff, assertInScope, clock, ids, actor }) => {
  const asset = await loadAsset(params.assetId, assertInScope, body.expectedVersion);
  const result = split(asset, body.amountFen);
  const households = await householdsByIds(result.lines.map((l) => l.householdId));
  const uow = unitOfWork({ clock, ids, actor });
  const distributedOn = uow.timestamp.slice(0, 10);
  const distribution: DistributionRecord = {
    distributionId: ids.next(),
    assetId: asset.assetId,
    period: body.period,
    ...result,
    lines: result.lines.map((line) => ({ ...line, ...(households.get(line.householdId) ? { headName: households.get(line.householdId)?.headName } : {}) })),
    distributedOn,
    by: staff().name,
  };
  uow.create({ ...assetKeys.distribution(asset.assetId, distribution.distributionId), entity: 'distribution', ...distribution });
  const next: AssetRecord = {
    ...asset,
    distributedFen: asset.distributedFen + body.amountFen,
    collectiveFen: { ...asset.collectiveFen, [result.collectiveFund]: (asset.collectiveFen[result.collectiveFund] ?? 0) + result.collectiveFen },
  };
  uow.replace(assetItem(next));
  for (const line of result.lines) {
    writeBenefit(uow, {
      householdId: line.householdId,
      distributionId: distribution.distributionId,
      assetId: asset.assetId,
      assetName: asset.name,
      period: body.period,
      amountFen: line.amountFen,
      link: line.link,
      incomeKind: line.incomeKind,
      distributedOn,
    });
  }
  uow.audit({ subject: assetKeys.subject(asset.assetId), action: 'asset.income-distributed', after: distribution });
  uow.emit(fundsEvents.incomeDistributed, assetKeys.subject(asset.assetId), {
    distributionId: distribution.distributionId,
    assetId: asset.assetId,
    assetName: asset.name,
    region: asset.region,
    period: body.period,
    distributedOn,
    collectiveFen: result.collectiveFen,
    collectiveFund: result.collectiveFund,
    lines: result.lines.map(({ householdId, amountFen, link, incomeKind }) => ({ householdId, amountFen, link, incomeKind })),
  });
  requestDistributionDisclosure(uow, next, distribution, households);
  await uow.commit();
  return distribution;
});

/** What a household received from project assets (the household card's 资产收益 lines). */
export const householdBenefits = httpHandler(fundsApi.householdBenefits, async ({ params, assertInScope }) => {
  const household = (await householdsByIds([params.householdId])).get(params.householdId);
  if (!household) throw CommonErrors.notFound('农户');
  assertInScope(household.region);
  const items = await benefitsOf(params.householdId);
  return { householdId: params.householdId, items, totalFen: items.reduce((sum, b) => sum + b.amountFen, 0) };
});
