import { httpHandler } from '@jingzhun/platform';
import { CommonErrors, DomainError, type RouteContract, scoringApi } from '@jingzhun/types';
import { assertCorrection, assertSectionValid, nextStatus } from '../domain/workflow.js';
import { yearKeys } from '../store/keys.js';
import { getBank, getSubmission, listSubmissions as loadSubmissions, loadYear, type SubmissionItem, saveYear } from '../store/repo.js';
import { assertBankAccess, assertDistrict, unitOfWork } from './scope.js';

type Section = scoringApi.Section;

function toSubmission(item: SubmissionItem) {
  return {
    district: item.district,
    year: item.year,
    bankId: item.bankId,
    section: item.section,
    data: item.data,
    enteredBy: item.enteredBy,
    version: item.version,
    updatedAt: item.updatedAt,
  };
}

function submitHandler<B extends { expectedVersion?: number | undefined; reason?: string | undefined }>(contract: RouteContract, section: Section) {
  return httpHandler(contract, async (ctx) => {
    const params = ctx.params as { district: string; year: number; bankId: string };
    const body = ctx.body as B;
    const claims = ctx.staff();
    assertDistrict(params.district, ctx.assertInScope);
    const bank = await getBank(params.district, params.bankId);
    if (!bank) throw CommonErrors.notFound('银行机构');
    if (!bank.active) throw new DomainError('BANK_INACTIVE', '该银行机构未参加考核', 409);
    const year = await loadYear(params.district, params.year);
    const status = nextStatus(year.status, 'submit', year.locked);
    const { expectedVersion: _e, reason, ...data } = body;
    assertSectionValid(bank, section, data);
    const existing = await getSubmission(params.district, params.year, params.bankId, section);
    assertCorrection(existing?.version, body);
    const uow = unitOfWork(ctx);
    const next = {
      ...yearKeys.submission(params.district, params.year, params.bankId, section),
      entity: 'submission' as const,
      district: params.district,
      year: params.year,
      bankId: params.bankId,
      section,
      data,
      enteredBy: { sub: claims.sub, name: claims.name, role: claims.role },
    };
    const saved = existing ? uow.replace({ ...existing, ...next }) : uow.create(next, CommonErrors.versionConflict());
    // The year must still be unlocked when this commits; new data sends a computed result back to draft.
    if (year.version === 0 || year.status !== status) saveYear(uow, { ...year, status });
    else uow.check(yearKeys.state(params.district, params.year), { version: year.version }, new DomainError('YEAR_LOCKED', '本年度数据已锁定或已变更，请刷新后重试', 409));
    uow.audit({
      subject: yearKeys.auditSubject(params.district, params.year),
      action: existing ? `submission.${section}.corrected` : `submission.${section}.entered`,
      before: existing ? { bankId: params.bankId, data: existing.data } : undefined,
      after: { bankId: params.bankId, data },
      ...(reason ? { reason } : {}),
    });
    await uow.commit();
    return toSubmission(saved as SubmissionItem);
  });
}

export const submitPboc = submitHandler(scoringApi.submitPboc, 'pboc');
export const submitInnovation = submitHandler(scoringApi.submitInnovation, 'innovation');
export const submitTax = submitHandler(scoringApi.submitTax, 'tax');
export const submitRoutine = submitHandler(scoringApi.submitRoutine, 'routine');

/** GET …/years/{year}/submissions: team members see all; a bank sees its own. */
export const listSubmissions = httpHandler(scoringApi.listSubmissions, async ({ params, staff, assertInScope }) => {
  const claims = staff();
  assertDistrict(params.district, assertInScope);
  if (claims.role === 'bank' && !claims.bankId) assertBankAccess(claims, '');
  const [items, year] = await Promise.all([loadSubmissions(params.district, params.year), loadYear(params.district, params.year)]);
  return { items: items.filter((item) => claims.role !== 'bank' || item.bankId === claims.bankId).map(toSubmission), locked: year.locked };
});
