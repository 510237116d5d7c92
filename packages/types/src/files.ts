import * as z from 'zod';

/**
 * Files staff upload as evidence (photos, scanned minutes and lists): the types accepted and the
 * size limit, checked by the page before it asks, by the API when it signs the upload, and by the
 * store at upload (S3 through the signed type and length; local-cloud also by the first bytes).
 */
export const UPLOAD_CONTENT_TYPES = ['image/jpeg', 'image/png', 'application/pdf'] as const;
export type UploadContentType = (typeof UPLOAD_CONTENT_TYPES)[number];
/** 10 MB: a phone photo or a scanned page; anything larger is refused. */
export const MAX_UPLOAD_BYTES = 10 * 1024 * 1024;
export const UPLOAD_TYPE_NAMES_ZH: Record<UploadContentType, string> = { 'image/jpeg': 'JPG 照片', 'image/png': 'PNG 图片', 'application/pdf': 'PDF 扫描件' };

export const UploadRequest = z.object({
  fileName: z.string().trim().min(1, { message: '请选择文件' }).max(120, { message: '文件名过长（最多 120 字）' }),
  contentType: z.enum(UPLOAD_CONTENT_TYPES, { error: '只能上传 JPG、PNG 照片或 PDF 扫描件' }),
  size: z.number().int().min(1, { message: '文件是空的' }).max(MAX_UPLOAD_BYTES, { message: '文件超过 10 MB，请压缩后再上传' }),
});
export type UploadRequest = z.infer<typeof UploadRequest>;

/** Where to PUT the file: the URL is short-lived and binds the type and length. */
export const SignedUpload = z.object({
  fileId: z.string(),
  url: z.string(),
  method: z.literal('PUT'),
  headers: z.record(z.string(), z.string()),
  expiresAt: z.string(),
});
