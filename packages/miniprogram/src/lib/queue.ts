import type { Client } from '@jingzhun/client';
import { isApiError } from '@jingzhun/client';
import { visitsApi } from '@jingzhun/types';
import { dropPhoto, type KeptPhoto, photoBase64 } from './photos.js';
import { readStored, writeStored } from './storage.js';

/**
 * Visits saved on the phone until the API has them (issue 15: weak signal is normal). A visit is
 * kept in storage with its photos the moment it is saved, then sent: photos first, then the visit,
 * each by PUT with the id the phone made, so a send repeated after a lost connection is the same
 * visit. It leaves the queue when the API answered with the record; a lost connection keeps it
 * for the next try (reconnecting, opening the app or the tasks page); a refusal keeps it with the
 * reason for the user to read and to change or delete.
 */
export interface QueuedVisit {
  visitId: string;
  headName: string;
  body: Omit<visitsApi.VisitBody, 'photoIds'>;
  photos: KeptPhoto[];
  savedAt: string;
  /** The API's refusal, in Chinese (a lost connection is not one). */
  refused?: string;
}

const KEY = 'jingzhun.unsent-visits';

export function unsentVisits(): QueuedVisit[] {
  return readStored<QueuedVisit[]>(KEY, []);
}

function store(items: QueuedVisit[]): void {
  writeStored(KEY, items);
}

export function enqueueVisit(visit: QueuedVisit): void {
  store([...unsentVisits().filter((v) => v.visitId !== visit.visitId), visit]);
}

export function discardVisit(visitId: string): void {
  const items = unsentVisits();
  for (const photo of items.find((v) => v.visitId === visitId)?.photos ?? []) dropPhoto(photo);
  store(items.filter((v) => v.visitId !== visitId));
}

export interface FlushResult {
  sent: visitsApi.Visit[];
  /** Still unsent because there was no connection. */
  waiting: number;
  refused: QueuedVisit[];
}

let flushing: Promise<FlushResult> | undefined;

/** Sends every unsent visit once; a second call while one runs waits for it (no visit goes twice at once). */
export function flushVisits(api: Client): Promise<FlushResult> {
  flushing ??= send(api).finally(() => {
    flushing = undefined;
  });
  return flushing;
}

async function send(api: Client): Promise<FlushResult> {
  const result: FlushResult = { sent: [], waiting: 0, refused: [] };
  for (const visit of unsentVisits()) {
    try {
      for (const photo of visit.photos) {
        await api.call(visitsApi.uploadVisitPhoto, {
          params: { householdId: visit.body.householdId, photoId: photo.photoId },
          body: { contentType: photo.contentType, contentBase64: photoBase64(photo) },
        });
      }
      const saved = await api.call(visitsApi.recordVisit, { params: { visitId: visit.visitId }, body: { ...visit.body, photoIds: visit.photos.map((p) => p.photoId) } });
      result.sent.push(saved);
      for (const photo of visit.photos) dropPhoto(photo);
      store(unsentVisits().filter((v) => v.visitId !== visit.visitId));
    } catch (error) {
      if (isApiError(error) && !error.isNetwork && error.status !== 401 && error.status !== 429 && error.status < 500) {
        const refused = { ...visit, refused: error.message };
        result.refused.push(refused);
        store(unsentVisits().map((v) => (v.visitId === visit.visitId ? refused : v)));
        continue;
      }
      // No connection (or signed out, or the server busy): keep it and stop trying for now.
      result.waiting = unsentVisits().length - result.refused.length;
      return result;
    }
  }
  return result;
}
