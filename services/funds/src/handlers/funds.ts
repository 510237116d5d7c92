import { httpHandler } from '@jingzhun/platform';
import { CommonErrors, DomainError, fundsApi, fundsEvents, isWithinRegion, regionLevel } from '@jingzhun/types';
import { requestAllocationDisclosure } from '../app/disclosure.js';
import { type LedgerEntry, postEntry } from '../app/ledger.js';
import type { Allocation, Fund, Pot } from '../app/records.js';
import { allocateByFactors, DEFAULT_FACTOR_SET } from '../domain/allocation.js';
import { potAccount, trialBalance, UPPER } from '../domain/ledger.js';
import { factorSetsOf, factorSetVersion } from '../store/factors.js';
import { allocationKeys, countyOf, entryKeys, fundKeys, potIdOf, potKeys, withinPrefix } from '../store/keys.js';
import { read, readAll, readOrFail, readPage } from '../store/records.js';
import { unitOfWork } from '../store/unit-of-work.js';

/** The county a funds route works in: funds are received and allocated at county level and below. */
export function requireCounty(region: string): string {
  const county = countyOf(region);
  if (!county) throw new DomainError('REGION_LEVEL_NOT_ALLOWED', '扶贫资金按县（区）及以下区划管理，请选择县（区）、镇（街）或村', 400, { region });
  return county;
}

export function newPot(fundId: string, region: string, arrivedOn: string): Pot {
  return {
    potId: potIdOf(fundId, region),
    fundId,
    region,
    inFen: 0,
    availableFen: 0,
    allocatedOutFen: 0,
    committedFen: 0,
    disbursedFen: 0,
    arrivedOn,
    lastCommittedOn: null,
    version: 0,
  };
}

/** Writes a pot: created when new (version 0), else conditional on the version read. */
export function savePot(uow: Parameters<typeof postEntry>[0], pot: Pot): void {
  const county = requireCounty(pot.region);
  const item = { ...potKeys.item(pot.fundId, pot.region), ...potKeys.index(county, pot.region, pot.fundId), entity: 'pot', ...pot };
  if (pot.version === 0) {
    const { version: _v, ...fresh } = item;
    uow.create(fresh, new DomainError('VERSION_CONFLICT', '数据已被他人修改，请刷新后重试', 409));
  } else uow.replace(item);
}

async function detail(fund: Fund) {
  const pots = await readAll<Pot>({ partition: fundKeys.partition(fund.fundId), sortKeyPrefix: potKeys.ofFund() });
  const allocations = await readAll<Allocation>({ partition: fundKeys.partition(fund.fundId), sortKeyPrefix: allocationKeys.ofFund() });
  return { ...fund, pots, allocations };
}

/** seed 004 PUB-01 L409 and SUB-87 L405: a fund received (上级下达 or 本级安排) is the first entry of the ledger. */
export const receiveFund = httpHandler(fundsApi.receiveFund, async ({ body, assertInScope, staff, clock, ids, actor }) => {
  if (regionLevel(body.region) !== 'county') throw new DomainError('REGION_LEVEL_NOT_ALLOWED', '资金到位登记在县（区）一级，再按因素法切块分配', 400);
  assertInScope(body.region);
  const claims = staff();
  const fundId = ids.next();
  const fund: Fund = { fundId, ...body, createdBy: claims.name };
  const uow = unitOfWork({ clock, ids, actor });
  const pot = newPot(fundId, body.region, body.receivedOn);
  const balances = postEntry(
    uow,
    {},
    { kind: 'received', from: UPPER, to: potAccount(pot.potId), amountFen: body.amountFen },
    { entryId: ids.next(), fundId, on: body.receivedOn, by: claims.name, note: `${body.documentNo} ${body.title}` },
  );
  const updated: Pot = { ...pot, inFen: body.amountFen, availableFen: balances[potAccount(pot.potId)] ?? 0 };
  uow.create({ ...fundKeys.item(fundId), ...fundKeys.index(body.region, body.year, fundId), entity: 'fund', ...fund });
  savePot(uow, updated);
  uow.audit({ subject: fundKeys.subject(fundId), action: 'fund.received', after: fund });
  uow.emit(fundsEvents.fundReceived, fundKeys.subject(fundId), {
    fundId,
    region: body.region,
    year: body.year,
    title: body.title,
    amountFen: body.amountFen,
    receivedOn: body.receivedOn,
  });
  await uow.commit();
  return { ...fund, pots: [{ ...updated, version: 1 }], allocations: [] };
});

