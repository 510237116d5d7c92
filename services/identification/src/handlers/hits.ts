import { httpHandler, type Versioned } from '@jingzhun/platform';
import { readUpload } from '@jingzhun/platform/tabular';
import { CommonErrors, DomainError, identificationApi, isWithinRegion, shanghaiDate } from '@jingzhun/types';
import { PUBLISHED } from '../domain/actions.js';
import { applyHitDecision, assertMayDecide, assertMayImport, buildHits, parseDepartmentList } from '../domain/comparison.js';
import { refresh, viewOf } from '../domain/household.js';
import { comparedView, ownHits } from '../domain/read-access.js';
import { findGuards, loadHit } from '../store/hits.js';
import { assertVersion, type HitItem, type HouseholdItem, loadHits, loadHousehold, stripItem, unitOfWork, writeHousehold } from '../store/households.js';
import { householdKeys, importKey } from '../store/keys.js';
import { loadLineEntries } from '../store/reference.js';

function hitView(hit: HitItem): identificationApi.Hit {
  const { pk: _pk, sk: _sk, entity: _e, version: _v, updatedAt: _u, ...rest } = hit as HitItem & Record<string, unknown>;
  return rest as unknown as identificationApi.Hit;
}

export const listHits = httpHandler(identificationApi.listHits, async ({ params, assertInScope }) => {
  const household = await loadHousehold(params.householdId);
  assertInScope(household.region);
  return { items: (await loadHits(params.householdId)).map(hitView) };
});

/**
 * GET /comparisons/households/{id}: a department reads a household only when one of its own
 * comparison sources matched it, and then only the matched people and its own hits.
 */
export const getComparedHousehold = httpHandler(identificationApi.getComparedHousehold, async ({ params, staff, assertInScope }) => {
  const household = await loadHousehold(params.householdId);
  assertInScope(household.region);
  const hits = ownHits((await loadHits(params.householdId)).map(hitView), staff().department);
  if (hits.length === 0) throw new DomainError('NOT_OWN_HIT', '本部门的比对名单未命中该户，无权查看', 403);
  return comparedView(viewOf(household), hits);
});

/** POST /households/{id}/hits/{hitId}/review: confirm, dismiss (with the meeting's reason) or, for the county, override a block. */
export const reviewHit = httpHandler(identificationApi.reviewHit, async ({ params, body, staff, actor, assertInScope, clock, ids }) => {
  const item = await loadHousehold(params.householdId);
  assertInScope(item.region);
  assertVersion(item, body.version);
  const hit = await loadHit(params.householdId, params.hitId);
  if (!hit) throw CommonErrors.notFound('比对结果');
  const claims = staff();
  assertMayDecide(hit, body.outcome, claims.role);
  const decided = { ...hit, decision: { outcome: body.outcome, reason: body.reason, by: claims.name, at: clock.now().toISOString() } };
  const { household, changes } = applyHitDecision(stripItem(item), decided);
  const uow = unitOfWork(clock, ids, actor);
  uow.replace(decided as unknown as Versioned);
  const next = refresh(household, await loadLineEntries());
  // A department-owned fact taken from the list keeps the list as its evidence (004 ID-23 L904).
  if (changes.length > 0) {
    next.evidence = [
      ...next.evidence,
      { kind: 'comparison', ref: `${hit.source} ${hit.importId ?? hit.hitId}`, note: hit.detail, at: shanghaiDate(clock.now()), action: `HIT_${body.outcome.toUpperCase()}` },
    ];
  }
  const stored = writeHousehold(
    uow,
    item,
    next,
    { action: `HIT_${body.outcome.toUpperCase()}`, reason: body.reason },
    changes.length > 0 && PUBLISHED(next.status) ? ['changed'] : [],
    changes,
  );
  await uow.commit();
  return viewOf(stored);
});

const HOUSEHOLDS_PER_TRANSACTION = 20;

/**
 * POST /comparisons/imports: a department list is read (CSV or XLSX), every row checked; any broken
 * row rejects the whole upload with a per-row report (422) and nothing is written. Valid lists are
 * matched by ID number to the register; each match becomes a hit on the household, written with a
 * version bump of the household so a concurrent workflow step cannot miss it.
 */
export const importComparison = httpHandler(identificationApi.importComparison, async ({ body, staff, actor, assertInScope, clock, ids }) => {
  assertMayImport(body.source, staff());
  assertInScope(body.region);
  const today = shanghaiDate(clock.now());
  // An unreadable or oversized file is a 400 / 413 from readUpload itself (BadSpreadsheetError).
  const rows = readUpload(body.format, body.contentBase64);
  const parsed = parseDepartmentList(rows, today);
  if (parsed.problems.length > 0) {
    throw new DomainError('UPLOAD_ROWS_INVALID', `名单有 ${parsed.problems.length} 行不合格，整份名单未导入，请修改后重新上传`, 422, { problems: parsed.problems });
  }
  const guards = await findGuards(parsed.rows.map((row) => row.idNumber));
  const importId = ids.next();
  const byHousehold = new Map<string, HouseholdItem>();
  for (const guard of guards.values()) {
    if (byHousehold.has(guard.householdId)) continue;
    const household = await loadHousehold(guard.householdId);
    if (isWithinRegion(household.region, body.region)) byHousehold.set(guard.householdId, household);
  }
  const hits = buildHits(parsed.rows, guards, byHousehold, { source: body.source, importId, createdAt: clock.now().toISOString() });
  const households = [...byHousehold.values()];
  for (let start = 0; start < households.length || start === 0; start += HOUSEHOLDS_PER_TRANSACTION) {
    const chunk = households.slice(start, start + HOUSEHOLDS_PER_TRANSACTION);
    const uow = unitOfWork(clock, ids, actor);
    for (const household of chunk) {
      for (const hit of hits.filter((h) => h.householdId === household.householdId)) {
        uow.create({ ...householdKeys.hit(hit.householdId, hit.hitId), entity: 'hit', ...hit });
      }
      writeHousehold(uow, household, stripItem(household), { action: `HITS_IMPORTED:${body.source}`, reason: importId }, [], []);
    }
    if (start + HOUSEHOLDS_PER_TRANSACTION >= households.length) {
      uow.create({ ...importKey(importId), entity: 'import', importId, source: body.source, region: body.region, rows: parsed.rows.length, hits: hits.length });
    }
    await uow.commit();
    if (households.length === 0) break;
  }
  const matched = parsed.rows.filter((row) => {
    const guard = guards.get(row.idNumber);
    return guard !== undefined && byHousehold.has(guard.householdId);
  }).length;
  return { importId, rows: parsed.rows.length, matched, unmatched: parsed.rows.length - matched, hits: hits.length };
});
