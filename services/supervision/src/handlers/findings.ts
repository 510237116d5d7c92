import { httpHandler } from '@jingzhun/platform';
import { CommonErrors, DomainError, type Role, shanghaiDate, supervisionApi } from '@jingzhun/types';
import { escalation, type Finding, review, speaksFor, submitProgress } from '../domain/rectification.js';
import { auditSubjects, findingKeys } from '../store/keys.js';
import { type FindingItem, getFinding, getUnit, listFindingItems, listUnitItems, plain, save, type UnitItem } from '../store/repo.js';
import { assertDistrict, audited, ownUnit, unitOfWork } from './context.js';

function findingView(item: FindingItem, units: readonly UnitItem[], today: string) {
  return {
    ...plain(item),
    ownerUnitName: units.find((u) => u.unitId === item.ownerUnitId)?.name ?? item.ownerUnitId,
    escalation: escalation(item, today),
  };
}

/** POST …/findings: a finding enters the ledger with its owner and deadline. */
export const createFinding = httpHandler(supervisionApi.createFinding, async (ctx) => {
  const { params, body } = ctx;
  assertDistrict(params.district, ctx.assertInScope, ctx.claims);
  return audited(ctx, auditSubjects.ledger(params.district), 'finding.create', async () => {
    const owner = await getUnit(params.district, body.ownerUnitId);
    if (!owner) throw CommonErrors.notFound('整改责任单位');
    if (body.deadline < body.foundOn) throw new DomainError('DEADLINE_BEFORE_FINDING', '整改期限不能早于发现日期', 400);
    const uow = unitOfWork(ctx);
    const findingId = ctx.ids.next();
    const finding: Finding = { findingId, district: params.district, ...body, status: 'open', progress: [] };
    const item = uow.create({ ...findingKeys.item(params.district, findingId), entity: 'finding', ...finding }) as FindingItem;
    uow.audit({ subject: auditSubjects.ledger(params.district), action: 'finding.created', after: { ...finding, ownerUnitName: owner.name } });
    await uow.commit();
    return findingView(item, [owner], shanghaiDate(ctx.clock.now()));
  });
});

/** GET …/findings?status: the ledger; an owner sees its own items. `overdue` = past the deadline and not closed. */
export const listFindings = httpHandler(supervisionApi.listFindings, async ({ params, query, staff, assertInScope, clock }) => {
  const claims = staff();
  assertDistrict(params.district, assertInScope, claims);
  const today = shanghaiDate(clock.now());
  const [units, items] = await Promise.all([listUnitItems(params.district), listFindingItems(params.district)]);
  const mine = new Set(units.filter(ownUnit(claims)).map((u) => u.unitId));
  return {
    items: items
      .filter((item) => mine.has(item.ownerUnitId))
      .filter((item) => !query.status || (query.status === 'overdue' ? item.status !== 'closed' && item.deadline < today : item.status === query.status))
      .sort((a, b) => a.deadline.localeCompare(b.deadline))
      .map((item) => findingView(item, units, today)),
  };
});

async function loadForWrite(district: string, findingId: string, expectedVersion: number) {
  const item = await getFinding(district, findingId);
  if (!item) throw CommonErrors.notFound('整改事项');
  if (item.version !== expectedVersion) throw CommonErrors.versionConflict();
  const owner = await getUnit(district, item.ownerUnitId);
  if (!owner) throw CommonErrors.notFound('整改责任单位');
  return { item, owner };
}

/** POST …/findings/{id}/progress: only the owner reports its measures and evidence. */
export const reportProgress = httpHandler(supervisionApi.reportProgress, async (ctx) => {
  const { params, body } = ctx;
  assertDistrict(params.district, ctx.assertInScope, ctx.claims);
  return audited(ctx, auditSubjects.ledger(params.district), 'finding.progress', async () => {
    const { item, owner } = await loadForWrite(params.district, params.findingId, body.expectedVersion);
    if (!speaksFor(owner, ctx.staff())) throw new DomainError('NOT_THE_OWNER', '只有整改责任单位可以报送整改情况', 403);
    const next = submitProgress(item, { at: ctx.clock.now().toISOString(), by: ctx.actor.name ?? ctx.actor.sub, measures: body.measures, evidence: body.evidence });
    const uow = unitOfWork(ctx);
    const saved = save(uow, { ...item, ...next });
    uow.audit({
      subject: auditSubjects.ledger(params.district),
      action: 'finding.progress',
      before: { findingId: item.findingId, status: item.status },
      after: { findingId: item.findingId, status: next.status, measures: body.measures, evidence: body.evidence },
    });
    await uow.commit();
    return findingView(saved, [owner], shanghaiDate(ctx.clock.now()));
  });
});

/** POST …/findings/{id}/review: 销号 with evidence by the reviewing role, never by the owner; or returned. */
export const reviewFinding = httpHandler(supervisionApi.reviewFinding, async (ctx) => {
  const { params, body } = ctx;
  assertDistrict(params.district, ctx.assertInScope, ctx.claims);
  return audited(ctx, auditSubjects.ledger(params.district), 'finding.review', async () => {
    const { item, owner } = await loadForWrite(params.district, params.findingId, body.expectedVersion);
    const claims = ctx.staff();
    const now = ctx.clock.now();
    const next = review(item, {
      outcome: body.outcome,
      opinion: body.opinion,
      evidence: body.evidence,
      at: now.toISOString(),
      on: shanghaiDate(now),
      by: claims.name,
      role: claims.role as Role,
      isOwner: speaksFor(owner, claims),
    });
    const uow = unitOfWork(ctx);
    const saved = save(uow, { ...item, ...next });
    uow.audit({
      subject: auditSubjects.ledger(params.district),
      action: body.outcome === 'closed' ? 'finding.closed' : 'finding.returned',
      before: { findingId: item.findingId, status: item.status },
      after: { findingId: item.findingId, ...next.review },
    });
    await uow.commit();
    return findingView(saved, [owner], shanghaiDate(now));
  });
});