/** The region's funds: a county sees its funds; a town or village the funds with a pot in its region. */
export const listFunds = httpHandler(fundsApi.listFunds, async ({ query, assertInScope }) => {
  assertInScope(query.region);
  const county = requireCounty(query.region);
  const pots = await readAll<Pot>({ index: 'gsi1', partition: potKeys.ofCounty(county), sortKeyPrefix: withinPrefix(query.region) });
  const byFund = new Map<string, Pot[]>();
  for (const pot of pots) byFund.set(pot.fundId, [...(byFund.get(pot.fundId) ?? []), pot]);
  const funds = await Promise.all([...byFund.keys()].map((fundId) => read<Fund>(fundKeys.item(fundId))));
  const items = funds
    .filter((fund): fund is Fund => fund !== undefined && (query.year === undefined || fund.year === query.year))
    .sort((a, b) => (a.receivedOn < b.receivedOn ? -1 : a.receivedOn > b.receivedOn ? 1 : a.fundId < b.fundId ? -1 : 1))
    .map((fund) => ({ ...fund, pots: byFund.get(fund.fundId) ?? [] }));
  return { items };
});

export const getFund = httpHandler(fundsApi.getFund, async ({ params, assertInScope }) => {
  const fund = await readOrFail<Fund>(fundKeys.item(params.fundId), '资金');
  assertInScope(fund.region);
  return detail(fund);
});

export const listEntries = httpHandler(fundsApi.listEntries, async ({ params, query, assertInScope }) => {
  const fund = await readOrFail<Fund>(fundKeys.item(params.fundId), '资金');
  assertInScope(fund.region);
  const page = await readPage<LedgerEntry>({ partition: entryKeys.partition(params.fundId), limit: query.limit, cursor: query.cursor });
  // The fund's books balance: what it received equals what its pots hold, plus committed and disbursed.
  const pots = await readAll<Pot>({ partition: fundKeys.partition(fund.fundId), sortKeyPrefix: potKeys.ofFund() });
  const balances: Record<string, number> = { [UPPER]: -fund.amountFen };
  for (const pot of pots) {
    balances[potAccount(pot.potId)] = pot.availableFen;
    balances[`committed:*:${pot.potId}`] = pot.committedFen - pot.disbursedFen;
    balances[`disbursed:*:${pot.potId}`] = pot.disbursedFen;
  }
  const trial = trialBalance(balances);
  return { ...page, balanced: trial.sumFen === 0 && trial.negative.length === 0 };
});

// ── Factor sets ─────────────────────────────────────────────────────────────────────────────

export const getFactorSet = httpHandler(fundsApi.getFactorSet, async ({ params, assertInScope }) => {
  assertInScope(params.region);
  const county = requireCounty(params.region);
  const versions = await factorSetsOf(county);
  return { current: versions.at(-1) ?? DEFAULT_FACTOR_SET, versions };
});

export const putFactorSet = httpHandler(fundsApi.putFactorSet, async ({ params, body, assertInScope, staff, clock, ids, actor }) => {
  assertInScope(params.region);
  if (regionLevel(params.region) !== 'county') throw new DomainError('REGION_LEVEL_NOT_ALLOWED', '分配因素由县（区）扶贫办设定', 400);
  const versions = await factorSetsOf(params.region);
  const current = versions.at(-1)?.version ?? DEFAULT_FACTOR_SET.version;
  if (body.expectedVersion !== current) throw CommonErrors.versionConflict();
  const next = { id: DEFAULT_FACTOR_SET.id, version: current + 1, nameZh: body.nameZh, factors: body.factors, basis: body.basis };
  allocateByFactors(1, next, [{ region: params.region, values: Object.fromEntries(next.factors.map((f) => [f.code, 1])) }]); // validates the set
  const uow = unitOfWork({ clock, ids, actor });
  factorSetVersion(uow, params.region, { ...next, by: staff().name, at: uow.timestamp }, versions.length === 0);
  uow.audit({ subject: `FACTORS#${params.region}`, action: 'factors.versioned', before: versions.at(-1) ?? DEFAULT_FACTOR_SET, after: next, reason: body.basis });
  await uow.commit();
  return next;
});

// ── Allocation ──────────────────────────────────────────────────────────────────────────────

type AllocationInput = typeof fundsApi.allocateFund.body._zod.output;

