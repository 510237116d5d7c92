import { httpHandler } from '@jingzhun/platform';
import { CommonErrors, DomainError, noticeEvents, type StaffClaims, shanghaiDate, supervisionApi, supervisionEvents } from '@jingzhun/types';
import { type AssessmentAction, computeAssessment, nextStatus } from '../domain/assessment.js';
import { defaultScheme, validateScheme } from '../domain/scheme.js';
import { checkInputs } from '../domain/scoring.js';
import { assessmentKeys, auditSubjects, consequenceKeys } from '../store/keys.js';
import {
  type AssessmentItem,
  type ConsequenceItem,
  getAssessmentItem,
  getConsequence,
  getUnit,
  listAuditOf,
  listConsequenceItems,
  listFindingItems,
  listIncidentItems,
  listTaskItems,
  listUnitItems,
  plain,
  save,
} from '../store/repo.js';
import { assertDistrict, audited, ownUnit, type Ports, readsAll, unitOfWork } from './context.js';

async function load(district: string, year: number): Promise<AssessmentItem> {
  return (
    (await getAssessmentItem(district, year)) ?? {
      ...assessmentKeys.item(district, year),
      entity: 'assessment',
      district,
      year,
      status: 'draft',
      scheme: defaultScheme(year, district),
      entered: {},
      results: [],
      version: 0,
    }
  );
}

/** Before the 通报, a town or department sees its own unit's row only. */
async function view(item: AssessmentItem, claims: StaffClaims | undefined) {
  const { pk: _p, sk: _s, entity: _e, createdAt: _c, updatedAt: _u, proposals: _q, ...rest } = item;
  const { schemeId, name, indicators, grades } = item.scheme;
  const base = { ...rest, scheme: { schemeId, name, indicators, grades } };
  if (!claims || readsAll(claims) || item.status === 'published') return base;
  const mine = new Set((await listUnitItems(item.district)).filter(ownUnit(claims)).map((unit) => unit.unitId));
  return {
    ...base,
    entered: Object.fromEntries(Object.entries(item.entered).filter(([unitId]) => mine.has(unitId))),
    results: item.results.filter((result) => mine.has(result.unitId)),
  };
}

type Ctx = Ports & { params: { district: string; year: number }; assertInScope: (region: string) => void; claims: StaffClaims | undefined };

/** Loads the year, checks the transition, runs `change`, records the refusal if any. */
async function transition(ctx: Ctx, action: AssessmentAction, change: (item: AssessmentItem, status: ReturnType<typeof nextStatus>) => Promise<AssessmentItem>) {
  const { district, year } = ctx.params;
  assertDistrict(district, ctx.assertInScope, ctx.claims);
  return audited(ctx, auditSubjects.assessment(district, year), `assessment.${action}`, async () => {
    const item = await load(district, year);
    const status = nextStatus(item.status, action);
    return view(await change(item, status), ctx.claims);
  });
}

export const getAssessment = httpHandler(supervisionApi.getAssessment, async ({ params, staff, claims, assertInScope }) => {
  assertDistrict(params.district, assertInScope, claims);
  return view(await load(params.district, params.year), staff());
});

/** PUT …/assessment/scheme: a new scheme version for the year (before approval). */
export const putScheme = httpHandler(supervisionApi.putScheme, async (ctx) =>
  transition(ctx, 'enter', async (item, status) => {
    validateScheme(ctx.body);
    const counter = Number(/-v(\d+)$/.exec(item.scheme.schemeId)?.[1] ?? 0) + 1;
    const scheme = { ...ctx.body, schemeId: `${item.district}-${item.year}-v${counter}`, year: item.year, jurisdiction: item.district };
    const { reason: _r, ...stored } = scheme;
    const uow = unitOfWork(ctx);
    const saved = save(uow, { ...item, status, scheme: stored, results: [] });
    uow.audit({
      subject: auditSubjects.assessment(item.district, item.year),
      action: 'scheme.set',
      before: { schemeId: item.scheme.schemeId },
      after: stored,
      reason: ctx.body.reason,
    });
    await uow.commit();
    return saved;
  }),
);

