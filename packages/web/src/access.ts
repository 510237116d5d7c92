import { dispatchApi, identificationApi, noticesApi, type RouteContract, scoringApi, subsidyApi } from '@jingzhun/types';

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

/** The console's pages in menu order. */
export const STAFF_PAGES: readonly StaffPage[] = [
  { path: '/staff/households', label: '农户', reads: [identificationApi.listHouseholds] },
  { path: '/staff/notices', label: '公示', reads: [noticesApi.listNotices] },
  { path: '/staff/subsidy', label: '补贴', reads: [subsidyApi.quote, subsidyApi.getRun] },
  // Every staff role may read the standards; the page is for those who enter or review them.
  { path: '/staff/standards', label: '支付标准', reads: [subsidyApi.proposeStandard, subsidyApi.approveStandard] },
  // The bank's file, its results and the re-issue: the county's (the export's roles).
  { path: '/staff/payments', label: '花名册发放', reads: [subsidyApi.exportRoster] },
  { path: '/staff/scoring', label: '银行考核', reads: [scoringApi.getAssessment] },
  { path: '/staff/dispatch', label: '月调度', reads: [dispatchApi.getSeries] },
];

export function mayOpen(who: Who | undefined, page: StaffPage): boolean {
  return page.reads.some((contract) => mayCall(who, contract));
}

/** The pages a user is offered. */
export function pagesFor(who: Who | undefined): StaffPage[] {
  return STAFF_PAGES.filter((page) => mayOpen(who, page));
}

/** The page a path belongs to (detail pages belong to their list: /staff/households/… → 农户). */
export function pageOf(path: string): StaffPage | undefined {
  const [pathOnly] = path.split('?');
  return STAFF_PAGES.find((page) => pathOnly === page.path || pathOnly?.startsWith(`${page.path}/`));
}

/** Where a user lands after sign-in: the first page offered. */
export function homeFor(who: Who | undefined): string {
  return pagesFor(who)[0]?.path ?? '/staff/households';
}
