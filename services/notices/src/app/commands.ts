import { createHash } from 'node:crypto';
import { type Actor, addressKey, type Clock, countBusiness, getItem, hourBucket, type IdGenerator, takeRate as takeHourlyRate, UnitOfWork } from '@jingzhun/platform';
import { CommonErrors, DomainError, isWithinRegion, noticeEvents } from '@jingzhun/types';
import { nameSecret } from '../config.js';
import {
  archive,
  close,
  type EntryInput,
  isDueForClosing,
  type Notice,
  type NoticeEntry,
  NoticeErrors,
  newNotice,
  prepareEntries,
  publish,
  validateHeader,
  visibilityOf,
  withdraw,
} from '../domain/notice.js';
import { newObjectionNumber } from '../domain/objection-number.js';
import { addInvestigationNote, checkObjection, decideObjection, OBJECTION_LIMITS, type Objection, type ObjectionInput } from '../domain/objections.js';
import { assertNothingPersonal, nameKey, toPublicEntry, toPublicNotice } from '../domain/projection.js';
import { noticeKeys, publicKeys, rateKeys } from '../store/keys.js';
import { dueNoticeIds, loadEntries, loadEntry, loadNotice, loadObjection, loadObjectionTally, loadRequestGuard, table, type VersionedNotice } from '../store/notices.js';

/**
 * Use cases of the notices service: load → pure domain rule → one UnitOfWork. Shared by the staff
 * routes, the event subscribers and the close job so every path writes the same way.
 */
export interface Ports {
  clock: Clock;
  ids: IdGenerator;
  actor: Actor;
}

const SERVICE = 'notices';
const CHUNK = 90;

function unitOfWork(ports: Ports): UnitOfWork {
  return new UnitOfWork({ table: table(), service: SERVICE, clock: ports.clock, ids: ports.ids, actor: ports.actor });
}

function noticeItem({ objections: _counts, ...notice }: Notice, version: number) {
  return {
    ...noticeKeys.notice(notice.noticeId),
    ...noticeKeys.byRegion(notice.region, notice.noticeId),
    ...(notice.status === 'published' && notice.window ? noticeKeys.openWindow(notice.window.closesAt, notice.noticeId) : {}),
    entity: 'notice',
    version,
    ...notice,
  };
}

function entryItem({ objections: _counts, ...entry }: NoticeEntry, version: number) {
  return { ...noticeKeys.entry(entry.noticeId, entry.no), entity: 'entry', version, ...entry };
}

function objectionItem(objection: Objection, version: number) {
  return { ...noticeKeys.objection(objection.noticeId, objection.objectionId), entity: 'objection', version, ...objection };
}

function publicNoticeItem(notice: Notice) {
  return { ...publicKeys.notice(notice.noticeId), ...publicKeys.byRegion(notice.region, notice.noticeId), entity: 'public-notice', ...toPublicNotice(notice) };
}

async function publicEntryItems(notice: Notice, entries: readonly NoticeEntry[]) {
  const secret = await nameSecret();
  return entries.map((entry) => publicEntryItem(notice, entry, secret));
}

function publicEntryItem(notice: Notice, entry: NoticeEntry, secret: string) {
  return {
    ...publicKeys.entry(notice.noticeId, entry.no),
    ...publicKeys.nameIndex(entry.region, nameKey(entry.fullName, secret), notice.noticeId, entry.no),
    ...publicKeys.villageIndex(entry.region, notice.noticeId, entry.no),
    entity: 'public-entry',
    type: notice.type,
    ...toPublicEntry(notice.type, entry),
  };
}

async function putInChunks(ports: Ports, items: (Record<string, unknown> & { pk: string; sk: string })[]): Promise<void> {
  for (let start = 0; start < items.length; start += CHUNK) {
    const uow = unitOfWork(ports);
    for (const item of items.slice(start, start + CHUNK)) uow.put(item);
    await uow.commit();
  }
}

