/**
 * The one place where identification's HouseholdSnapshot becomes catalog facts (policy-catalog.json
 * `facts`). Facts the snapshot cannot supply are left unknown: they come as per-claim inputs, or the
 * line says which fact is missing. Readings are in docs/decisions.md, Subsidy.
 */

import type { identificationEvents } from '@jingzhun/types';
import { periodEnd } from '@jingzhun/types';
import type { Facts, FactValue } from './eligibility.js';
import type { HouseholdInput } from './engine.js';

type HouseholdSnapshot = identificationEvents.HouseholdSnapshot;
type MemberFacts = identificationEvents.MemberFacts;

/** 致贫原因 national codes (workflows.md §1.2) to the catalog's povertyCause vocabulary. */
const CAUSES: Record<string, string> = {
  '01': 'seriousIllness',
  '02': 'severeDisability',
  '03': 'schooling',
  '04': 'disaster',
  '05': 'lackOfLand',
  '06': 'lackOfWater',
  '07': 'lackOfSkills',
  '08': 'lackOfLabour',
  '09': 'lackOfFunds',
  '10': 'poorTransport',
  '11': 'lackOfMotivation',
  '12': 'other',
};

const SCHOOL: Record<MemberFacts['schooling'], string> = {
  none: 'none',
  preschool: 'preschool',
  primary: 'primary',
  junior: 'juniorHigh',
  senior: 'seniorHigh',
  vocational: 'secondaryVocational',
  college: 'undergraduate',
  graduate: 'master',
};

/** Completed years (周岁) on `date` (YYYY-MM-DD). */
export function ageOn(birthDate: string, date: string): number {
  const years = Number(date.slice(0, 4)) - Number(birthDate.slice(0, 4));
  return date.slice(5) >= birthDate.slice(5) ? years : years - 1;
}

/** The payment date of a period: its last day (catalog `age`: "on the payment date"). */
export function paymentDate(period: string): string {
  return periodEnd(period);
}

/**
 * 建档立卡 at the payment date: registered households, and exited ones inside their policy period
 * (tez-post-exit-policy-retention: 3 years; the snapshot's policyUntil when identification sets it).
 */
export function isRegisteredPoorOn(snapshot: Pick<HouseholdSnapshot, 'status' | 'exitedAt' | 'policyUntil'>, date: string): boolean {
  if (snapshot.status === 'REGISTERED' || snapshot.status === 'RE_REGISTERED') return true;
  if (snapshot.status === 'EXITED_WITH_POLICY') {
    const until = snapshot.policyUntil ?? (snapshot.exitedAt ? `${Number(snapshot.exitedAt.slice(0, 4)) + 3}${snapshot.exitedAt.slice(4, 10)}` : undefined);
    return until !== undefined && date <= until;
  }
  return false;
}

export function householdFacts(snapshot: HouseholdSnapshot, period: string): Facts {
  const date = paymentDate(period);
  const registered = isRegisteredPoorOn(snapshot, date);
  const dibao = snapshot.dibao || snapshot.attribute === '低保户' || snapshot.attribute === '低保贫困户';
  const tekun = snapshot.tekun || snapshot.attribute === '五保户';
  const facts: Record<string, FactValue> = {
    year: Number(period.slice(0, 4)),
    householdSize: snapshot.members.filter((m) => m.status === 'active').length || snapshot.size,
    isRegisteredPoor: registered,
    isRuralPoor: registered,
    isDibao: dibao,
    isTekun: tekun,
    isPoor: registered || dibao,
    isRural: true,
    povertyCause: CAUSES[snapshot.mainCause] ?? 'other',
    mainPovertyCause: CAUSES[snapshot.mainCause] ?? 'other',
    povertyStatus:
      snapshot.status === 'EXITED_WITH_POLICY'
        ? 'exitedWithPolicy'
        : snapshot.status === 'EXITED_NO_POLICY'
          ? 'exitedNoPolicy'
          : snapshot.status === 'MONITORED'
            ? 'monitored'
            : 'notExited',
    perCapitaIncome: snapshot.incomePerCapitaFen,
  };
  // No 住建 rating yet is an unknown grade (the housing line then says the fact is missing), not grade A.
  if (snapshot.houseDangerGrade) facts.houseDangerGrade = snapshot.houseDangerGrade;
  if (snapshot.exitedAt) facts.exitDate = snapshot.exitedAt.slice(0, 10);
  return facts;
}

export function memberFacts(snapshot: HouseholdSnapshot, member: MemberFacts, period: string): Facts {
  const age = ageOn(member.birthDate, paymentDate(period));
  const disabled = member.health === 'disabled' || member.disabilityGrade !== null;
  const registered = isRegisteredPoorOn(snapshot, paymentDate(period));
  const facts: Record<string, FactValue> = {
    age,
    schoolLevel: SCHOOL[member.schooling],
    isDisabled: disabled,
    // No grade: not 重度; 0 compares false with `in [1, 2]` (a known "none", not a missing fact).
    disabilityLevel: member.disabilityGrade ?? 0,
    hasLabourCapacity: member.laborCapacity !== 'none',
    isWorkingAge: age >= 16 && age < 60,
    isAboveWorkingAge: age >= 60,
  };
  if (!disabled) facts.disabilityType = 'none';
  // 其他困难残疾人: a registered-poor disabled person counts as 困难 (reading); otherwise unknown.
  if (disabled && registered) facts.isOtherHardship = true;
  if (age >= 18) {
    facts.isOrphan = false;
    facts.isChildInDifficulty = false;
    facts.isKeyChildInDistress = false;
  } else {
    const parentPresent =
      member.relation === 'child' && snapshot.members.some((m) => (m.relation === 'head' || m.relation === 'spouse') && m.status === 'active' && m.memberId !== member.memberId);
    if (parentPresent) {
      facts.isOrphan = false;
      facts.isChildInDifficulty = false;
      facts.isKeyChildInDistress = false;
    }
  }
  // 被赡养老人 are elderly: nobody under 60 receives the filial-piety pension.
  if (age < 60) facts.isSupportedByChildren = false;
  return facts;
}

/** The engine's input for a household at a period: active members only (deceased or moved out get nothing). */
export function householdInput(snapshot: HouseholdSnapshot, period: string, claims: HouseholdInput['claims'] = []): HouseholdInput {
  const date = paymentDate(period);
  return {
    household: householdFacts(snapshot, period),
    members: snapshot.members
      .filter((member) => member.status === 'active' && member.birthDate <= date)
      .map((member) => ({
        memberId: member.memberId,
        facts: memberFacts(snapshot, member, period),
      })),
    claims,
  };
}
