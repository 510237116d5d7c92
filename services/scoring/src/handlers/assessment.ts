import { httpHandler } from '@jingzhun/platform';
import { CommonErrors, DomainError, noticeEvents, type StaffClaims, scoringApi, scoringEvents, shanghaiDate } from '@jingzhun/types';
import { assess, type BankFigures } from '../domain/assessment.js';
import type { AssessmentParams } from '../domain/params.js';
import { rewardsDueBy } from '../domain/params.js';
import { assembleFigures, deriveParams, nextStatus, type SectionData } from '../domain/workflow.js';
import { paramKeys, yearKeys } from '../store/keys.js';
import { getParamSet, listAuditOf, listBanks, listReminders, listSubmissions, loadYear, saveYear, type YearItem } from '../store/repo.js';
import { assertDistrict, unitOfWork } from './scope.js';

async function view(item: YearItem, claims: StaffClaims | undefined) {
  const reminders = item.version === 0 ? [] : await listReminders(item.district, item.year);
  const own = claims?.role === 'bank' ? claims.bankId : undefined;
  const banks = (item.result?.banks ?? []).filter((bank) => claims?.role !== 'bank' || bank.bankId === own);
  const flags = (item.result?.flags ?? []).filter((flag) => claims?.role !== 'bank' || flag.bankIds.includes(own ?? ''));
  return {
    district: item.district,
    year: item.year,
    status: item.status,
    locked: item.locked,
    paramsId: item.paramsId,
    params: item.params as unknown as Record<string, unknown>,
    banks,
    flags,
    ...(item.computedAt ? { computedAt: item.computedAt } : {}),
    ...(item.reviewedAt ? { reviewedAt: item.reviewedAt } : {}),
    ...(item.approvedAt ? { approvedAt: item.approvedAt } : {}),
    ...(item.publishedAt ? { publishedAt: item.publishedAt } : {}),
    rewardsDueBy: item.rewardsDueBy,
    ...(item.rewardsPaidOn ? { rewardsPaidOn: item.rewardsPaidOn } : {}),
    reminders: reminders.map((r) => ({ on: r.on, kind: r.kind, message: r.message })),
    version: item.version,
  };
}

type Ctx = Parameters<Parameters<typeof httpHandler>[1]>[0];

async function begin(ctx: Ctx) {
  const params = ctx.params as { district: string; year: number };
  assertDistrict(params.district, ctx.assertInScope);
  const year = await loadYear(params.district, params.year);
  return { params, year, uow: unitOfWork(ctx), subject: yearKeys.auditSubject(params.district, params.year) };
}

/** GET …/assessment */
export const getAssessment = httpHandler(scoringApi.getAssessment, async (ctx) => {
  const claims = ctx.staff();
  if (claims.role === 'bank' && !claims.bankId) throw new DomainError('BANK_SCOPE', '银行用户只能查看本行数据', 403);
  const { year } = await begin(ctx as unknown as Ctx);
  return view(year, claims);
});

/** POST …/lock: no submission is accepted afterwards; scoring needs a locked year. */
export const lockYear = httpHandler(scoringApi.lockYear, async (ctx) => {
  const { params, year, uow, subject } = await begin(ctx as unknown as Ctx);
  const banks = (await listBanks(params.district)).filter((bank) => bank.active);
  const submissions = await listSubmissions(params.district, params.year);
  const missing = banks.flatMap((bank) => {
    const have = new Set(submissions.filter((s) => s.bankId === bank.bankId).map((s) => s.section));
    const lacking = scoringApi.SECTIONS.filter((section) => !have.has(section));
    return lacking.length ? [{ bankId: bank.bankId, name: bank.name, missing: lacking }] : [];
  });
  if (banks.length === 0) throw new DomainError('NO_BANKS', '本区尚未登记参加考核的银行', 422);
  if (missing.length > 0) throw new DomainError('SUBMISSIONS_INCOMPLETE', '尚有银行的考核数据未报送齐全，不能锁定', 422, missing);
  const status = nextStatus(year.status, 'lock', year.locked);
  const saved = saveYear(uow, { ...year, locked: true, status });
  uow.audit({ subject, action: 'year.locked', before: { locked: false }, after: { locked: true, banks: banks.length } });
  await uow.commit();
  return view(saved, ctx.claims);
});

