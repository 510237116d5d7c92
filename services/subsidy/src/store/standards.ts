import { type Actor, type Clock, type IdGenerator, queryAll } from '@jingzhun/platform';
import { CommonErrors, DomainError } from '@jingzhun/types';
import { currentCatalog } from '../catalog/index.js';
import type { Item, JurisdictionId } from '../catalog/schema.js';
import { carriesForward, type StandardsInForce, type StandardTerms, type StandardVersion, standardItems, validateTerms, versionInForce } from '../domain/standards.js';
import { standardKeys } from './keys.js';
import { table } from './table.js';
import { unitOfWork } from './unit-of-work.js';

/** A stored version of a standard (immutable terms; only a PENDING one is reviewed, once). */
export interface StandardVersionItem extends StandardVersion {
  pk: string;
  sk: string;
  entity: 'standard-version';
  /** Item version (optimistic concurrency), not the standard's version number. */
  version: number;
  standardVersion: number;
  jurisdiction: JurisdictionId;
  enteredBy: string;
  enteredByName?: string;
  enteredAt: string;
  reason?: string;
  reviewedBy?: string;
  reviewedByName?: string;
  reviewedAt?: string;
  rejectionReason?: string;
}

/** The stored item as the domain sees it (`version` is the standard's number). */
export function asVersion(item: StandardVersionItem): StandardVersion {
  return {
    itemId: item.itemId,
    version: item.standardVersion,
    effectiveFrom: item.effectiveFrom,
    document: item.document,
    status: item.status,
    ...(item.amountFen !== undefined ? { amountFen: item.amountFen } : {}),
    ...(item.bandAmountsFen ? { bandAmountsFen: item.bandAmountsFen } : {}),
    ...(item.valuesFen ? { valuesFen: item.valuesFen } : {}),
  };
}

/** Every stored version of a jurisdiction's standards, by item id (in version order). */
export async function storedVersions(jurisdiction: JurisdictionId): Promise<Map<string, StandardVersionItem[]>> {
  const items = await queryAll<StandardVersionItem>({ table: table(), partition: standardKeys.ofJurisdiction(jurisdiction) });
  const byItem = new Map<string, StandardVersionItem[]>();
  for (const item of items) {
    if (item.entity !== 'standard-version') continue;
    const list = byItem.get(item.itemId) ?? [];
    list.push(item);
    byItem.set(item.itemId, list);
  }
  for (const list of byItem.values()) list.sort((a, b) => a.standardVersion - b.standardVersion);
  return byItem;
}

/** The version in force for the period of every standard of the jurisdiction. */
export async function standardsInForce(jurisdiction: JurisdictionId, period: string): Promise<Map<string, StandardVersion>> {
  const stored = await storedVersions(jurisdiction);
  const inForce = new Map<string, StandardVersion>();
  for (const { item } of standardItems(currentCatalog(), jurisdiction)) {
    const version = versionInForce(item, (stored.get(item.id) ?? []).map(asVersion), period);
    if (version) inForce.set(item.id, version);
  }
  return inForce;
}

/** The versions a run recorded (item id → version number), as they were approved (frozen). */
export async function recordedStandards(jurisdiction: JurisdictionId, recorded: Readonly<Record<string, number>>): Promise<StandardsInForce> {
  const stored = await storedVersions(jurisdiction);
  const catalog = currentCatalog();
  const result = new Map<string, StandardVersion>();
  for (const [itemId, number] of Object.entries(recorded)) {
    const item = catalog.items.get(itemId)?.item as Item;
    const found = number === 0 ? versionInForce(item, [], '9999-12') : (stored.get(itemId) ?? []).map(asVersion).find((v) => v.version === number);
    if (!found) throw new Error(`standard ${itemId} v${number} missing`);
    result.set(itemId, found);
  }
  return result;
}

