import { REGIONAL_ROLES, type StaffClaims } from '@jingzhun/types';

/** Household heads' names are read by the regional line that keeps the register (docs/security.md), not by departments. */
export function mayReadNames(claims: Pick<StaffClaims, 'role'>): boolean {
  return (REGIONAL_ROLES as readonly string[]).includes(claims.role);
}
