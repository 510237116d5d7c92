import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { mkdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { MAX_UPLOAD_BYTES, type UploadContentType } from '@jingzhun/types';

/**
 * Uploaded files (evidence photos, scanned minutes): the browser or the mini-program PUTs the file
 * straight to a short-lived URL, never through a Lambda. In the cloud the URL is an S3 presigned
 * PUT (SigV4 query signature) that binds the content type and the exact length, so S3 itself
 * refuses any other file; under `npm start` and in tests it is local-cloud's file store
 * (`/local-files/…`, an HMAC token with the same bindings), which also checks the file's first
 * bytes against its type. Local and cloud differ only in this adapter.
 */
type UploadType = UploadContentType;

export { MAX_UPLOAD_BYTES };

const URL_LIFETIME_SECONDS = 15 * 60;

export const FILES_ENV = { bucket: 'JZ_FILES_BUCKET', localDir: 'JZ_LOCAL_FILES_DIR', localSecret: 'JZ_LOCAL_FILES_SECRET', localUrl: 'JZ_LOCAL_FILES_URL' } as const;

export interface SignedUrl {
  url: string;
  method: 'PUT' | 'GET';
  /** Headers the request must send exactly as given (they are part of the signature). */
  headers: Record<string, string>;
  expiresAt: string;
}

export interface StoredFile {
  contentType: string;
  size: number;
}

export interface FileStore {
  presignPut(key: string, file: { contentType: UploadType; size: number }, now: Date): SignedUrl;
  presignGet(key: string, now: Date): SignedUrl;
  /** What is stored under the key, or undefined when nothing was uploaded (or the upload was refused). */
  head(key: string, now: Date): Promise<StoredFile | undefined>;
}

/** The first bytes of each accepted type (a PNG named .jpg, or an executable named .pdf, is refused). */
export function typeOfBytes(bytes: Uint8Array): UploadType | undefined {
  const starts = (...sig: number[]) => sig.every((b, i) => bytes[i] === b);
  if (starts(0xff, 0xd8, 0xff)) return 'image/jpeg';
  if (starts(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a)) return 'image/png';
  if (starts(0x25, 0x50, 0x44, 0x46, 0x2d)) return 'application/pdf';
  return undefined;
}

let override: FileStore | undefined;
/** Tests may put a fake in place; undefined restores the environment's store. */
export function setFileStore(store: FileStore | undefined): void {
  override = store;
}

export function fileStore(): FileStore {
  if (override) return override;
  const bucket = process.env[FILES_ENV.bucket];
  if (bucket) return s3Store(bucket, process.env.AWS_REGION ?? 'cn-north-1');
  const dir = process.env[FILES_ENV.localDir];
  const secret = process.env[FILES_ENV.localSecret];
  if (dir && secret) return localStore(dir, secret, process.env[FILES_ENV.localUrl] ?? '');
  throw new Error(`no file store configured: set ${FILES_ENV.bucket} (cloud) or ${FILES_ENV.localDir} and ${FILES_ENV.localSecret} (local-cloud)`);
}

// --- local-cloud -------------------------------------------------------------------------------

/** The token of a local URL: method, key, type, size and expiry under local-cloud's secret. */
export function localToken(secret: string, parts: { method: string; key: string; contentType: string; size: number; expires: number }): string {
  return createHmac('sha256', secret).update(`${parts.method}\n${parts.key}\n${parts.contentType}\n${parts.size}\n${parts.expires}`).digest('hex');
}

export function sameToken(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/** Where the local store keeps a key's bytes and its metadata (type and size, as the upload declared and the store checked). */
export function localPaths(dir: string, key: string): { data: string; meta: string } {
  if (!/^[\w-]+(\/[\w-]+)*$/.test(key)) throw new Error(`unsafe file key ${key}`);
  const data = join(dir, key);
  return { data, meta: `${data}.json` };
}

function localStore(dir: string, secret: string, base: string): FileStore {
  const sign = (method: 'PUT' | 'GET', key: string, contentType: string, size: number, now: Date): SignedUrl => {
    const expires = Math.floor(now.getTime() / 1000) + URL_LIFETIME_SECONDS;
    const token = localToken(secret, { method, key, contentType, size, expires });
    const query = new URLSearchParams({ type: contentType, size: String(size), expires: String(expires), token });
    return {
      url: `${base}/local-files/${key}?${query.toString()}`,
      method,
      headers: method === 'PUT' ? { 'content-type': contentType } : {},
      expiresAt: new Date(expires * 1000).toISOString(),
    };
  };
  return {
    presignPut: (key, file, now) => {
      mkdirSync(dirname(localPaths(dir, key).data), { recursive: true });
      return sign('PUT', key, file.contentType, file.size, now);
    },
    presignGet: (key, now) => {
      const stored = readLocalMeta(dir, key);
      return sign('GET', key, stored?.contentType ?? '', stored?.size ?? 0, now);
    },
    head: async (key) => readLocalMeta(dir, key),
  };
}

function readLocalMeta(dir: string, key: string): StoredFile | undefined {
  const { data, meta } = localPaths(dir, key);
  try {
    const stored = JSON.parse(readFileSync(meta, 'utf8')) as StoredFile;
    return statSync(data).size === stored.size ? stored : undefined;
  } catch {
    return undefined;
  }
}

// --- S3 (SigV4 query signing, no SDK needed for three presigned requests) ----------------------

const sha256 = (value: string) => createHash('sha256').update(value).digest('hex');
const hmac = (key: Buffer | string, value: string) => createHmac('sha256', key).update(value).digest();
const encode = (value: string) => encodeURIComponent(value).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);

/** An S3 presigned URL (AWS Signature Version 4, query parameters), signing `headers` with the host. */
export function presignS3(options: {
  method: 'PUT' | 'GET' | 'HEAD';
  bucket: string;
  region: string;
  key: string;
  headers: Record<string, string>;
  now: Date;
  expiresSeconds: number;
  credentials: { accessKeyId: string; secretAccessKey: string; sessionToken?: string | undefined };
  /** The bucket's host; by default its regional virtual-hosted name (amazonaws.com.cn in China). */
  host?: string;
}): string {
  const { method, bucket, region, key, now, credentials } = options;
  const host = options.host ?? `${bucket}.s3.${region}.amazonaws.com${region.startsWith('cn-') ? '.cn' : ''}`;
  const stamp = now
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}/, '');
  const day = stamp.slice(0, 8);
  const scope = `${day}/${region}/s3/aws4_request`;
  const headers: Record<string, string> = { host, ...Object.fromEntries(Object.entries(options.headers).map(([k, v]) => [k.toLowerCase(), v.trim()])) };
  const signedHeaders = Object.keys(headers).sort().join(';');
  const query: Record<string, string> = {
    'X-Amz-Algorithm': 'AWS4-HMAC-SHA256',
    'X-Amz-Credential': `${credentials.accessKeyId}/${scope}`,
    'X-Amz-Date': stamp,
    'X-Amz-Expires': String(options.expiresSeconds),
    'X-Amz-SignedHeaders': signedHeaders,
    ...(credentials.sessionToken ? { 'X-Amz-Security-Token': credentials.sessionToken } : {}),
  };
  const canonicalQuery = Object.keys(query)
    .sort()
    .map((k) => `${encode(k)}=${encode(query[k] as string)}`)
    .join('&');
  const path = `/${key.split('/').map(encode).join('/')}`;
  const canonicalHeaders = Object.keys(headers)
    .sort()
    .map((k) => `${k}:${headers[k]}\n`)
    .join('');
  const canonical = [method, path, canonicalQuery, canonicalHeaders, signedHeaders, 'UNSIGNED-PAYLOAD'].join('\n');
  const toSign = ['AWS4-HMAC-SHA256', stamp, scope, sha256(canonical)].join('\n');
  const signingKey = hmac(hmac(hmac(hmac(`AWS4${credentials.secretAccessKey}`, day), region), 's3'), 'aws4_request');
  const signature = createHmac('sha256', signingKey).update(toSign).digest('hex');
  return `https://${host}${path}?${canonicalQuery}&X-Amz-Signature=${signature}`;
}