/** PUT …/assessment/units/{unitId}: the entered figures of one unit, each checked against its indicator's range. */
export const enterScores = httpHandler(supervisionApi.enterScores, async (ctx) =>
  transition(ctx, 'enter', async (item, status) => {
    const unit = await getUnit(item.district, ctx.params.unitId);
    if (!unit) throw CommonErrors.notFound('责任单位');
    checkInputs(item.scheme, ctx.body.inputs);
    const computedCodes = item.scheme.indicators.filter((i) => i.source === 'task-completion' || i.source === 'rectification-closure').map((i) => i.code);
    const clash = ctx.body.inputs.find((input) => computedCodes.includes(input.code));
    if (clash) throw new DomainError('INDICATOR_COMPUTED', '该指标由任务台账和整改台账自动计算，不能手工录入', 400, { code: clash.code });
    const before = item.entered[unit.unitId] ?? [];
    const merged = [...before.filter((old) => !ctx.body.inputs.some((input) => input.code === old.code)), ...ctx.body.inputs];
    const uow = unitOfWork(ctx);
    const saved = save(uow, { ...item, status, entered: { ...item.entered, [unit.unitId]: merged }, results: status === 'draft' ? [] : item.results });
    uow.audit({
      subject: auditSubjects.assessment(item.district, item.year),
      action: 'scores.entered',
      before: { unitId: unit.unitId, inputs: before },
      after: { unitId: unit.unitId, unitName: unit.name, inputs: merged },
    });
    await uow.commit();
    return saved;
  }),
);

/** POST …/assessment/compute: scores every unit with the veto rules, as of today. */
export const compute = httpHandler(supervisionApi.computeAssessment, async (ctx) =>
  transition(ctx, 'compute', async (item, status) => {
    const [units, tasks, incidents, findings] = await Promise.all([
      listUnitItems(item.district),
      listTaskItems(item.district),
      listIncidentItems(item.district, item.year),
      listFindingItems(item.district),
    ]);
    if (units.length === 0) throw new DomainError('NO_UNITS', '本区尚未登记责任单位', 422);
    const outcome = computeAssessment({
      scheme: item.scheme,
      units,
      entered: new Map(Object.entries(item.entered)),
      tasks,
      incidents,
      findings,
      asOf: shanghaiDate(ctx.clock.now()),
    });
    const uow = unitOfWork(ctx);
    const saved = save(uow, { ...item, status, results: outcome.results, proposals: outcome.consequences, computedAt: uow.timestamp });
    uow.audit({
      subject: auditSubjects.assessment(item.district, item.year),
      action: 'assessment.computed',
      after: { schemeId: item.scheme.schemeId, results: outcome.results.map((r) => [r.unitName, r.score.total, r.grade, r.vetoes.map((v) => v.rule)]) },
    });
    await uow.commit();
    return saved;
  }),
);

/** POST …/assessment/review: the assessment team submits the computed result to the leading group. */
export const review = httpHandler(supervisionApi.reviewAssessment, async (ctx) =>
  transition(ctx, 'review', async (item, status) => {
    const uow = unitOfWork(ctx);
    const saved = save(uow, { ...item, status, reviewedAt: uow.timestamp });
    uow.audit({
      subject: auditSubjects.assessment(item.district, item.year),
      action: 'assessment.reviewed',
      before: { status: item.status },
      after: { status },
      ...(ctx.body?.reason ? { reason: ctx.body.reason } : {}),
    });
    await uow.commit();
    return saved;
  }),
);

/**
 * POST …/assessment/approve (leading group): immutable from now on. Creates the consequence
 * records (约谈, 组织调整 proposal, reward; 000 AS-7 L4092–4102) of the year, one per unit and kind.
 */
export const approve = httpHandler(supervisionApi.approveAssessment, async (ctx) =>
  transition(ctx, 'approve', async (item, status) => {
    const units = await listUnitItems(item.district);
    const consequences = item.proposals ?? [];
    const uow = unitOfWork(ctx);
    const saved = save(uow, { ...item, status, approvedAt: uow.timestamp });
    for (const { unitId, unitName, proposal } of consequences) {
      const consequenceId = consequenceKeys.id(unitId, proposal.kind);
      uow.create({
        ...consequenceKeys.item(item.district, item.year, consequenceId),
        entity: 'consequence',
        consequenceId,
        year: item.year,
        unitId,
        unitName,
        ...proposal,
        heads: units.find((unit) => unit.unitId === unitId)?.heads ?? [],
        status: 'proposed',
      });
    }
    uow.audit({
      subject: auditSubjects.assessment(item.district, item.year),
      action: 'assessment.approved',
      before: { status: item.status },
      after: { status, consequences: consequences.map((c) => [c.unitName, c.proposal.kind]) },
      ...(ctx.body?.reason ? { reason: ctx.body.reason } : {}),
    });
    uow.emit(supervisionEvents.assessmentApproved, auditSubjects.assessment(item.district, item.year), {
      district: item.district,
      year: item.year,
      results: item.results.map((r) => ({ unitId: r.unitId, unitName: r.unitName, total: r.score.total, grade: r.grade, vetoed: r.vetoes.length > 0, award: r.award })),
    });
    await uow.commit();
    return saved;
  }),
);

