import type { RouteContract } from '@jingzhun/types';

/**
 * What the signed-in user may do, derived from the contracts' `roles` (the same declaration the
 * server enforces): one place, so the menu, the pages and their forms follow the contracts. Region
 * scope and the data-dependent checks (a department's own hits, a notice's owner) stay on the server.
 */

/** The signed-in user as access sees it: the role, and a department user's department. */
export interface Who {
  role: string;
  department?: string | undefined;
}

type Gate = Pick<RouteContract, 'roles' | 'departments' | 'auth'>;

/** May this user call this contract? No `roles` on a staff contract: every staff role. */
export function mayCall(who: Who | undefined, contract: Gate): boolean {
  if (contract.auth === 'public') return true;
  if (!who?.role) return false;
  if (contract.roles && contract.roles.length > 0 && !(contract.roles as readonly string[]).includes(who.role)) return false;
  return who.role !== 'department' || !contract.departments || contract.departments.includes(who.department ?? '');
}

export interface StaffPage {
  path: string;
  label: string;
  /** The calls the page is for (its reads, or the writes it exists for): it is offered when the role may make at least one of them. */
  reads: readonly Gate[];
}

export function mayOpen(who: Who | undefined, page: StaffPage): boolean {
  return page.reads.some((contract) => mayCall(who, contract));
}
