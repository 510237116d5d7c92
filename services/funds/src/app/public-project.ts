import { fundsApi, maskName } from '@jingzhun/types';
import type { z } from 'zod';
import { LINK_TYPE_NAMES, PROJECT_STATE_NAMES, PROJECT_TYPE_NAMES } from '../domain/project.js';
import type { Payment, ProjectRecord } from './records.js';

type PublicProject = z.infer<typeof fundsApi.PublicProject>;
type PublicProjectSummary = z.infer<typeof fundsApi.PublicProjectSummary>;

/**
 * What the public board shows of a project (issue 16; "两个一律", seed 004 PUB-01 L409 and seed 002
 * P-2 L55: town and village project arrangements and fund use always posted): the project as decided
 * and as it stands, never its proposer's contacts, its evidence files, the households' ids, or the
 * payees and accounts of its payments. A beneficiary is a masked head's name with the link type,
 * the same as the project disclosure notice shows. Pure: the handler reads, this decides.
 */
export function isPublic(project: Pick<ProjectRecord, 'state'>): boolean {
  return (fundsApi.PUBLIC_PROJECT_STATES as readonly string[]).includes(project.state);
}

/** The latest milestone's progress (0 before the first; 100 once accepted). */
export function progressOf(project: Pick<ProjectRecord, 'state' | 'milestones'>): number {
  if (project.state === 'ACCEPTED' || project.state === 'HANDED_OVER') return 100;
  return project.milestones.reduce((max, milestone) => Math.max(max, milestone.progressPercent), 0);
}

export function publicSummary(project: ProjectRecord): PublicProjectSummary {
  return {
    projectId: project.projectId,
    name: project.name,
    typeName: PROJECT_TYPE_NAMES[project.type],
    region: project.region,
    year: project.year,
    stateName: PROJECT_STATE_NAMES[project.state],
    budgetFen: project.budgetFen,
    disbursedFen: project.disbursedFen,
    progressPercent: progressOf(project),
  };
}

export function publicProject(project: ProjectRecord, payments: readonly Pick<Payment, 'paidOn' | 'amountFen'>[], headNames: ReadonlyMap<string, string>): PublicProject {
  const byLink = new Map<string, number>();
  for (const beneficiary of project.beneficiaries) byLink.set(beneficiary.link, (byLink.get(beneficiary.link) ?? 0) + 1);
  return {
    ...publicSummary(project),
    implementer: project.implementer,
    description: project.description,
    plannedStart: project.plannedStart,
    plannedEnd: project.plannedEnd,
    stateSince: project.stateSince,
    committedFen: project.committedFen,
    milestones: project.milestones.map(({ name, date, progressPercent }) => ({ name, date, progressPercent })),
    beneficiaries: {
      households: project.beneficiaries.length,
      byLink: [...byLink].map(([link, households]) => ({ linkName: LINK_TYPE_NAMES[link as keyof typeof LINK_TYPE_NAMES], households })),
      // Sorted by the masked name, not in the register's order, so the order says nothing either.
      heads: project.beneficiaries
        .map((beneficiary) => ({
          maskedName: maskName(headNames.get(beneficiary.householdId) ?? beneficiary.headName ?? '（未登记）'),
          linkName: LINK_TYPE_NAMES[beneficiary.link],
        }))
        .sort((a, b) => a.maskedName.localeCompare(b.maskedName, 'zh') || a.linkName.localeCompare(b.linkName, 'zh')),
    },
    payments: [...payments].sort((a, b) => a.paidOn.localeCompare(b.paidOn)).map(({ paidOn, amountFen }) => ({ paidOn, amountFen })),
  };
}