/** POST …/assessment/publish: the 通报 through the notices service (type unit-assessment), criticised units named. */
export const publish = httpHandler(supervisionApi.publishAssessment, async (ctx) =>
  transition(ctx, 'publish', async (item, status) => {
    if (item.results.length === 0) throw new DomainError('NO_RESULTS', '没有考核结果，无需通报', 409);
    const uow = unitOfWork(ctx);
    const saved = save(uow, { ...item, status, publishedAt: uow.timestamp });
    uow.audit({ subject: auditSubjects.assessment(item.district, item.year), action: 'assessment.published', before: { status: item.status }, after: { status } });
    uow.emit(noticeEvents.supervisionNoticeRequested, auditSubjects.assessment(item.district, item.year), {
      requestId: `supervision-unit-assessment-${item.district}-${item.year}`,
      type: 'unit-assessment',
      region: item.district,
      title: `${item.year}年度镇（街）和区直部门脱贫攻坚工作成效考核结果通报`,
      publish: true,
      entries: item.results.map((r) => ({
        entryId: r.unitId,
        fullName: r.unitName,
        region: item.district,
        fields: {
          grade: r.grade,
          total: r.score.total,
          rank: r.rank,
          veto: r.vetoes.length ? `一票否决：${r.vetoes.map((v) => v.name).join('；')}（通报批评）` : '',
          award: r.award ?? '',
        },
      })),
      context: { district: item.district, year: String(item.year), schemeId: item.scheme.schemeId },
    });
    await uow.commit();
    return saved;
  }),
);

/** GET …/years/{year}/audit: the year's changes and refusals, oldest first. */
export const listAudit = httpHandler(supervisionApi.listAudit, async ({ params, claims, assertInScope }) => {
  assertDistrict(params.district, assertInScope, claims);
  const { district, year } = params;
  const subjects = [
    auditSubjects.assessment(district, year),
    auditSubjects.incidents(district, year),
    auditSubjects.tasks(district, year),
    auditSubjects.consequences(district, year),
    auditSubjects.ledger(district),
    auditSubjects.teams(district),
    auditSubjects.units(district),
  ];
  const items = (await Promise.all(subjects.map(listAuditOf))).flat().sort((a, b) => String(a.sk).localeCompare(String(b.sk)));
  return {
    items: items.map((a) => ({
      subject: String(a.pk).replace(/^AUDIT#/, ''),
      at: String(a.at),
      action: String(a.action),
      actor: a.actor,
      ...(a.reason ? { reason: String(a.reason) } : {}),
      before: a.before,
      after: a.after,
    })),
  };
});

const consequenceView = (item: ConsequenceItem) => plain(item);

export const listConsequences = httpHandler(supervisionApi.listConsequences, async ({ params, staff, assertInScope }) => {
  const claims = staff();
  assertDistrict(params.district, assertInScope, claims);
  const [units, items] = await Promise.all([listUnitItems(params.district), listConsequenceItems(params.district, params.year)]);
  const mine = new Set(units.filter(ownUnit(claims)).map((unit) => unit.unitId));
  return { items: items.filter((item) => mine.has(item.unitId)).map(consequenceView) };
});

/** POST …/consequences/{id}/decision: the 约谈 held (minutes), the 组织调整 decided, the reward granted; with evidence. */
export const decideConsequence = httpHandler(supervisionApi.decideConsequence, async (ctx) => {
  const { params, body } = ctx;
  assertDistrict(params.district, ctx.assertInScope, ctx.claims);
  return audited(ctx, auditSubjects.consequences(params.district, params.year), 'consequence.decide', async () => {
    const item = await getConsequence(params.district, params.year, params.consequenceId);
    if (!item) throw CommonErrors.notFound('考核结果运用记录');
    if (item.version !== body.expectedVersion) throw CommonErrors.versionConflict();
    if (item.status !== 'proposed') throw new DomainError('ALREADY_DECIDED', '该事项已登记结果', 409);
    // 组织调整 is the leading group's decision (000 AS-7; workflows.md §1.1 LG).
    if (item.kind === 'reorganisation' && ctx.actor.role !== 'leading_group') throw new DomainError('LEADING_GROUP_ONLY', '组织调整由扶贫开发领导小组决定', 403);
    const uow = unitOfWork(ctx);
    const saved = save(uow, { ...item, status: body.outcome, decision: { on: body.on, summary: body.summary, evidence: body.evidence, by: ctx.actor.name ?? ctx.actor.sub } });
    uow.audit({
      subject: auditSubjects.consequences(params.district, params.year),
      action: `consequence.${body.outcome}`,
      before: { consequenceId: item.consequenceId, status: item.status },
      after: { consequenceId: item.consequenceId, unitName: item.unitName, kind: item.kind, ...body },
    });
    await uow.commit();
    return consequenceView(saved);
  });
});
