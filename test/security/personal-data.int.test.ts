import { ScanCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { call, type LocalCloud, startTestCloud } from '../../packages/local-cloud/src/testing.js';
import { createDocumentClient } from '../../packages/platform/src/dynamo.js';
import { NOTICE_TYPE_RULES } from '../../services/notices/src/domain/notice-types.js';
import { services } from '../../services/registry.js';
import { allRoutes, paramNames } from '../support/routes.js';

/**
 * The personal-data sweep: every public route, called with the demo data (every region, every id
 * the public responses themselves reveal), must never return an ID number, a phone number, a bank
 * account or the full name of a seeded person (workflows.md §4.3).
 */
const ID_NUMBER = /(?<![\dA-Za-z])\d{17}[\dXx](?![\dA-Za-z])/;
const PHONE = /(?<!\d)1[3-9]\d{9}(?!\d)/;
const ACCOUNT = /(?<!\d)\d{16,19}(?!\d)/;

/** Staff-typed personal data in the disguises people use (spaces, dashes, full-width digits, a JSON number). */
const SEEDED = { id: '370405195001011234', phone: '13800001234', account: '6228480123456789' };
const fullWidth = (text: string) => text.replace(/\d/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0));
const DISGUISES: { label: string; value: string | number }[] = [
  { label: 'ID as typed', value: `身份证${SEEDED.id}` },
  { label: 'ID in groups', value: `370405 19500101 1234` },
  { label: 'ID in full-width digits', value: fullWidth(SEEDED.id) },
  { label: 'phone with dashes', value: '联系138-0000-1234' },
  { label: 'phone in full-width digits', value: `电话${fullWidth(SEEDED.phone)}` },
  { label: 'phone as a number', value: 13800001234 },
  { label: 'account in groups of four', value: '卡号 6228 4801 2345 6789' },
];
/** Digits with the separators removed, as the disguises would read once undone. */
const compact = (text: string) => text.normalize('NFKC').replace(/[\s\-_·—]/g, '');

