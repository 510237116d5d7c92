import { httpHandler } from '@jingzhun/platform';
import { CommonErrors, DomainError, subsidyApi } from '@jingzhun/types';
import { currentCatalog } from '../catalog/index.js';
import { computeHousehold, totalFen } from '../domain/engine.js';
import { householdInput } from '../domain/facts.js';
import { requireJurisdiction } from '../domain/jurisdiction.js';
import { ABSURD_FEN } from '../domain/parameters.js';
import { currentParameters } from '../store/parameters.js';
import { getHousehold } from '../store/projection.js';
import { standardsInForce } from '../store/standards.js';

/** POST /subsidy/quote: what one household gets for a period and why (every line cites its rule). */
export const quote = httpHandler(subsidyApi.quote, async ({ body, assertInScope }) => {
  const catalog = currentCatalog();
  const household = await getHousehold(body.householdId);
  if (!household) throw CommonErrors.notFound('户');
  assertInScope(household.region);
  const jurisdiction = requireJurisdiction(household.region);
  for (const id of body.items ?? []) {
    const compiled = catalog.items.get(id);
    if (!compiled)
      throw new DomainError('UNKNOWN_ITEM', `政策项目 ${id} 不存在`, 400, {
        item: id,
      });
    if (compiled.item.jurisdiction !== jurisdiction) throw new DomainError('ITEM_NOT_IN_JURISDICTION', `政策项目 ${id} 不适用于 ${jurisdiction}`, 400, { item: id });
  }
  const memberIds = new Set(household.snapshot.members.map((m) => m.memberId));
  for (const claim of body.claims) {
    const compiled = catalog.items.get(claim.itemId);
    if (!compiled) throw new DomainError('UNKNOWN_ITEM', `政策项目 ${claim.itemId} 不存在`, 400, { item: claim.itemId });
    if (compiled.item.jurisdiction !== jurisdiction)
      throw new DomainError('ITEM_NOT_IN_JURISDICTION', `政策项目 ${claim.itemId} 不适用于 ${jurisdiction}`, 400, { item: claim.itemId });
    if (claim.memberId && !memberIds.has(claim.memberId)) throw new DomainError('UNKNOWN_MEMBER', `成员 ${claim.memberId} 不在该户`, 400, { member: claim.memberId });
    for (const [name, value] of Object.entries(claim.facts)) {
      const fact = catalog.catalog.facts[name];
      if (!fact) throw new DomainError('UNKNOWN_FACT', `事实 ${name} 不在政策目录中`, 400, { fact: name });
      if (value === null) continue;
      if (fact.type === 'yuan') {
        if (typeof value !== 'number' || !Number.isInteger(value)) throw new DomainError('AMOUNT_NOT_FEN', `${name} 为金额，须为整数分`, 400, { fact: name });
        if (value < 0) throw new DomainError('AMOUNT_NEGATIVE', `${name} 不能为负数`, 400, { fact: name, value });
        if (value > ABSURD_FEN) throw new DomainError('AMOUNT_ABSURD', `${name} 金额过大（超过 1 亿元），请核对单位（分）`, 400, { fact: name, value });
      } else if ((fact.type === 'number' || fact.type === 'ratio') && (typeof value !== 'number' || value < 0 || !Number.isFinite(value))) {
        throw new DomainError('FACT_INVALID', `${name} 须为非负数`, 400, {
          fact: name,
          value,
        });
      } else if (fact.type === 'boolean' && typeof value !== 'boolean') {
        throw new DomainError('FACT_INVALID', `${name} 须为 true 或 false`, 400, { fact: name, value });
      }
    }
  }
  const [{ set: params }, standards] = await Promise.all([currentParameters(jurisdiction), standardsInForce(jurisdiction, body.period)]);
  const claims = body.claims.map((c) => ({
    itemId: c.itemId,
    ...(c.memberId ? { memberId: c.memberId } : {}),
    facts: c.facts,
  }));
  const lines = computeHousehold(
    catalog,
    jurisdiction,
    body.period,
    householdInput(household.snapshot, body.period, claims),
    params,
    body.items ? { itemIds: body.items } : {},
    standards,
  );
  return {
    householdId: household.householdId,
    period: body.period,
    jurisdiction,
    catalogVersion: catalog.versionId,
    parametersVersion: params.version,
    standardVersions: Object.fromEntries([...standards].map(([itemId, v]) => [itemId, v.version])),
    totalFen: totalFen(lines),
    lines,
    notQuantified: catalog.catalog.unquantified
      .filter((u) => u.jurisdiction === jurisdiction)
      .map((u) => ({
        id: u.id,
        nameZh: u.nameZh,
        source: {
          seed: u.source.seed,
          lines: u.source.lines,
          rule: u.source.rule,
        },
      })),
  };
});