function lambdaCredentials() {
  const accessKeyId = process.env.AWS_ACCESS_KEY_ID;
  const secretAccessKey = process.env.AWS_SECRET_ACCESS_KEY;
  if (!accessKeyId || !secretAccessKey) throw new Error('no AWS credentials in the environment');
  return { accessKeyId, secretAccessKey, sessionToken: process.env.AWS_SESSION_TOKEN };
}

function s3Store(bucket: string, region: string): FileStore {
  const url = (method: 'PUT' | 'GET' | 'HEAD', key: string, headers: Record<string, string>, now: Date) =>
    presignS3({ method, bucket, region, key, headers, now, expiresSeconds: URL_LIFETIME_SECONDS, credentials: lambdaCredentials() });
  const expiresAt = (now: Date) => new Date(now.getTime() + URL_LIFETIME_SECONDS * 1000).toISOString();
  return {
    presignPut: (key, file, now) => {
      // Content type and length are signed: S3 refuses a body of another length or type (403).
      const headers = { 'content-type': file.contentType, 'content-length': String(file.size) };
      return { url: url('PUT', key, headers, now), method: 'PUT', headers: { 'content-type': file.contentType }, expiresAt: expiresAt(now) };
    },
    presignGet: (key, now) => ({ url: url('GET', key, {}, now), method: 'GET', headers: {}, expiresAt: expiresAt(now) }),
    head: async (key, now) => {
      const response = await fetch(url('HEAD', key, {}, now), { method: 'HEAD' });
      if (response.status === 404 || response.status === 403) return undefined;
      if (!response.ok) throw new Error(`S3 HEAD ${key}: ${response.status}`);
      return { contentType: response.headers.get('content-type') ?? '', size: Number(response.headers.get('content-length') ?? 0) };
    },
  };
}

/** A random secret for local-cloud's tokens (a new one each start: old local URLs expire with it). */
export function newLocalSecret(): string {
  return randomBytes(32).toString('hex');
}