/** POST …/unlock (reason required): reopens corrections before approval. */
export const unlockYear = httpHandler(scoringApi.unlockYear, async (ctx) => {
  const { year, uow, subject } = await begin(ctx as unknown as Ctx);
  const status = nextStatus(year.status, 'unlock', year.locked);
  const { result: _r, computedAt: _c, reviewedAt: _v, ...rest } = year;
  const saved = saveYear(uow, { ...rest, locked: false, status } as YearItem);
  uow.audit({ subject, action: 'year.unlocked', before: { locked: true, status: year.status }, after: { locked: false, status }, reason: ctx.body.reason });
  await uow.commit();
  return view(saved, ctx.claims);
});

/** PUT …/params: a new immutable parameter set (id `<district>-<year>-v<n>`) for this year. */
export const setParams = httpHandler(scoringApi.setParams, async (ctx) => {
  const { params, year, uow, subject } = await begin(ctx as unknown as Ctx);
  const status = nextStatus(year.status, 'setParams', year.locked);
  const counter = Number(/-v(\d+)$/.exec(year.paramsId.startsWith(`${params.district}-${params.year}-`) ? year.paramsId : '')?.[1] ?? 0) + 1;
  const paramsId = `${params.district}-${params.year}-v${counter}`;
  const next = deriveParams(year.params, ctx.body.params as Partial<AssessmentParams>, paramsId, `${params.year}年度考核参数 v${counter}`);
  uow.create({ ...paramKeys.item(paramsId), entity: 'params', params: next, reason: ctx.body.reason }, new DomainError('VERSION_CONFLICT', '参数已被他人修改，请刷新后重试', 409));
  const { result: _r, computedAt: _c, reviewedAt: _v, ...rest } = year;
  const saved = saveYear(uow, { ...rest, status, paramsId, params: next, rewardsDueBy: rewardsDueBy(params.year, next) } as YearItem);
  uow.audit({ subject, action: 'params.changed', before: { paramsId: year.paramsId }, after: { paramsId, params: next }, reason: ctx.body.reason });
  await uow.commit();
  return view(saved, ctx.claims);
});

/** POST …/assessment/compute: scores the locked year with its parameter set. */
export const computeAssessment = httpHandler(scoringApi.computeAssessment, async (ctx) => {
  const { params, year, uow, subject } = await begin(ctx as unknown as Ctx);
  const status = nextStatus(year.status, 'compute', year.locked);
  const banks = (await listBanks(params.district)).filter((bank) => bank.active);
  const submissions = await listSubmissions(params.district, params.year);
  const figures: BankFigures[] = [];
  const missing: { bankId: string; missing: string[] }[] = [];
  for (const bank of banks) {
    const sections: SectionData = {};
    for (const s of submissions.filter((item) => item.bankId === bank.bankId)) (sections as Record<string, unknown>)[s.section] = s.data;
    const assembled = assembleFigures(bank, sections);
    if (assembled.figures) figures.push(assembled.figures);
    else missing.push({ bankId: bank.bankId, missing: assembled.missing });
  }
  if (missing.length > 0) throw new DomainError('SUBMISSIONS_INCOMPLETE', '尚有银行的考核数据未报送齐全', 422, missing);
  const stored = year.paramsId === year.params.paramsId ? year.params : (await getParamSet(year.paramsId))?.params;
  if (!stored) throw CommonErrors.notFound('考核参数');
  const result = assess(figures, stored);
  const saved = saveYear(uow, { ...year, status, result, computedAt: uow.timestamp });
  uow.audit({
    subject,
    action: 'assessment.computed',
    before: year.result ? { totals: year.result.banks.map((b) => [b.bankId, b.total]) } : undefined,
    after: { paramsId: stored.paramsId, totals: result.banks.map((b) => [b.bankId, b.total, b.prize]) },
  });
  await uow.commit();
  return view(saved, ctx.claims);
});

/** POST …/assessment/review: the team (金融办 with 人民银行 and 财政局) submits the result for approval. */
export const reviewAssessment = httpHandler(scoringApi.reviewAssessment, async (ctx) => {
  const { year, uow, subject } = await begin(ctx as unknown as Ctx);
  const status = nextStatus(year.status, 'review', year.locked);
  const saved = saveYear(uow, { ...year, status, reviewedAt: uow.timestamp });
  uow.audit({ subject, action: 'assessment.reviewed', before: { status: year.status }, after: { status }, ...(ctx.body?.reason ? { reason: ctx.body.reason } : {}) });
  await uow.commit();
  return view(saved, ctx.claims);
});

