import { httpHandler } from '@jingzhun/platform';
import { CommonErrors, DomainError, scoringApi } from '@jingzhun/types';
import { assertCorrection } from '../domain/workflow.js';
import { bankKeys } from '../store/keys.js';
import { type BankItem, getBank as loadBank, listBanks as loadBanks } from '../store/repo.js';
import { assertBankAccess, assertDistrict, unitOfWork } from './scope.js';

function toBank(item: BankItem) {
  return {
    bankId: item.bankId,
    district: item.district,
    name: item.name,
    type: item.type as (typeof scoringApi.BANK_TYPES)[number],
    sizeClass: item.sizeClass as 'large' | 'medium' | 'small',
    headOffices: item.headOffices,
    branches: item.branches,
    outlets: item.outlets,
    ruralOutlets: item.ruralOutlets,
    active: item.active,
    version: item.version,
    updatedAt: item.updatedAt,
  };
}

/** GET /scoring/districts/{district}/banks */
export const listBanks = httpHandler(scoringApi.listBanks, async ({ params, staff, assertInScope }) => {
  const claims = staff();
  assertDistrict(params.district, assertInScope);
  const items = (await loadBanks(params.district)).filter((bank) => claims.role !== 'bank' || bank.bankId === claims.bankId);
  return { items: items.map(toBank) };
});

/** GET /scoring/districts/{district}/banks/{bankId} */
export const getBank = httpHandler(scoringApi.getBank, async ({ params, staff, assertInScope }) => {
  const claims = staff();
  assertDistrict(params.district, assertInScope);
  assertBankAccess(claims, params.bankId);
  const bank = await loadBank(params.district, params.bankId);
  if (!bank) throw CommonErrors.notFound('银行机构');
  return toBank(bank);
});

/**
 * PUT /scoring/districts/{district}/banks/{bankId}: 金融办 registers or corrects a bank; a bank user
 * corrects its own profile only (with a reason), never registers a new bank or another bank.
 */
export const putBank = httpHandler(scoringApi.putBank, async (ctx) => {
  const { params, body, staff, assertInScope } = ctx;
  const claims = staff();
  assertDistrict(params.district, assertInScope);
  assertBankAccess(claims, params.bankId);
  const existing = await loadBank(params.district, params.bankId);
  if (!existing && claims.role === 'bank') throw new DomainError('BANK_NOT_REGISTERED', '本行尚未由金融办登记，不能自行登记', 403);
  if (existing && claims.role === 'bank' && !body.reason) throw new DomainError('REASON_REQUIRED', '银行更正本行信息须填写理由', 400);
  if (existing && claims.role === 'bank' && body.active !== undefined && body.active !== existing.active) throw CommonErrors.forbidden('银行不能变更本行的考核状态');
  assertCorrection(existing?.version, existing ? { expectedVersion: body.expectedVersion, reason: body.reason ?? 'correction' } : {});
  const uow = unitOfWork(ctx);
  const { expectedVersion: _e, reason, ...profile } = body;
  const active = profile.active ?? existing?.active ?? true;
  const next = { ...bankKeys.item(params.district, params.bankId), entity: 'bank' as const, bankId: params.bankId, district: params.district, ...profile, active };
  const saved = existing ? uow.replace({ ...existing, ...next }) : uow.create(next, CommonErrors.alreadyExists('银行机构'));
  uow.audit({
    subject: `BANK#${params.district}#${params.bankId}`,
    action: existing ? 'bank.corrected' : 'bank.registered',
    before: existing,
    after: saved,
    ...(reason ? { reason } : {}),
  });
  await uow.commit();
  return toBank(saved as unknown as BankItem);
});
