import { fileStore, httpHandler } from '@jingzhun/platform';
import { DomainError, identificationApi, UPLOAD_CONTENT_TYPES, type UploadContentType } from '@jingzhun/types';
import { loadHousehold } from '../store/households.js';
import { evidenceFileKey } from '../store/keys.js';

/**
 * POST /households/{id}/evidence-files: a short-lived URL to PUT one photo or scan for this
 * household (type and length bound by the signature). The file is stored under the household,
 * so an evidence item of another household cannot refer to it (assertEvidenceFiles).
 */
export const requestEvidenceUpload = httpHandler(identificationApi.requestEvidenceUpload, async ({ params, body, assertInScope, clock, ids }) => {
  const household = await loadHousehold(params.householdId);
  assertInScope(household.region);
  const fileId = ids.next();
  const signed = fileStore().presignPut(evidenceFileKey(household.householdId, fileId), { contentType: body.contentType, size: body.size }, clock.now());
  return { fileId, url: signed.url, method: 'PUT' as const, headers: signed.headers, expiresAt: signed.expiresAt };
});

/** GET /households/{id}/evidence-files/{fileId}: a short-lived URL to view the file (thumbnails, download). */
export const getEvidenceFile = httpHandler(identificationApi.getEvidenceFile, async ({ params, assertInScope, clock }) => {
  const household = await loadHousehold(params.householdId);
  assertInScope(household.region);
  const key = evidenceFileKey(household.householdId, params.fileId);
  const store = fileStore();
  const stored = await store.head(key, clock.now());
  if (!stored || !isUploadType(stored.contentType)) throw new DomainError('NOT_FOUND', '证据文件不存在或未上传完成', 404);
  const signed = store.presignGet(key, clock.now());
  return { fileId: params.fileId, contentType: stored.contentType, size: stored.size, url: signed.url, expiresAt: signed.expiresAt };
});

/** GET /households/{id}/evidence: the evidence kept with each step (documents named, files referred to). */
export const listEvidence = httpHandler(identificationApi.listEvidence, async ({ params, assertInScope }) => {
  const household = await loadHousehold(params.householdId);
  assertInScope(household.region);
  return { items: household.evidence ?? [] };
});

function isUploadType(value: string): value is UploadContentType {
  return (UPLOAD_CONTENT_TYPES as readonly string[]).includes(value);
}

/**
 * An evidence item that names a file must name one uploaded for this household: otherwise the
 * audit record would point at nothing (an upload that failed or expired) or at another
 * household's file. Checked before anything is written.
 */
export async function assertEvidenceFiles(householdId: string, evidence: readonly { fileId?: string | undefined }[], now: Date): Promise<void> {
  const store = fileStore();
  for (const [index, item] of evidence.entries()) {
    if (!item.fileId) continue;
    const stored = await store.head(evidenceFileKey(householdId, item.fileId), now);
    if (!stored) {
      throw new DomainError('EVIDENCE_FILE_MISSING', '证据文件未上传成功或不属于本户，请重新上传', 400, [
        { path: `evidence.${index}.fileId`, message: '证据文件未上传成功或不属于本户，请重新上传' },
      ]);
    }
  }
}