/** POST …/assessment/approve: the district government confers the awards (L4268–4270). Immutable afterwards. */
export const approveAssessment = httpHandler(scoringApi.approveAssessment, async (ctx) => {
  const { params, year, uow, subject } = await begin(ctx as unknown as Ctx);
  const status = nextStatus(year.status, 'approve', year.locked);
  const saved = saveYear(uow, { ...year, status, approvedAt: uow.timestamp, ...yearKeys.rewardsOpenIndex(year.rewardsDueBy, params.district, params.year) });
  uow.audit({ subject, action: 'assessment.approved', before: { status: year.status }, after: { status }, ...(ctx.body?.reason ? { reason: ctx.body.reason } : {}) });
  uow.emit(scoringEvents.assessmentApproved, subject, {
    assessmentId: subject,
    year: params.year,
    district: params.district,
    results: (year.result?.banks ?? []).map((b) => ({ bankId: b.bankId, bankName: b.name, total: b.total, prize: b.prize })),
    rewardsDueBy: year.rewardsDueBy,
  });
  await uow.commit();
  return view(saved, ctx.claims);
});

/** POST …/assessment/publish: the 通报 through the notices service (type bank-prizes). */
export const publishAssessment = httpHandler(scoringApi.publishAssessment, async (ctx) => {
  const { params, year, uow, subject } = await begin(ctx as unknown as Ctx);
  const status = nextStatus(year.status, 'publish', year.locked);
  const winners = (year.result?.banks ?? []).filter((b) => b.prize).sort((a, b) => (a.totalRank ?? 0) - (b.totalRank ?? 0));
  if (winners.length === 0) throw new DomainError('NO_PRIZES', '没有获奖银行，无需通报', 409);
  const saved = saveYear(uow, { ...year, status, publishedAt: uow.timestamp });
  uow.audit({ subject, action: 'assessment.published', before: { status: year.status }, after: { status } });
  uow.emit(noticeEvents.scoringNoticeRequested, subject, {
    requestId: `scoring-bank-prizes-${params.district}-${params.year}`,
    type: 'bank-prizes',
    region: params.district,
    title: `${params.year}年度银行业金融机构支持地方经济发展考核奖励通报`,
    publish: true,
    entries: winners.map((b) => ({ entryId: b.bankId, fullName: b.name, region: params.district, fields: { prize: b.prize ?? '', total: b.total, rank: b.totalRank ?? 0 } })),
    context: { district: params.district, year: String(params.year), paramsId: year.paramsId },
  });
  await uow.commit();
  return view(saved, ctx.claims);
});

/** POST …/assessment/rewards-paid: 区财政局 pays (L4276–4278); clears the reminder index. */
export const markRewardsPaid = httpHandler(scoringApi.markRewardsPaid, async (ctx) => {
  const { year, uow, subject } = await begin(ctx as unknown as Ctx);
  nextStatus(year.status, 'rewardsPaid', year.locked);
  if (year.rewardsPaidOn) throw new DomainError('ALREADY_PAID', `奖励已于 ${year.rewardsPaidOn} 登记兑现`, 409);
  if (year.approvedAt && ctx.body.paidOn < shanghaiDate(new Date(year.approvedAt))) throw new DomainError('PAID_BEFORE_APPROVAL', '兑现日期早于批准日期', 400);
  const { gsi1pk: _p, gsi1sk: _s, ...rest } = year;
  const saved = saveYear(uow, { ...rest, rewardsPaidOn: ctx.body.paidOn } as YearItem);
  uow.audit({ subject, action: 'rewards.paid', after: { paidOn: ctx.body.paidOn, dueBy: year.rewardsDueBy, late: ctx.body.paidOn > year.rewardsDueBy } });
  await uow.commit();
  return view(saved, ctx.claims);
});

/** GET …/audit: every change of the year, oldest first. */
export const listAudit = httpHandler(scoringApi.listAudit, async (ctx) => {
  const { params } = await begin(ctx as unknown as Ctx);
  const items = await listAuditOf(params.district, params.year);
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

/** GET /public/scoring/…/results: published results only, points per item, no figures. */
export const publicResults = httpHandler(scoringApi.publicResults, async ({ params }) => {
  const year = await loadYear(params.district, params.year);
  if (year.status !== 'published' || !year.result || !year.publishedAt) throw CommonErrors.notFound('已发布的考核结果');
  return {
    district: params.district,
    year: params.year,
    publishedAt: year.publishedAt,
    paramsId: year.paramsId,
    banks: [...year.result.banks]
      .sort((a, b) => (a.totalRank ?? 999) - (b.totalRank ?? 999) || (a.bankId < b.bankId ? -1 : 1))
      .map((b) => ({ bankId: b.bankId, name: b.name, total: b.total, totalRank: b.totalRank, prize: b.prize, items: b.items.map((i) => ({ item: i.item, points: i.points })) })),
  };
});
