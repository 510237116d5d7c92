import type { Clock, IdGenerator } from '@jingzhun/platform';
import { type Actor, UnitOfWork } from '@jingzhun/platform';
import { DomainError, regionLevel, type StaffClaims } from '@jingzhun/types';
import { table } from '../store/repo.js';

/** The assessment is per district (区县): the path's region must be a county and in the caller's scope. */
export function assertDistrict(district: string, assertInScope: (region: string) => void): void {
  if (regionLevel(district) !== 'county') throw new DomainError('NOT_A_DISTRICT', '银行考核以区（县）为单位，请使用区县区划代码', 400, { district });
  assertInScope(district);
}

/** A bank user sees and corrects only its own bank (claim bankId). */
export function assertBankAccess(claims: StaffClaims, bankId: string): void {
  if (claims.role !== 'bank') return;
  if (!claims.bankId || claims.bankId !== bankId) throw new DomainError('BANK_SCOPE', '银行用户只能查看或更正本行数据', 403, { bankId });
}

export function unitOfWork(ctx: { clock: Clock; ids: IdGenerator; actor: Actor; requestId?: string }): UnitOfWork {
  return new UnitOfWork({ table: table(), service: 'scoring', clock: ctx.clock, ids: ctx.ids, actor: ctx.actor });
}
