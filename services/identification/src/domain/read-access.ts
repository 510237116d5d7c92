import type { identificationApi } from '@jingzhun/types';
import { SOURCES } from './comparison.js';

/**
 * Field-level views of the register for roles outside the regional line (docs/security.md). Pure:
 * they take the staff view (already masked by `viewOf`) and keep what the role's duty needs.
 */

/** The hits of one department's own comparison sources: the lists it uploads (`SOURCES`, comparison.ts). */
export function ownHits<H extends Pick<identificationApi.Hit, 'source'>>(hits: readonly H[], department: string | undefined): H[] {
  if (!department) return [];
  return hits.filter((hit) => SOURCES[hit.source].department === department);
}

/** A department's view of a household its own list matched: the matched people and its own hits, nothing more. */
export function comparedView(household: identificationApi.Household, hits: readonly identificationApi.Hit[]): identificationApi.ComparedHousehold {
  return {
    householdId: household.householdId,
    region: household.region,
    group: household.group,
    headName: household.headName,
    status: household.status,
    attribute: household.attribute,
    dibao: household.dibao,
    tekun: household.tekun,
    size: household.size,
    members: household.members.map((m) => ({
      memberId: m.memberId,
      name: m.name,
      relation: m.relation,
      idNumberMasked: m.idNumberMasked,
      birthYear: m.birthYear,
      sex: m.sex,
      status: m.status,
    })),
    hits: [...hits],
  };
}

/**
 * A history entry's before/after as staff read it: the audit keeps members' birth dates (the
 * record of what was written), the view gives the birth year, as the household view does
 * (docs/decisions.md Platform 17).
 */
export function auditSnapshotView(snapshot: unknown): unknown {
  if (!snapshot || typeof snapshot !== 'object' || !Array.isArray((snapshot as { members?: unknown }).members)) return snapshot;
  const members = (snapshot as { members: unknown[] }).members.map((member) => {
    if (!member || typeof member !== 'object' || typeof (member as { birthDate?: unknown }).birthDate !== 'string') return member;
    const { birthDate, ...rest } = member as { birthDate: string };
    return { ...rest, birthYear: Number(birthDate.slice(0, 4)) };
  });
  return { ...snapshot, members };
}