async function deleteInChunks(ports: Ports, items: readonly { pk: string; sk: string }[]): Promise<void> {
  for (let start = 0; start < items.length; start += CHUNK) {
    const uow = unitOfWork(ports);
    for (const { pk, sk } of items.slice(start, start + CHUNK)) uow.delete({ pk, sk });
    await uow.commit();
  }
}

/** Retries a use case that lost an optimistic-concurrency race (objections on a busy notice). */
async function withRetry<T>(run: () => Promise<T>, attempts = 5): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await run();
    } catch (error) {
      if (!(error instanceof DomainError) || error.code !== 'VERSION_CONFLICT' || attempt >= attempts) throw error;
      await new Promise((resolve) => setTimeout(resolve, 20 * attempt + Math.floor(Math.random() * 30)));
    }
  }
}

export async function requireNotice(noticeId: string): Promise<VersionedNotice> {
  const found = await loadNotice(noticeId);
  if (!found) throw CommonErrors.notFound('公示');
  return found;
}

/** Deterministic id for a requested notice: a retried request writes the same items, never a second notice. */
export function requestedNoticeId(requester: string, requestId: string): string {
  return `R${createHash('sha256').update(`${requester}\n${requestId}`).digest('hex').slice(0, 25).toUpperCase()}`;
}

export interface CreateInput {
  type: Notice['type'];
  region: string;
  title: string;
  entries: EntryInput[];
  publish: boolean;
  requester?: string;
  requestId?: string;
  context?: Record<string, string>;
}

/**
 * Creates a notice (draft), or publishes it at once when asked. The caller sees one outcome: every
 * rule of publication is checked before anything is written, and the notice item — a draft, or
 * already published with its public copy — is written last, in one transaction, so a failure
 * midway leaves no draft behind (lines written before it are invisible without their notice, and a
 * staff notice's are deleted again). With a requester, one notice per request id.
 */
export async function createNotice(ports: Ports, input: CreateInput, consumed?: { consumer: string; eventId: string }): Promise<Notice> {
  validateHeader(input);
  const requested = input.requester && input.requestId ? { requester: input.requester, requestId: input.requestId } : undefined;
  const noticeId = requested ? requestedNoticeId(requested.requester, requested.requestId) : ports.ids.next();
  if (requested) {
    const guard = await loadRequestGuard(requested.requester, requested.requestId);
    if (guard) return resumeRequested(ports, guard.noticeId, input.publish, consumed);
  }
  const entries = prepareEntries(noticeId, input.region, input.entries);
  const draft: Notice = {
    ...newNotice({
      noticeId,
      type: input.type,
      region: input.region,
      title: input.title,
      ...(requested ?? {}),
      ...(input.context ? { context: input.context } : {}),
      createdBy: { sub: ports.actor.sub, role: ports.actor.role, ...(ports.actor.name ? { name: ports.actor.name } : {}) },
    }),
    entryCount: entries.length,
  };
  // Publication's rules (NOTICE_EMPTY, …) are checked here, before the first write.
  const notice = input.publish ? publication(draft, entries, ports.clock.now()) : draft;
  const lines = [...entries.map((entry) => entryItem(entry, 1)), ...(input.publish ? await publicEntryItems(notice, entries) : [])];
  try {
    await putInChunks(ports, lines);
    const uow = unitOfWork(ports);
    const { version: _v, ...item } = noticeItem(notice, 1);
    uow.create(item, CommonErrors.alreadyExists('公示'));
    if (requested) {
      uow.create(
        { ...noticeKeys.request(requested.requester, requested.requestId), entity: 'request', ...requested, noticeId, status: 'accepted' },
        new DomainError('REQUEST_ALREADY_RECEIVED', '该公示请求已受理', 409),
      );
    }
    uow.audit({
      subject: `NOTICE#${noticeId}`,
      action: 'notice.created',
      after: { type: notice.type, region: notice.region, title: notice.title, entryCount: notice.entryCount, ...(requested ?? {}) },
    });
    if (input.publish) recordPublication(uow, draft, notice);
    if (consumed) uow.markConsumed(consumed.consumer, consumed.eventId);
    await uow.commit();
  } catch (error) {
    if (requested && error instanceof DomainError && (error.code === 'REQUEST_ALREADY_RECEIVED' || error.code === 'ALREADY_EXISTS')) {
      return resumeRequested(ports, noticeId, input.publish, consumed);
    }
    // A requested notice's items are deterministic: a redelivery writes them again. A staff
    // notice's id is new on every attempt, so its lines are removed (best effort; without their
    // notice item no route shows them).
    if (!requested) await deleteInChunks(ports, lines).catch(() => undefined);
    throw error;
  }
  return notice;
}

