import { describe, expect, it } from 'vitest';
import { localToken, presignS3, sameToken, typeOfBytes } from '../src/files.js';

describe('evidence file store (files.ts)', () => {
  it('presigns S3 requests as AWS documents it (SigV4 query example: GET examplebucket/test.txt)', () => {
    // docs.aws.amazon.com/AmazonS3/latest/API/sigv4-query-string-auth.html, "An example".
    const url = presignS3({
      method: 'GET',
      bucket: 'examplebucket',
      region: 'us-east-1',
      host: 'examplebucket.s3.amazonaws.com',
      key: 'test.txt',
      headers: {},
      now: new Date('2013-05-24T00:00:00Z'),
      expiresSeconds: 86400,
      credentials: { accessKeyId: 'AKIAIOSFODNN7EXAMPLE', secretAccessKey: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY' },
    });
    expect(url).toContain('X-Amz-Signature=aeeed9bbccd4d02ee5c0109b86d86835f995330da4c265957d157751f604d404');
  });

  it('binds the content type and length of a PUT into its signature, and names the China host', () => {
    const base = {
      method: 'PUT' as const,
      bucket: 'files',
      region: 'cn-north-1',
      key: 'evidence/H/F',
      now: new Date('2026-01-01T00:00:00Z'),
      expiresSeconds: 900,
      credentials: { accessKeyId: 'A', secretAccessKey: 'S', sessionToken: 'T' },
    };
    const png = presignS3({ ...base, headers: { 'content-type': 'image/png', 'content-length': '100' } });
    expect(png).toMatch(/^https:\/\/files\.s3\.cn-north-1\.amazonaws\.com\.cn\/evidence\/H\/F\?/);
    expect(png).toContain('X-Amz-SignedHeaders=content-length%3Bcontent-type%3Bhost');
    expect(png).toContain('X-Amz-Security-Token=T');
    const longer = presignS3({ ...base, headers: { 'content-type': 'image/png', 'content-length': '101' } });
    expect(longer.split('X-Amz-Signature=')[1]).not.toBe(png.split('X-Amz-Signature=')[1]);
  });

  it('knows JPG, PNG and PDF by their first bytes and nothing else', () => {
    expect(typeOfBytes(Uint8Array.from([0xff, 0xd8, 0xff, 0xe0]))).toBe('image/jpeg');
    expect(typeOfBytes(Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))).toBe('image/png');
    expect(typeOfBytes(new TextEncoder().encode('%PDF-1.7'))).toBe('application/pdf');
    expect(typeOfBytes(new TextEncoder().encode('MZ\x90\x00'))).toBeUndefined();
    expect(typeOfBytes(new Uint8Array())).toBeUndefined();
  });

  it('signs local URLs over method, key, type, size and expiry', () => {
    const parts = { method: 'PUT', key: 'evidence/H/F', contentType: 'image/png', size: 10, expires: 1 };
    const token = localToken('secret', parts);
    expect(sameToken(token, localToken('secret', { ...parts }))).toBe(true);
    expect(sameToken(token, localToken('secret', { ...parts, size: 11 }))).toBe(false);
    expect(sameToken(token, localToken('other', parts))).toBe(false);
  });
});
