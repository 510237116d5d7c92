import { ScanCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { type LocalCloud, startTestCloud } from '../../packages/local-cloud/src/testing.js';
import { createDocumentClient } from '../../packages/platform/src/dynamo.js';
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

  it('finds the seeded people to look for', () => {
    expect(personalNames.size).toBeGreaterThan(50);
    expect(regionCodes.size).toBeGreaterThan(40);
    // The 一卡通 accounts of the demo members (12–19 digits, so the pattern above cannot find the shorter ones).
    expect(accountNumbers.size).toBeGreaterThan(50);
  });

  it('sweeps every public route and finds no ID number, phone, account or full name', async () => {
    const publicRoutes = allRoutes(services).filter(({ contract }) => contract.auth === 'public' && contract.method === 'GET');
    expect(publicRoutes.length).toBeGreaterThan(0);
    const ids = new Set<string>();
    const leaks: string[] = [];
    let responses = 0;
    const scan = (label: string, text: string) => {
      responses++;
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