/** A request seen before: publish it if a crash left it a draft, else only acknowledge the delivery. */
async function resumeRequested(ports: Ports, noticeId: string, wantPublished: boolean, consumed?: { consumer: string; eventId: string }): Promise<Notice> {
  const { notice } = await requireNotice(noticeId);
  if (wantPublished && notice.status === 'draft') return publishNotice(ports, noticeId, consumed);
  if (consumed) {
    const uow = unitOfWork(ports);
    uow.markConsumed(consumed.consumer, consumed.eventId);
    await uow.commit();
  }
  return notice;
}

/** Adds lines to a draft (staff building a notice by hand). */
export async function addEntries(ports: Ports, noticeId: string, inputs: EntryInput[]): Promise<Notice> {
  const { notice, version } = await requireNotice(noticeId);
  if (notice.status !== 'draft') throw notice.status === 'published' ? NoticeErrors.alreadyPublished() : NoticeErrors.notDraft();
  const existing = await loadEntries(noticeId);
  const entries = prepareEntries(noticeId, notice.region, inputs, existing);
  const updated: Notice = { ...notice, entryCount: existing.length + entries.length };
  const items = entries.map((entry) => entryItem(entry, 1));
  // Lines first (invisible until the notice counts them), then the notice at its version.
  await putInChunks(ports, items.slice(0, Math.max(0, items.length - CHUNK)));
  const uow = unitOfWork(ports);
  for (const item of items.slice(Math.max(0, items.length - CHUNK))) uow.put(item);
  uow.replace(noticeItem(updated, version));
  uow.audit({ subject: `NOTICE#${noticeId}`, action: 'notice.entries-added', after: { added: entries.length, entryCount: updated.entryCount } });
  await uow.commit();
  return updated;
}

/** The published notice, after every rule of publication (state, lines, public text). Writes nothing. */
function publication(notice: Notice, entries: readonly NoticeEntry[], now: Date): Notice {
  const published = publish(notice, now);
  assertNothingPersonal(published, entries);
  return published;
}

/** Audit and event of a publication, in the unit of work that writes the published notice. */
function recordPublication(uow: UnitOfWork, before: Notice, published: Notice): void {
  const noticeId = published.noticeId;
  uow.put(publicNoticeItem(published));
  uow.audit({ subject: `NOTICE#${noticeId}`, action: 'notice.published', before: { status: before.status }, after: { status: 'published', window: published.window } });
  uow.emit(noticeEvents.noticePublished, `NOTICE#${noticeId}`, {
    noticeId,
    ...(published.requestId ? { requestId: published.requestId } : {}),
    type: published.type,
    region: published.region,
    windowStart: published.window?.start ?? published.window?.postedOn ?? published.publishedAt?.slice(0, 10) ?? '',
    windowEnd: published.window?.end ?? '',
    entryCount: published.entryCount,
  });
}

/** Publishes a draft: the masked public copy is written, then the notice flips to published with its window. */
export async function publishNotice(ports: Ports, noticeId: string, consumed?: { consumer: string; eventId: string }): Promise<Notice> {
  const { notice, version } = await requireNotice(noticeId);
  const entries = await loadEntries(noticeId);
  if (notice.status === 'draft' && entries.length !== notice.entryCount) throw new DomainError('NOTICE_INCOMPLETE', '公示条目不完整，请稍后重试', 409);
  const published = publication(notice, entries, ports.clock.now());
  // The public lines are written first; public routes show nothing until the public notice exists.
  await putInChunks(ports, await publicEntryItems(published, entries));
  const uow = unitOfWork(ports);
  uow.replace(noticeItem(published, version));
  recordPublication(uow, notice, published);
  if (consumed) uow.markConsumed(consumed.consumer, consumed.eventId);
  await uow.commit();
  countBusiness('NoticesPublished');
  return published;
}

