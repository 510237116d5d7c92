import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { call, type LocalCloud, startTestCloud } from '../../../packages/local-cloud/src/index.js';
import { manifest } from '../src/manifest.js';
import { applicationBody } from './support.js';

/** The smallest PNG (1×1) and a text file that claims to be one. */
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');

describe('evidence files, offered actions and the ID-number search over HTTP (DynamoDB Local, local file store)', () => {
  let cloud: LocalCloud;
  const tokens: Record<string, string> = {};
  let householdId = '';
  let version = 1;

  beforeAll(async () => {
    cloud = await startTestCloud(inject('dynamoEndpoint'), [manifest]);
    for (const user of ['village-fengzhuang', 'village-xilancheng', 'town-jiantouji', 'county', 'dept-minzheng']) tokens[user] = await cloud.login(user);
    const created = await call(cloud, 'POST', '/households', { token: tokens['village-fengzhuang'], body: applicationBody({ seq: 71 }) });
    expect(created.status, JSON.stringify(created.body)).toBe(200);
    householdId = created.body.householdId;
    version = created.body.version;
  }, 60_000);
  afterAll(() => cloud.stop());

  async function signUpload(body: Record<string, unknown>, user = 'village-fengzhuang') {
    return call(cloud, 'POST', `/households/${householdId}/evidence-files`, { token: tokens[user], body });
  }

  it('offers the village SURVEY on a new application, the town nothing; a department may not ask', async () => {
    const village = await call(cloud, 'GET', `/households/${householdId}/actions`, { token: tokens['village-fengzhuang'] });
    expect(village.status).toBe(200);
    expect(village.body.items.map((i: { action: string }) => i.action)).toEqual(['SURVEY']);
    expect(village.body.items[0]).toMatchObject({ evidence: ['survey', 'photos'], meeting: false, reasonRequired: false });
    expect((await call(cloud, 'GET', `/households/${householdId}/actions`, { token: tokens['town-jiantouji'] })).body.items).toEqual([]);
    expect((await call(cloud, 'GET', `/households/${householdId}/actions`, { token: tokens['dept-minzheng'] })).status).toBe(403);
    expect((await call(cloud, 'GET', `/households/${householdId}/actions`, { token: tokens['village-xilancheng'] })).status).toBe(403);
  });

  it('signs an upload, stores the PNG, refuses another type, length or a forged token, and keeps the file with the step', async () => {
    const signed = await signUpload({ fileName: '入户照片.png', contentType: 'image/png', size: PNG.length });
    expect(signed.status, JSON.stringify(signed.body)).toBe(200);
    const { fileId, url, headers } = signed.body as { fileId: string; url: string; headers: Record<string, string> };

    // The store checks what the signature binds: length, type and the first bytes.
    expect((await fetch(url, { method: 'PUT', headers, body: Buffer.concat([PNG, Buffer.from('x')]) })).status).toBe(403);
    expect((await fetch(url, { method: 'PUT', headers: { 'content-type': 'image/jpeg' }, body: PNG })).status).toBe(403);
    const fake = Buffer.alloc(PNG.length, 0x41);
    expect((await fetch(url, { method: 'PUT', headers, body: fake })).status).toBe(403);
    expect((await fetch(url.replace(/token=[0-9a-f]{4}/, 'token=0000'), { method: 'PUT', headers, body: PNG })).status).toBe(403);

    // Not uploaded yet: a step naming the file is refused next to the field, nothing written.
    const early = await call(cloud, 'POST', `/households/${householdId}/actions`, {
      token: tokens['village-fengzhuang'],
      body: {
        version,
        action: 'SURVEY',
        evidence: [
          { kind: 'survey', ref: '入户调查表' },
          { kind: 'photos', ref: '入户照片.png', fileId },
        ],
      },
    });
    expect(early.status).toBe(400);
    expect(early.body).toMatchObject({ code: 'EVIDENCE_FILE_MISSING', details: [{ path: 'evidence.1.fileId' }] });

    expect((await fetch(url, { method: 'PUT', headers, body: PNG })).status).toBe(200);
    const stepped = await call(cloud, 'POST', `/households/${householdId}/actions`, {
      token: tokens['village-fengzhuang'],
      body: {
        version,
        action: 'SURVEY',
        evidence: [
          { kind: 'survey', ref: '入户调查表' },
          { kind: 'photos', ref: '入户照片.png', fileId },
        ],
      },
    });
    expect(stepped.status, JSON.stringify(stepped.body)).toBe(200);
    version = stepped.body.version;

    const evidence = await call(cloud, 'GET', `/households/${householdId}/evidence`, { token: tokens['town-jiantouji'] });
    expect(evidence.body.items).toContainEqual(expect.objectContaining({ kind: 'photos', fileId, action: 'SURVEY' }));
    const view = await call(cloud, 'GET', `/households/${householdId}/evidence-files/${fileId}`, { token: tokens['town-jiantouji'] });
    expect(view.body).toMatchObject({ fileId, contentType: 'image/png', size: PNG.length });
    const image = await fetch(view.body.url);
    expect(image.status).toBe(200);
    expect(Buffer.from(await image.arrayBuffer()).equals(PNG)).toBe(true);
    // Another village's cadre cannot read it, nor ask to upload for this household.
    expect((await call(cloud, 'GET', `/households/${householdId}/evidence-files/${fileId}`, { token: tokens['village-xilancheng'] })).status).toBe(403);
    expect((await signUpload({ fileName: 'a.png', contentType: 'image/png', size: 10 }, 'village-xilancheng')).status).toBe(403);
  });

  it('refuses a type or size it does not take before signing, in Chinese, next to the field', async () => {
    const exe = await signUpload({ fileName: '病毒.exe', contentType: 'application/x-msdownload', size: 100 });
    expect(exe.status).toBe(400);
    expect(exe.body.details).toContainEqual(expect.objectContaining({ path: 'contentType', message: expect.stringMatching(/JPG/) }));
    const big = await signUpload({ fileName: '大图.jpg', contentType: 'image/jpeg', size: 11 * 1024 * 1024 });
    expect(big.body.details).toContainEqual(expect.objectContaining({ path: 'size', message: expect.stringMatching(/10 MB/) }));
  });

  it("finds a household by a member's full ID number within the caller's region only", async () => {
    const idNumber = applicationBody({ seq: 71 }).members[1]?.idNumber as string;
    const found = await call(cloud, 'GET', `/households?region=370405103201&idNumber=${idNumber}`, { token: tokens['village-fengzhuang'] });
    expect(found.body.items.map((h: { householdId: string }) => h.householdId)).toEqual([householdId]);
    const townWide = await call(cloud, 'GET', `/households?region=370405103000&idNumber=${idNumber}`, { token: tokens['town-jiantouji'] });
    expect(townWide.body.items).toHaveLength(1);
    // Another village's list answers as if the number were unknown.
    const elsewhere = await call(cloud, 'GET', `/households?region=370405102201&idNumber=${idNumber}`, { token: tokens['village-xilancheng'] });
    expect(elsewhere.status).toBe(200);
    expect(elsewhere.body.items).toEqual([]);
    const bad = await call(cloud, 'GET', `/households?region=370405103201&idNumber=370405196003050010`, { token: tokens['village-fengzhuang'] });
    expect(bad.status).toBe(400);
  });
});
