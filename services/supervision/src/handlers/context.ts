import { type Actor, type Clock, type IdGenerator, logger, UnitOfWork } from '@jingzhun/platform';
import { DomainError, isWithinRegion, regionLevel, type StaffClaims } from '@jingzhun/types';
import { speaksFor } from '../domain/rectification.js';
import type { ResponsibleUnit } from '../domain/units.js';
import { table } from '../store/repo.js';

export interface Ports {
  clock: Clock;
  ids: IdGenerator;
  actor: Actor;
  requestId?: string;
}

export function unitOfWork(ctx: Ports): UnitOfWork {
  return new UnitOfWork({ table: table(), service: 'supervision', clock: ctx.clock, ids: ctx.ids, actor: ctx.actor });
}

/**
 * Supervision is organised per district (区县): the path's region must be a county, in the caller's
 * scope or containing it. A town or village of the district passes here and each handler then
 * narrows it to its own records (its unit, its villages: `ownUnit`, region filters, assertInScope).
 */
export function assertDistrict(district: string, assertInScope: (region: string) => void, claims: StaffClaims | undefined): void {
  if (regionLevel(district) !== 'county') throw new DomainError('NOT_A_DISTRICT', '督查考核以区（县）为单位，请使用区县区划代码', 400, { district });
  if (claims && isWithinRegion(claims.region, district)) return;
  assertInScope(district);
}

/** The county office and the leading group read the whole district; a town or department its own unit. */
export const readsAll = (claims: StaffClaims) => claims.role === 'county' || claims.role === 'leading_group';
export const ownUnit = (claims: StaffClaims) => (unit: Pick<ResponsibleUnit, 'kind' | 'region' | 'department'>) => readsAll(claims) || speaksFor(unit, claims);

/**
 * Runs a command; a refusal (a 4xx domain error other than a version conflict) is recorded in the
 * audit trail under `subject` and then returned to the caller. Nothing of the command is written:
 * the refusal is its own one-item transaction.
 */
export async function audited<T>(ports: Ports, subject: string, action: string, command: () => Promise<T>): Promise<T> {
  try {
    return await command();
  } catch (error) {
    if (error instanceof DomainError && error.status >= 400 && error.status < 500 && error.code !== 'VERSION_CONFLICT') {
      try {
        const uow = unitOfWork(ports);
        uow.audit({
          subject,
          action: `${action}.refused`,
          after: { code: error.code, message: error.messageZh, ...(error.details === undefined ? {} : { details: error.details }) },
        });
        await uow.commit();
      } catch (auditError) {
        logger.error('refusal could not be audited', { subject, action, error: String(auditError) });
      }
    }
    throw error;
  }
}