/** Closes one notice if its window has expired; a second run finds it closed and does nothing. */
export async function closeIfDue(ports: Ports, noticeId: string): Promise<'closed' | 'not-due'> {
  return withRetry(async () => {
    const found = await loadNotice(noticeId);
    if (!found) return 'not-due';
    const now = ports.clock.now();
    if (!isDueForClosing(found.notice, now)) return 'not-due';
    const entries = await loadEntries(noticeId);
    const { notice: closed, outcomes } = close(found.notice, entries, now);
    const uow = unitOfWork(ports);
    uow.replace(noticeItem(closed, found.version));
    uow.put(publicNoticeItem(closed));
    uow.audit({ subject: `NOTICE#${noticeId}`, action: 'notice.window-closed', after: { outcomeCounts: closed.outcomeCounts, heldEntries: closed.heldEntries } });
    uow.emit(noticeEvents.noticeWindowClosed, `NOTICE#${noticeId}`, {
      noticeId,
      ...(closed.requestId ? { requestId: closed.requestId } : {}),
      ...(closed.requester ? { requester: closed.requester } : {}),
      type: closed.type,
      region: closed.region,
      closedAt: closed.closedAt as string,
      context: closed.context,
      entries: outcomes.map(({ entryId, outcome }) => ({ entryId, outcome })),
    });
    await uow.commit();
    return 'closed';
  });
}

/** The scheduled close: every expired window (optionally inside one region). Idempotent. */
export async function closeExpiredWindows(ports: Ports, region?: string): Promise<{ closed: string[]; checked: number }> {
  const now = ports.clock.now();
  const due = await dueNoticeIds(now.toISOString());
  const closed: string[] = [];
  let checked = 0;
  for (const noticeId of due) {
    if (region) {
      const found = await loadNotice(noticeId);
      if (!found || !isWithinRegion(found.notice.region, region)) continue;
    }
    checked++;
    if ((await closeIfDue(ports, noticeId)) === 'closed') closed.push(noticeId);
  }
  return { closed, checked };
}

export async function withdrawNotice(ports: Ports, noticeId: string, reason: string): Promise<Notice> {
  const { notice, version } = await requireNotice(noticeId);
  const withdrawn = withdraw(notice, reason, ports.clock.now());
  const uow = unitOfWork(ports);
  uow.replace(noticeItem(withdrawn, version));
  if (notice.status === 'published') uow.put(publicNoticeItem(withdrawn));
  uow.audit({
    subject: `NOTICE#${noticeId}`,
    action: 'notice.withdrawn',
    before: { status: notice.status },
    after: { status: 'withdrawn' },
    reason: withdrawn.withdrawReason as string,
  });
  uow.emit(noticeEvents.noticeWithdrawn, `NOTICE#${noticeId}`, {
    noticeId,
    ...(notice.requestId ? { requestId: notice.requestId } : {}),
    ...(notice.requester ? { requester: notice.requester } : {}),
    type: notice.type,
    region: notice.region,
    reason: withdrawn.withdrawReason as string,
    context: notice.context,
  });
  await uow.commit();
  return withdrawn;
}

export async function archiveNotice(ports: Ports, noticeId: string): Promise<Notice> {
  const { notice, version } = await requireNotice(noticeId);
  const archived = archive(notice, ports.clock.now());
  const uow = unitOfWork(ports);
  uow.replace(noticeItem(archived, version));
  if (visibilityOf(archived) !== 'hidden') uow.put(publicNoticeItem(archived));
  uow.audit({ subject: `NOTICE#${noticeId}`, action: 'notice.archived', before: { status: notice.status }, after: { status: 'archived' } });
  await uow.commit();
  return archived;
}

