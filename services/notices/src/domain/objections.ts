import { DomainError, nextWorkingDay, normalisePhone, PHONE_MESSAGE, shanghaiDate } from '@jingzhun/types';
import { type Notice, type NoticeEntry, NoticeErrors, type ObjectionCounts } from './notice.js';
import { ruleOf } from './notice-types.js';
import { assertCleanText, TEXT_LIMITS } from './text.js';
import { isExpired } from './window.js';

/**
 * Objections (workflows.md §4.1, all [PROP]; the seeds give no procedure, 000 A-3): anyone may
 * object to a named line during the window; the objector's contact stays internal; an objection
 * blocks only its line; the publisher investigates within `OBJECTION_SLA_WORKING_DAYS` and decides.
 */
export const OBJECTION_SLA_WORKING_DAYS = 5; // workflows.md §4.1 rule 2 (openIMIS default, ANC §1)

export type ObjectionStatus = 'open' | 'upheld' | 'rejected';

export interface Objection {
  noticeId: string;
  objectionId: string;
  /** The short number the objector looks the outcome up with (objection-number.ts); absent on older objections. */
  number?: string;
  entryNo: number;
  entryId: string;
  /** Private: never on a public route or in an event. */
  objectorName?: string;
  contact?: string;
  reason: string;
  channel: 'online' | 'staff';
  lodgedAt: string;
  status: ObjectionStatus;
  investigation: { at: string; by: string; note: string }[];
  decision?: { outcome: 'upheld' | 'rejected'; reason: string; at: string; by: string };
  /** Decided after the window closed (the line was HELD). */
  decidedAfterClose?: boolean;
}

export interface ObjectionInput {
  name?: string | undefined;
  contact?: string | undefined;
  reason: string;
}

function checkText(value: string | undefined, max: number, field: string, required: boolean): string | undefined {
  const trimmed = value?.trim();
  if (!trimmed) {
    if (required) throw new DomainError('OBJECTION_REASON_REQUIRED', `请填写${field}`, 400);
    return undefined;
  }
  if (trimmed.length > max) throw new DomainError('TEXT_TOO_LONG', `${field}不能超过 ${max} 个字`, 400, { field, max });
  assertCleanText(trimmed, field);
  return trimmed;
}

/** Checks that an objection may be lodged against line `no` now; returns the cleaned input. */
export function checkObjection(
  notice: Notice,
  entry: NoticeEntry | undefined,
  no: number,
  input: ObjectionInput,
  now: Date,
): Required<Pick<ObjectionInput, 'reason'>> & ObjectionInput {
  const rule = ruleOf(notice.type);
  if (!rule.objections) throw NoticeErrors.objectionsNotAccepted();
  if (notice.status === 'closed' || notice.status === 'archived') throw NoticeErrors.windowClosed();
  if (notice.status !== 'published' || !notice.window) throw NoticeErrors.notPublished();
  if (isExpired(notice.window.closesAt, now)) throw NoticeErrors.windowClosed();
  if (!entry) throw NoticeErrors.entryNotInNotice(no);
  if (entry.withdrawn || entry.objections.upheld > 0) throw NoticeErrors.entryWithdrawn(no);
  const reason = checkText(input.reason, TEXT_LIMITS.reason, '异议理由', true) as string;
  const name = checkText(input.name, TEXT_LIMITS.objectorName, '姓名', false);
  const typed = checkText(input.contact, TEXT_LIMITS.contact, '联系电话', false);
  // A call-back number: mainland mobile or landline with area code (issue 14; the contract checks it too).
  const contact = typed === undefined ? undefined : normalisePhone(typed);
  if (typed !== undefined && contact === undefined) throw new DomainError('CONTACT_INVALID', PHONE_MESSAGE, 400, { field: 'contact' });
  return { reason, ...(name ? { name } : {}), ...(contact ? { contact } : {}) };
}

export function addInvestigationNote(objection: Objection, note: string, by: string, now: Date): Objection {
  if (objection.status !== 'open') throw new DomainError('OBJECTION_ALREADY_DECIDED', '该异议已有处理结论', 409);
  const text = checkText(note, TEXT_LIMITS.note, '调查记录', true) as string;
  return { ...objection, investigation: [...objection.investigation, { at: now.toISOString(), by, note: text }] };
}