function requireStandardItem(jurisdiction: JurisdictionId, itemId: string): Item {
  const compiled = currentCatalog().items.get(itemId);
  if (!compiled || compiled.item.jurisdiction !== jurisdiction) throw new DomainError('UNKNOWN_ITEM', `${jurisdiction} 没有政策项目 ${itemId}`, 404, { item: itemId });
  if (!carriesForward(compiled.item)) throw new DomainError('NOT_A_STANDARD', `${compiled.item.nameZh}（${itemId}）不是可续用的标准，不能录入新版本`, 400, { item: itemId });
  return compiled.item;
}

type Ctx = { clock: Clock; ids: IdGenerator; actor: Actor };

/** Enters a new version (PENDING until a second person approves it). */
export async function proposeVersion(
  jurisdiction: JurisdictionId,
  itemId: string,
  input: StandardTerms & { effectiveFrom: string; documentNumber: string; documentTitle: string; reason?: string },
  ctx: Ctx,
): Promise<StandardVersionItem> {
  const item = requireStandardItem(jurisdiction, itemId);
  const terms = validateTerms(item, input, input.effectiveFrom);
  const existing = (await storedVersions(jurisdiction)).get(itemId) ?? [];
  const number = (existing.at(-1)?.standardVersion ?? 0) + 1;
  const uow = unitOfWork(ctx);
  const stored = uow.create(
    {
      ...standardKeys.version(jurisdiction, itemId, number),
      entity: 'standard-version' as const,
      jurisdiction,
      itemId,
      standardVersion: number,
      effectiveFrom: input.effectiveFrom,
      document: { number: input.documentNumber, title: input.documentTitle },
      status: 'PENDING' as const,
      ...terms,
      enteredBy: ctx.actor.sub,
      ...(ctx.actor.name ? { enteredByName: ctx.actor.name } : {}),
      enteredAt: uow.timestamp,
      ...(input.reason ? { reason: input.reason } : {}),
    },
    CommonErrors.versionConflict(),
  );
  uow.audit({
    subject: standardKeys.subject(jurisdiction, itemId),
    action: 'standard.proposed',
    after: { version: number, effectiveFrom: input.effectiveFrom, ...terms, document: stored.document },
    ...(input.reason ? { reason: input.reason } : {}),
  });
  await uow.commit();
  return stored as StandardVersionItem;
}

/** Approves or rejects a PENDING version; the person who entered it may not review it. */
export async function reviewVersion(
  jurisdiction: JurisdictionId,
  itemId: string,
  number: number,
  decision: { approve: true } | { approve: false; reason: string },
  ctx: Ctx,
): Promise<StandardVersionItem> {
  requireStandardItem(jurisdiction, itemId);
  const existing = ((await storedVersions(jurisdiction)).get(itemId) ?? []).find((v) => v.standardVersion === number);
  if (!existing) throw CommonErrors.notFound(`标准第 ${number} 版`);
  if (existing.status !== 'PENDING')
    throw new DomainError('STANDARD_ALREADY_REVIEWED', `标准第 ${number} 版已${existing.status === 'APPROVED' ? '审核通过' : '退回'}，不能再审核`, 409, {
      status: existing.status,
    });
  if (existing.enteredBy === ctx.actor.sub) throw new DomainError('MAKER_CANNOT_REVIEW', '录入人不能审核自己录入的标准，须由另一人审核', 403);
  const uow = unitOfWork(ctx);
  const reviewed = uow.replace({
    ...existing,
    status: decision.approve ? ('APPROVED' as const) : ('REJECTED' as const),
    reviewedBy: ctx.actor.sub,
    ...(ctx.actor.name ? { reviewedByName: ctx.actor.name } : {}),
    reviewedAt: uow.timestamp,
    ...(decision.approve ? {} : { rejectionReason: decision.reason }),
  });
  uow.audit({
    subject: standardKeys.subject(jurisdiction, itemId),
    action: decision.approve ? 'standard.approved' : 'standard.rejected',
    before: { version: number, status: 'PENDING' },
    after: { version: number, status: reviewed.status },
    ...(decision.approve ? {} : { reason: decision.reason }),
  });
  await uow.commit();
  return reviewed;
}