/**
 * Lodges an objection against line `no`, within the flood limits. The objection is an item of its
 * own: lodging writes neither the notice nor the line (counts are derived when read), so objections
 * lodged at the same moment never conflict. The flood counters are taken first, each with one
 * atomic conditional ADD (not in the transaction, where a counter shared by every objection of the
 * notice would make simultaneous transactions conflict): a refused one writes nothing else.
 * A window closing at the same moment: the line was checked open against this clock, and the
 * daily close runs at 00:05, minutes after the last moment an objection is taken.
 */
export async function lodgeObjection(
  ports: Ports,
  noticeId: string,
  no: number,
  input: ObjectionInput,
  source: { channel: 'online' | 'staff'; address: string },
): Promise<Objection> {
  const found = await loadNotice(noticeId);
  if (!found || found.notice.status === 'draft') throw CommonErrors.notFound('公示');
  const now = ports.clock.now();
  const line = Number.isInteger(no) && no >= 1 && no <= found.notice.entryCount ? await loadEntry(noticeId, no) : undefined;
  const checked = checkObjection(found.notice, line?.entry, no, input, now);
  const entry = (line as { entry: NoticeEntry }).entry;
  if (source.channel === 'online') {
    const hour = hourBucket(now);
    await takeRate(rateKeys.objectionsByAddress(addressKey(source.address), hour), OBJECTION_LIMITS.perAddressPerHour, now);
    await takeRate(rateKeys.objectionsByNotice(noticeId, hour), OBJECTION_LIMITS.perNoticePerHour, now);
  }
  const base = {
    noticeId,
    objectionId: ports.ids.next(),
    entryNo: no,
    entryId: entry.entryId,
    ...(checked.name ? { objectorName: checked.name } : {}),
    ...(checked.contact ? { contact: checked.contact } : {}),
    reason: checked.reason,
    channel: source.channel,
    lodgedAt: now.toISOString(),
    status: 'open' as const,
    investigation: [],
  };
  // A fresh number on the one-in-10^14 chance that the drawn one is taken (the pointer is created only if absent).
  for (let attempt = 0; ; attempt++) {
    const objection: Objection & { number: string } = { ...base, number: newObjectionNumber() };
    const uow = unitOfWork(ports);
    const { version: _v, ...item } = objectionItem(objection, 1);
    uow.create(item);
    uow.create({ ...noticeKeys.objectionNumber(objection.number), entity: 'objection-number', noticeId, objectionId: objection.objectionId }, NUMBER_TAKEN);
    uow.audit({ subject: `NOTICE#${noticeId}`, action: 'objection.lodged', after: { objectionId: objection.objectionId, entryNo: no, channel: source.channel } });
    uow.emit(noticeEvents.objectionLodged, `NOTICE#${noticeId}`, { noticeId, entryId: entry.entryId, type: found.notice.type, region: found.notice.region });
    try {
      await uow.commit();
      countBusiness('ObjectionsLodged');
      return objection;
    } catch (error) {
      if (error !== NUMBER_TAKEN || attempt >= 2) throw error;
    }
  }
}

const NUMBER_TAKEN = new DomainError('OBJECTION_NUMBER_TAKEN', '受理编号冲突，请重新提交', 409);

/** The objection a short public number points to, or undefined. */
export async function objectionByNumber(number: string): Promise<Objection | undefined> {
  const pointer = await getItem<{ noticeId: string; objectionId: string }>(table(), noticeKeys.objectionNumber(number));
  if (!pointer) return undefined;
  return (await loadObjection(pointer.noticeId, pointer.objectionId))?.objection;
}

/** One request against an hourly limit of this service's counters (platform rate-limit.ts). */
export function takeRate(key: { pk: string; sk: string }, limit: number, now: Date): Promise<void> {
  return takeHourlyRate(table(), key, limit, now);
}

export async function recordInvestigation(ports: Ports, noticeId: string, objectionId: string, note: string): Promise<Objection> {
  const found = await loadObjection(noticeId, objectionId);
  if (!found) throw CommonErrors.notFound('异议');
  const updated = addInvestigationNote(found.objection, note, ports.actor.name ?? ports.actor.sub, ports.clock.now());
  const uow = unitOfWork(ports);
  uow.replace(objectionItem(updated, found.version));
  uow.audit({ subject: `NOTICE#${noticeId}`, action: 'objection.investigated', after: { objectionId } });
  await uow.commit();
  return updated;
}