export interface DecisionResult {
  objection: Objection;
  entry: NoticeEntry;
  notice: Notice;
  /** Set when the line was HELD at close and this was its last open objection: the outcome to send back. */
  heldOutcome?: 'upheld' | 'rejected';
  /** The line leaves the public copy (upheld while the window is open). */
  removeFromPublicCopy: boolean;
}

/** workflows.md §4.1 rules 3–5: upheld → the line is withdrawn and falls back; rejected → it proceeds, the window does not restart. */
export function decideObjection(notice: Notice, entry: NoticeEntry, objection: Objection, outcome: 'upheld' | 'rejected', reason: string, by: string, now: Date): DecisionResult {
  if (objection.status !== 'open') throw new DomainError('OBJECTION_ALREADY_DECIDED', '该异议已有处理结论', 409);
  if (notice.status === 'withdrawn') throw new DomainError('NOTICE_WITHDRAWN', '公示已撤回', 409);
  const text = checkText(reason, TEXT_LIMITS.note, '处理意见', true) as string;
  const afterClose = notice.status === 'closed' || notice.status === 'archived';
  const decided: Objection = {
    ...objection,
    status: outcome,
    decision: { outcome, reason: text, at: now.toISOString(), by },
    ...(afterClose ? { decidedAfterClose: true } : {}),
  };
  const objections = { ...entry.objections, open: entry.objections.open - 1, [outcome]: entry.objections[outcome] + 1 };
  const updatedEntry: NoticeEntry = { ...entry, objections, ...(outcome === 'upheld' ? { withdrawn: true } : {}) };
  const updatedNotice: Notice = {
    ...notice,
    objections: { ...notice.objections, open: notice.objections.open - 1, [outcome]: notice.objections[outcome] + 1 },
  };
  const wasHeld = afterClose && notice.heldEntries.includes(entry.no);
  const heldOutcome = wasHeld && objections.open === 0 ? (objections.upheld > 0 ? 'upheld' : 'rejected') : undefined;
  return {
    objection: decided,
    entry: updatedEntry,
    notice: updatedNotice,
    ...(heldOutcome ? { heldOutcome } : {}),
    removeFromPublicCopy: outcome === 'upheld' && notice.status === 'published',
  };
}

/** Objection counts of a notice and of each of its lines, counted from the objections themselves. */
export interface ObjectionTally {
  notice: ObjectionCounts;
  byEntry: Map<number, ObjectionCounts>;
}

export function tallyObjections(objections: readonly Pick<Objection, 'entryNo' | 'status'>[]): ObjectionTally {
  const notice: ObjectionCounts = { open: 0, upheld: 0, rejected: 0 };
  const byEntry = new Map<number, ObjectionCounts>();
  for (const { entryNo, status } of objections) {
    const line = byEntry.get(entryNo) ?? { open: 0, upheld: 0, rejected: 0 };
    line[status]++;
    notice[status]++;
    byEntry.set(entryNo, line);
  }
  return { notice, byEntry };
}

/** Flood control [PROP]: objections per source address and per notice, per clock hour. */
export const OBJECTION_LIMITS = { perAddressPerHour: 10, perNoticePerHour: 300 } as const;

/**
 * The public name search [PROP] (workflows.md §4.4), counted per caller address and per village per
 * clock hour: a villager checking a few names never meets them; a script confirming guesses
 * against a masked list is stopped after a handful of names.
 */
export const SEARCH_LIMITS = { perAddressPerHour: 20, perVillagePerHour: 200 } as const;

/**
 * The public objection-status lookup [PROP] (decisions Notices 24), per caller address per clock
 * hour: an objector checking a number or two never meets it; a script trying numbers gets 30
 * guesses an hour out of 30^10.
 */
export const LOOKUP_LIMITS = { perAddressPerHour: 30 } as const;

/** The investigation deadline: `OBJECTION_SLA_WORKING_DAYS` working days after the day it was lodged (Asia/Shanghai). */
export function objectionDueBy(lodgedAt: string): string {
  let date = shanghaiDate(new Date(lodgedAt));
  for (let day = 0; day < OBJECTION_SLA_WORKING_DAYS; day++) date = nextWorkingDay(date);
  return date;
}