async function computeAllocation(fundId: string, body: Omit<AllocationInput, 'expectedPotVersion'>, assertInScope: (region: string) => void) {
  const fund = await readOrFail<Fund>(fundKeys.item(fundId), '资金');
  assertInScope(body.fromRegion);
  const county = requireCounty(body.fromRegion);
  if (county !== fund.region) throw new DomainError('POT_NOT_FOUND', '该资金不在此县（区）', 404);
  for (const recipient of body.recipients) {
    if (!isWithinRegion(recipient.region, body.fromRegion) || recipient.region === body.fromRegion) {
      throw new DomainError('ALLOCATION_RECIPIENT_OUTSIDE', `分配对象「${recipient.name}」不在${body.fromRegion}的下级区划内`, 400, { region: recipient.region });
    }
  }
  const versions = await factorSetsOf(county);
  const set =
    versions.find((v) => v.version === body.factorSetVersion) ?? (body.factorSetVersion === DEFAULT_FACTOR_SET.version && versions.length === 0 ? DEFAULT_FACTOR_SET : undefined);
  if (!set) throw new DomainError('FACTOR_SET_NOT_FOUND', `分配因素第 ${body.factorSetVersion} 版不存在`, 404);
  const names = new Map<string, string>(body.recipients.map((r) => [r.region, r.name]));
  const lines = allocateByFactors(body.amountFen, set, body.recipients).map((line) => ({ ...line, name: names.get(line.region) ?? line.region }));
  return { fund, set, lines };
}

export const previewAllocation = httpHandler(fundsApi.previewAllocation, async ({ params, body, assertInScope }) => {
  const { lines } = await computeAllocation(params.fundId, body, assertInScope);
  return { lines };
});

/**
 * seed 004 SUB-85 L407: 因素法切块分配; the result is published at once (PUB-01 L409 "分配结果一律公开").
 * The source pot's version guards against a second allocation from the same money at the same time.
 */
export const allocateFund = httpHandler(fundsApi.allocateFund, async ({ params, body, assertInScope, staff, clock, ids, actor }) => {
  const { fund, set, lines } = await computeAllocation(params.fundId, body, assertInScope);
  const source = await read<Pot>(potKeys.item(fund.fundId, body.fromRegion));
  if (!source) throw new DomainError('POT_NOT_FOUND', '该区划没有这笔资金的可分配余额', 404);
  if (source.version !== body.expectedPotVersion) throw CommonErrors.versionConflict();
  const claims = staff();
  const uow = unitOfWork({ clock, ids, actor });
  const on = uow.timestamp.slice(0, 10);
  const allocationId = ids.next();
  let balances: Record<string, number> = { [potAccount(source.potId)]: source.availableFen };
  const targets: Pot[] = [];
  for (const line of lines) {
    if (line.amountFen === 0) continue;
    const target = (await read<Pot>(potKeys.item(fund.fundId, line.region))) ?? newPot(fund.fundId, line.region, on);
    balances[potAccount(target.potId)] = target.availableFen;
    balances = postEntry(
      uow,
      balances,
      { kind: 'allocated', from: potAccount(source.potId), to: potAccount(target.potId), amountFen: line.amountFen },
      {
        entryId: ids.next(),
        fundId: fund.fundId,
        on,
        by: claims.name,
        note: `因素法分配 ${line.name}`,
      },
    );
    targets.push({ ...target, inFen: target.inFen + line.amountFen, availableFen: balances[potAccount(target.potId)] ?? 0 });
  }
  savePot(uow, { ...source, availableFen: balances[potAccount(source.potId)] ?? 0, allocatedOutFen: source.allocatedOutFen + body.amountFen });
  for (const target of targets) savePot(uow, target);
  const allocation: Allocation = {
    allocationId,
    fundId: fund.fundId,
    fromRegion: body.fromRegion,
    amountFen: body.amountFen,
    factorSet: { id: set.id, version: set.version },
    lines,
    allocatedOn: on,
    by: claims.name,
  };
  uow.create({ ...allocationKeys.item(fund.fundId, allocationId), entity: 'allocation', ...allocation });
  uow.audit({ subject: fundKeys.subject(fund.fundId), action: 'fund.allocated', after: allocation });
  uow.emit(fundsEvents.allocationMade, fundKeys.subject(fund.fundId), {
    allocationId,
    fundId: fund.fundId,
    region: body.fromRegion,
    allocatedOn: on,
    lines: lines.map((l) => ({ region: l.region, amountFen: l.amountFen })),
  });
  requestAllocationDisclosure(uow, fund, allocation);
  await uow.commit();
  return allocation;
});