/** Records the decision; a HELD line's last decision flows back to the requester (objectionDecided). */
export async function decide(ports: Ports, noticeId: string, objectionId: string, outcome: 'upheld' | 'rejected', reason: string): Promise<Objection> {
  return withRetry(async () => {
    const { notice, version } = await requireNotice(noticeId);
    const found = await loadObjection(noticeId, objectionId);
    if (!found) throw CommonErrors.notFound('异议');
    const line = await loadEntry(noticeId, found.objection.entryNo);
    if (!line) throw CommonErrors.notFound('公示条目');
    const tally = await loadObjectionTally(noticeId);
    const entry = { ...line.entry, objections: tally.byEntry.get(line.entry.no) ?? line.entry.objections };
    const result = decideObjection(notice, entry, found.objection, outcome, reason, ports.actor.name ?? ports.actor.sub, ports.clock.now());
    const uow = unitOfWork(ports);
    uow.replace(objectionItem(result.objection, found.version));
    // The line is written only when it is withdrawn; the notice is checked, not written: a close
    // committed meanwhile makes this decision run again as one taken after the close.
    if (result.entry.withdrawn && !line.entry.withdrawn) uow.replace(entryItem(result.entry, line.version));
    uow.check(noticeKeys.notice(noticeId), { version });
    if (result.removeFromPublicCopy) uow.delete(publicKeys.entry(noticeId, line.entry.no));
    uow.audit({
      subject: `NOTICE#${noticeId}`,
      action: `objection.${outcome}`,
      after: { objectionId, entryNo: line.entry.no },
      reason: result.objection.decision?.reason as string,
    });
    if (result.heldOutcome) {
      uow.emit(noticeEvents.objectionDecided, `NOTICE#${noticeId}`, {
        noticeId,
        ...(notice.requestId ? { requestId: notice.requestId } : {}),
        ...(notice.requester ? { requester: notice.requester } : {}),
        type: notice.type,
        entryId: line.entry.entryId,
        outcome: result.heldOutcome,
        context: notice.context,
      });
    }
    await uow.commit();
    return result.objection;
  });
}

/** A request that cannot become a notice: recorded once, acknowledged, and reported back. */
export async function rejectRequest(
  ports: Ports,
  request: { requester: string; requestId: string; type: string; region: string; context: Record<string, string> },
  error: DomainError,
  consumed: { consumer: string; eventId: string },
): Promise<void> {
  const uow = unitOfWork(ports);
  // First, so that a repeated delivery fails as "already consumed" rather than on the guard.
  uow.markConsumed(consumed.consumer, consumed.eventId);
  uow.create(
    {
      ...noticeKeys.request(request.requester, request.requestId),
      entity: 'request',
      requester: request.requester,
      requestId: request.requestId,
      noticeId: '',
      status: 'rejected',
      code: error.code,
    },
    new DomainError('REQUEST_ALREADY_RECEIVED', '该公示请求已受理', 409),
  );
  uow.audit({ subject: `REQUEST#${request.requester}#${request.requestId}`, action: 'request.rejected', after: { code: error.code, message: error.messageZh } });
  uow.emit(noticeEvents.noticeRequestRejected, `REQUEST#${request.requester}#${request.requestId}`, {
    requestId: request.requestId,
    requester: request.requester,
    type: request.type,
    region: request.region,
    code: error.code,
    message: error.messageZh,
    context: request.context,
  });
  try {
    await uow.commit();
  } catch (failure) {
    // The same request id was already answered (a new event repeating it): acknowledge only.
    if (!(failure instanceof DomainError && failure.code === 'REQUEST_ALREADY_RECEIVED')) throw failure;
    const ack = unitOfWork(ports);
    ack.markConsumed(consumed.consumer, consumed.eventId);
    await ack.commit();
  }
}
