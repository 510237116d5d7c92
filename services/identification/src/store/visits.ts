import { getItem, queryPage, type UnitOfWork } from '@jingzhun/platform';
import type { visitsApi } from '@jingzhun/types';
import { table } from './households.js';
import { visitKeys } from './visit-keys.js';

/** A stored visit: what the phone sent plus who recorded it, the household's names and the monitoring outcome. */
export type VisitItem = visitsApi.Visit & { pk: string; sk: string; entity: 'visit'; version: number };

export interface PhotoItem {
  pk: string;
  sk: string;
  entity: 'visit-photo';
  photoId: string;
  householdId: string;
  region: string;
  contentType: string;
  bytes: number;
  sha256: string;
  content: Uint8Array;
  uploadedBy: string;
  version: number;
}

export async function loadVisit(visitId: string): Promise<VisitItem | undefined> {
  return getItem<VisitItem>(table(), visitKeys.item(visitId));
}

export function createVisit(uow: UnitOfWork, visit: visitsApi.Visit, onExists: Parameters<UnitOfWork['create']>[1]): void {
  uow.create({ ...visit, ...visitKeys.item(visit.visitId), ...visitKeys.indexes(visit.visitor.sub, visit.householdId, visit.date, visit.visitId), entity: 'visit' }, onExists);
}

/** Newest first: the sort key starts with the visit's date. */
export async function visitsOfHousehold(householdId: string, page: { limit: number; cursor?: string | undefined }) {
  const { index, partition } = visitKeys.byHousehold(householdId);
  return queryPage<VisitItem>({ table: table(), index, partition, limit: page.limit, forward: false, ...(page.cursor ? { cursor: page.cursor } : {}) });
}

export async function visitsOfVisitor(sub: string, page: { limit: number; cursor?: string | undefined }) {
  const { index, partition } = visitKeys.byVisitor(sub);
  return queryPage<VisitItem>({ table: table(), index, partition, limit: page.limit, forward: false, ...(page.cursor ? { cursor: page.cursor } : {}) });
}

export async function lastVisitOn(householdId: string): Promise<string | undefined> {
  const page = await visitsOfHousehold(householdId, { limit: 1 });
  return page.items[0]?.date;
}

export async function loadPhoto(photoId: string): Promise<PhotoItem | undefined> {
  return getItem<PhotoItem>(table(), visitKeys.photo(photoId));
}

export function createPhoto(uow: UnitOfWork, photo: Omit<PhotoItem, 'pk' | 'sk' | 'entity' | 'version'>, onExists: Parameters<UnitOfWork['create']>[1]): void {
  uow.create({ ...photo, ...visitKeys.photo(photo.photoId), entity: 'visit-photo' }, onExists);
}

/** The view of a stored visit (keys and bookkeeping off). */
export function visitView(item: VisitItem): visitsApi.Visit {
  const { pk: _pk, sk: _sk, entity: _e, version: _v, ...rest } = item as VisitItem & Record<string, unknown>;
  for (const key of ['gsi1pk', 'gsi1sk', 'gsi2pk', 'gsi2sk', 'createdAt', 'updatedAt']) delete rest[key];
  return rest as unknown as visitsApi.Visit;
}