describe('no personal data on any public route', () => {
  let cloud: LocalCloud;
  const personalNames = new Set<string>();
  const accountNumbers = new Set<string>();
  const regionCodes = new Set<string>();

  beforeAll(async () => {
    cloud = await startTestCloud(inject('dynamoEndpoint'), services, { demo: true });
    await cloud.drain();
    const documents = createDocumentClient(cloud.endpoint);
    // Every person the system holds: the register's members and heads, and full names on notice entries.
    for (const manifest of services) {
      let start: Record<string, unknown> | undefined;
      do {
        const page = await documents.send(new ScanCommand({ TableName: cloud.tableName(manifest.name), ExclusiveStartKey: start }));
        for (const item of page.Items ?? []) {
          if (item.entity === 'region') regionCodes.add(item.code);
          collectNames(item, personalNames);
          collectAccounts(item, accountNumbers);
        }
        start = page.LastEvaluatedKey;
      } while (start);
    }
    documents.destroy();
  }, 180_000);
  afterAll(() => cloud.stop());

  /** What a public response must never carry: ID numbers, phones, accounts, the seeded people's names, the staff-typed values. */
  function leaksIn(label: string, text: string): string[] {
    const leaks: string[] = [];
    for (const [kind, pattern] of [
      ['ID number', ID_NUMBER],
      ['phone', PHONE],
      ['account', ACCOUNT],
    ] as const) {
      const found = pattern.exec(text);
      if (found) leaks.push(`${label}: ${kind} ${found[0]}`);
    }
    for (const name of personalNames) if (text.includes(name)) leaks.push(`${label}: full name ${name}`);
    for (const account of accountNumbers) if (text.includes(account)) leaks.push(`${label}: account ${account}`);
    const digits = compact(text);
    for (const [kind, value] of Object.entries(SEEDED)) if (digits.includes(value)) leaks.push(`${label}: staff-typed ${kind} ${value}`);
    return leaks;
  }

  it('finds the seeded people to look for', () => {
    expect(personalNames.size).toBeGreaterThan(50);
    expect(regionCodes.size).toBeGreaterThan(40);
    // The 一卡通 accounts of the demo members (12–19 digits, so the pattern above cannot find the shorter ones).
    expect(accountNumbers.size).toBeGreaterThan(50);
  });

  it('refuses at publication staff-typed personal data in every free-text field of every public projection', async () => {
    const county = await cloud.login('county');
    const VILLAGE = '370405103201';
    const regionFor = (levels: readonly string[]) => (levels.includes('village') ? VILLAGE : levels.includes('town') ? '370405103000' : '370405000000');
    const accepted: string[] = [];
    let attempts = 0;
    for (const rule of Object.values(NOTICE_TYPE_RULES)) {
      const base = {
        entryId: 'e1',
        fullName: rule.subject === 'person' ? '钱多多' : '冯庄村',
        group: '一组',
        region: VILLAGE,
        regionName: '冯庄村',
        fields: {} as Record<string, string | number>,
      };
      const places: { field: string; body: (value: string | number) => Record<string, unknown> }[] = [
        { field: 'title', body: (value) => ({ title: `公示${value}`, entries: [base] }) },
        { field: 'group', body: (value) => ({ title: '公示', entries: [{ ...base, group: `一组${value}`.slice(0, 30) }] }) },
        { field: 'regionName', body: (value) => ({ title: '公示', entries: [{ ...base, regionName: `冯庄村${value}`.slice(0, 50) }] }) },
        ...(rule.subject === 'unit' ? [{ field: 'fullName', body: (value: string | number) => ({ title: '公示', entries: [{ ...base, fullName: `冯庄村${value}` }] }) }] : []),
        ...rule.contentFields.map((key) => ({ field: `fields.${key}`, body: (value: string | number) => ({ title: '公示', entries: [{ ...base, fields: { [key]: value } }] }) })),
      ];
      for (const place of places) {
        for (const disguise of DISGUISES) {
          // A JSON number only where the field is a value, not inside a text.
          if (typeof disguise.value === 'number' && !place.field.startsWith('fields.')) continue;
          attempts++;
          const response = await call(cloud, 'POST', '/notices', {
            token: county,
            body: { type: rule.type, region: regionFor(rule.regionLevels), publish: true, ...place.body(disguise.value) },
          });
          if (response.status !== 400 || response.body.code !== 'PERSONAL_DATA_IN_PUBLIC_TEXT' || response.body.details?.field !== place.field) {
            accepted.push(`${rule.type} ${place.field} ${disguise.label}: ${response.status} ${response.body.code ?? ''}`);
          }
          expect(JSON.stringify(response.body)).not.toContain(SEEDED.phone);
        }
      }
    }
    expect(attempts).toBeGreaterThan(300);
    expect(accepted.slice(0, 20)).toEqual([]);
  }, 180_000);

  it('sweeps every public route and finds no ID number, phone, account or full name', async () => {
    const publicRoutes = allRoutes(services).filter(({ contract }) => contract.auth === 'public' && contract.method === 'GET');
    expect(publicRoutes.length).toBeGreaterThan(0);
    const ids = new Set<string>();
    const leaks: string[] = [];
    let responses = 0;
    const scan = (label: string, text: string) => {
      responses++;
      leaks.push(...leaksIn(label, text));
      for (const match of text.matchAll(/"(\w*[iI]d)":"([^"]{1,80})"/g)) ids.add(match[2] as string);
    };
    // Two passes: the first collects the ids that public responses reveal (notices, villages), the second uses them.
    for (let pass = 0; pass < 2; pass++) {
      for (const { contract } of publicRoutes) {
        const names = paramNames(contract);
        const candidates = names.length === 0 ? [''] : [...regionCodes, ...ids].slice(0, 400);
        for (const value of candidates) {
          const path = contract.path.replace(/\{(\w+)\}/g, encodeURIComponent(value));
          const query = /region|village/.test(JSON.stringify(Object.keys((contract.query as { shape?: object }).shape ?? {})))
            ? `?region=${[...regionCodes][0]}&village=${[...regionCodes].find((code) => !code.endsWith('000')) ?? ''}`
            : '';
          const response = await fetch(cloud.url + path + query);
          scan(`GET ${path}${query}`, await response.text());
        }
      }
    }
    expect(leaks.slice(0, 20)).toEqual([]);
    expect(responses).toBeGreaterThan(publicRoutes.length);
  });

  it('answers an objection lookup, by its number, with nothing of the objector, the reason or the listed person', async () => {
    const [someone, listed] = personalNames;
    const notice = await call(cloud, 'POST', '/notices', {
      token: await cloud.login('county'),
      body: {
        type: 'entry-first',
        region: '370405103201',
        title: '冯庄村贫困户识别第一公示',
        publish: true,
        entries: [{ entryId: 'sweep-1', fullName: listed, group: '一组', region: '370405103201', fields: { size: 2 } }],
      },
    });
    expect(notice.status, JSON.stringify(notice.body)).toBeLessThan(300);
    const lodged = await call(cloud, 'POST', `/public/notices/${notice.body.noticeId}/objections`, {
      body: { entryNo: 1, name: someone, contact: SEEDED.phone, reason: `${someone}家有车，身份证${SEEDED.id}` },
    });
    expect(lodged.status, JSON.stringify(lodged.body)).toBe(201);
    expect(leaksIn('POST objection', JSON.stringify(lodged.body))).toEqual([]);
    const status = await fetch(`${cloud.url}/public/objections/${lodged.body.number}`);
    expect(status.status).toBe(200);
    expect(leaksIn('GET objection status', await status.text())).toEqual([]);
  });

  it('answers a household head’s payments lookup with amounts only: no ID number, account, member or household id', async () => {
    const VILLAGE = '370405103201';
    const PERIOD = '2017-06';
    const county = await cloud.login('county');
    let run = (await call(cloud, 'POST', '/subsidy/runs', { token: county, body: { period: PERIOD, region: VILLAGE } })).body;
    for (let i = 0; i < 300 && run.status === 'RUNNING'; i++) {
      await new Promise((resolve) => setTimeout(resolve, 200));
      run = (await call(cloud, 'GET', `/subsidy/runs/${PERIOD}/${VILLAGE}`, { token: county })).body;
    }
    expect((await call(cloud, 'POST', `/subsidy/rosters/${PERIOD}/${VILLAGE}/approve`, { token: county, body: { expectedAttempt: run.attempt } })).status).toBe(200);
    const documents = createDocumentClient(cloud.endpoint);
    const payees = await documents.send(
      new ScanCommand({ TableName: cloud.tableName('subsidy'), FilterExpression: 'entity = :e AND village = :v', ExpressionAttributeValues: { ':e': 'payees', ':v': VILLAGE } }),
    );
    documents.destroy();
    let answered = 0;
    // Within the per-address limit of the lookup (PAYMENT_LOOKUP_LIMITS).
    for (const item of (payees.Items ?? []).slice(0, 8)) {
      const head = (item.payees as { relation: string; name: string; idNumber: string }[]).find((p) => p.relation === 'head');
      if (!head) continue;
      const response = await call(cloud, 'POST', '/public/payments/lookup', { body: { headName: head.name, idNumber: head.idNumber } });
      expect(response.status).toBe(200);
      const text = JSON.stringify(response.body);
      expect(leaksIn(`payments of ${item.householdId}`, text)).toEqual([]);
      expect(text).not.toContain(item.householdId);
      if (response.body.items.length > 0) answered++;
    }
    expect(answered, 'heads whose household is on the approved roster').toBeGreaterThan(0);
  }, 240_000);
});

/** Names of people in a stored item: fields called name, fullName, headName… holding 2–4 Han characters. */
function collectNames(value: unknown, into: Set<string>, key = ''): void {
  if (typeof value === 'string') {
    if (/^(name|fullName|headName|memberName|objectorName|borrowerName)$/.test(key) && /^[\u4e00-\u9fff]{2,4}$/.test(value) && !/[村镇街区县市局办行社]$/.test(value))
      into.add(value);
    return;
  }
  if (Array.isArray(value)) for (const element of value) collectNames(element, into, key);
  else if (value && typeof value === 'object') for (const [childKey, child] of Object.entries(value)) collectNames(child, into, childKey);
}

/** 一卡通 account numbers in a stored item: `number` of any `account` object. */
function collectAccounts(value: unknown, into: Set<string>): void {
  if (Array.isArray(value)) for (const element of value) collectAccounts(element, into);
  else if (value && typeof value === 'object') {
    for (const [key, child] of Object.entries(value)) {
      if (key === 'account' && child && typeof child === 'object' && typeof (child as { number?: unknown }).number === 'string') into.add((child as { number: string }).number);
      else collectAccounts(child, into);
    }
  }
}
