import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { dirname } from 'node:path';
import { localPaths, localToken, MAX_UPLOAD_BYTES, sameToken, typeOfBytes } from '@jingzhun/platform/files';
import { sendError } from './gateway.js';

/**
 * The local counterpart of the evidence bucket (platform/src/files.ts): `PUT /local-files/<key>`
 * with the token the API signed stores the body when its type, length and first bytes match what
 * was signed; `GET` with a read token returns it. What S3 refuses with a 403, this refuses too.
 */
export function localFileRoutes(dir: string, secret: string) {
  return async (req: IncomingMessage, res: ServerResponse, url: URL): Promise<boolean> => {
    if (!url.pathname.startsWith('/local-files/')) return false;
    const method = req.method ?? 'GET';
    if (method === 'OPTIONS') {
      res.writeHead(204, { 'access-control-allow-origin': '*', 'access-control-allow-methods': 'PUT, GET', 'access-control-allow-headers': 'content-type' });
      res.end();
      return true;
    }
    const key = decodeURIComponent(url.pathname.slice('/local-files/'.length));
    let paths: { data: string; meta: string };
    try {
      paths = localPaths(dir, key);
    } catch {
      sendError(res, 400, 'BAD_FILE_KEY', '文件地址不正确');
      return true;
    }
    const q = url.searchParams;
    const contentType = q.get('type') ?? '';
    const size = Number(q.get('size') ?? '-1');
    const expires = Number(q.get('expires') ?? '0');
    const token = q.get('token') ?? '';
    if (method !== 'PUT' && method !== 'GET') {
      sendError(res, 405, 'METHOD_NOT_ALLOWED', '不支持的请求方法');
      return true;
    }
    if (!sameToken(token, localToken(secret, { method, key, contentType, size, expires })) || expires * 1000 < Date.now()) {
      sendError(res, 403, 'UPLOAD_URL_INVALID', '上传或查看地址无效或已过期，请重新选择文件');
      return true;
    }
    if (method === 'GET') {
      try {
        const body = readFileSync(paths.data);
        res.writeHead(200, { 'content-type': contentType, 'content-length': body.length, 'cache-control': 'private, max-age=300' });
        res.end(body);
      } catch {
        sendError(res, 404, 'NOT_FOUND', '文件不存在');
      }
      return true;
    }
    if ((req.headers['content-type'] ?? '') !== contentType) {
      sendError(res, 403, 'UPLOAD_TYPE_MISMATCH', '文件类型与申请上传时不一致');
      return true;
    }
    const chunks: Buffer[] = [];
    let length = 0;
    for await (const chunk of req) {
      length += (chunk as Buffer).length;
      if (length > Math.min(size, MAX_UPLOAD_BYTES)) break;
      chunks.push(chunk as Buffer);
    }
    const body = Buffer.concat(chunks);
    if (length !== size || length > MAX_UPLOAD_BYTES) {
      sendError(res, 403, 'UPLOAD_SIZE_MISMATCH', '文件大小与申请上传时不一致');
      return true;
    }
    if (typeOfBytes(body) !== contentType) {
      sendError(res, 403, 'UPLOAD_CONTENT_MISMATCH', '文件内容不是所声明的类型（只收 JPG、PNG 照片和 PDF 扫描件）');
      return true;
    }
    mkdirSync(dirname(paths.data), { recursive: true });
    writeFileSync(paths.data, body);
    writeFileSync(paths.meta, JSON.stringify({ contentType, size }));
    res.writeHead(200, { 'access-control-allow-origin': '*' });
    res.end();
    return true;
  };
}
