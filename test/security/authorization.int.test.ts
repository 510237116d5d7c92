import { type EventEnvelope, JWT_CLAIM, ROLES, type Role } from '@jingzhun/types';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createIdentity } from '../../packages/local-cloud/src/identity.js';
import { call, type LocalCloud, startTestCloud } from '../../packages/local-cloud/src/testing.js';
import { makeIdNumber } from '../../services/identification/src/demo/people.js';
import { services } from '../../services/registry.js';
import { allRoutes, fillPath, regionAcceptedBy, regionParams, regionQuery } from '../support/routes.js';

/**
 * The authorization matrix, generated from the manifests: every staff route (reads and writes) ×
 * every role × in-scope and out-of-scope regions, plus missing, expired, forged and wrong-audience
 * tokens. A route added to any manifest is covered without touching this file. For the reads that
 * return people, READS_OF_PEOPLE below says which personal fields each role receives; every other
 * staff read is listed in READS_WITHOUT_PEOPLE. docs/security.md mirrors both tables.
 */
const COUNTY = '370405000000';
const OTHER_COUNTY = '370403000000';
/** Codes in the other county at each level, for routes that take a town or a village. */
const OUT_OF_SCOPE_CODES = [OTHER_COUNTY, '370403001000', '370403001001'];

/** The personal fields the matrix looks for in what a read returns. */
type PersonalField = 'fullName' | 'idNumber' | 'phone' | 'income' | 'health' | 'disability' | 'birthDate' | 'bankAccount';
/** A role's outcome on a read of people: the personal fields it receives, or refused by the handler (a data-dependent check). */
type ReadOutcome = readonly PersonalField[] | 'refused';

/**
 * Who reads what: for each staff read that returns people, every role the contract admits and the
 * personal fields it gets (docs/security.md "Who may read what"). Roles a contract does not name
 * are refused with 403 FORBIDDEN (checked above for every route). ID numbers appear only masked to
 * the address code (any other form counts as `idNumber`); birth dates never appear beside them.
 */
const READS_OF_PEOPLE: Record<string, Partial<Record<Role, ReadOutcome>>> = {
  'identification.listHouseholds': { village: ['fullName', 'income'], town: ['fullName', 'income'], county: ['fullName', 'income'], leading_group: ['fullName', 'income'] },
  'identification.getHousehold': {
    village: ['fullName', 'phone', 'income', 'health', 'disability'],
    town: ['fullName', 'phone', 'income', 'health', 'disability'],
    county: ['fullName', 'phone', 'income', 'health', 'disability'],
    leading_group: ['fullName', 'phone', 'income', 'health', 'disability'],
  },
  'identification.householdHistory': {
    village: ['fullName', 'phone', 'income', 'health', 'disability'],
    town: ['fullName', 'phone', 'income', 'health', 'disability'],
    county: ['fullName', 'phone', 'income', 'health', 'disability'],
    leading_group: ['fullName', 'phone', 'income', 'health', 'disability'],
  },
  'identification.listHits': { village: ['fullName'], town: ['fullName'], county: ['fullName'], leading_group: ['fullName'] },
  // A department: the households its own comparison sources matched (its token here is 民政's, whose 低保 list matched).
  'identification.getComparedHousehold': { department: ['fullName'] },
  // The notice's owner (the type's publishers and county staff) sees full names; other readers the online copy.
  'notices.entries': { village: ['fullName'], town: ['fullName'], county: ['fullName'], leading_group: [], department: [], finance_office: [] },
  'notices.objections': { village: ['fullName', 'phone'], town: ['fullName', 'phone'], county: ['fullName', 'phone'], leading_group: [], department: [], finance_office: [] },
  // The online copy before publication: masked names for every reader (the same projection as the board).
  'notices.preview': { village: [], town: [], county: [], leading_group: [], department: [], finance_office: [] },
  'notices.print': { village: ['fullName'], town: ['fullName'], county: ['fullName'], leading_group: 'refused', department: 'refused', finance_office: 'refused' },
  'notices.export': { village: ['fullName'], town: ['fullName'], county: ['fullName'], leading_group: 'refused', department: 'refused', finance_office: 'refused' },
  // A bank: the facts its rating tests (ages, labour capacity, statuses), for the household it is asked to rate.
  'scoring.getRatingFacts': { bank: [] },
  // 民政 case work (issue 20): the regional line and the county 民政 read the applicant's name and the verified income.
  'casework.listCases': {
    village: ['fullName', 'income'],
    town: ['fullName', 'income'],
    county: ['fullName', 'income'],
    leading_group: ['fullName', 'income'],
    department: ['fullName', 'income'],
  },
  'casework.getCase': {
    village: ['fullName', 'income'],
    town: ['fullName', 'income'],
    county: ['fullName', 'income'],
    leading_group: ['fullName', 'income'],
    department: ['fullName', 'income'],
  },
  'casework.listAid': { village: ['fullName'], town: ['fullName'], county: ['fullName'], leading_group: ['fullName'], department: ['fullName'] },
  'casework.getAid': { village: ['fullName'], town: ['fullName'], county: ['fullName'], leading_group: ['fullName'], department: ['fullName'] },
  // 走访任务 (issue 15): the head's name and the household's helper, for the visitor.
  'visits.listVisitTasks': { village: ['fullName'], town: ['fullName'], county: ['fullName'] },
};

/** Staff reads that return no person: reference data, aggregates, bank assessment figures, job records. */
const READS_WITHOUT_PEOPLE = [
  'identification.getRegion',
  'identification.listRegionChildren',
  'identification.getPovertyLine',
  'identification.getNsysWindow',
  'identification.villageStatistics',
  'identification.getVillageExit',
  // The county's 民政 parameters (standards, limits) and the 特困 centralised-care rate (counts only).
  'casework.getParameters',
  'casework.careRate',
  // The village collective economy ledger (amounts by year and source; the staff member who entered each line).
  'collective.getLedger',
  // The county index (scores of the county's indicators and the survey's counts and mean scores).
  'dispatch.getCountyIndex',
  // The steps a role may take now (names of steps and evidence kinds); evidence items (document titles,
  // file ids) and a file's short-lived viewing address, of a household in scope.
  'identification.householdActions',
  'identification.listEvidence',
  'identification.getEvidenceFile',
  'notices.list',
  'notices.get',
  'subsidy.getCatalog',
  'subsidy.getCatalogItem',
  'subsidy.getParameters',
  'subsidy.listStandards',
  'subsidy.getRun',
  // Per household and item, by household id only (no name); the town and county that run the month.
  'subsidy.getRunDiff',
  'scoring.listBanks',
  'scoring.getBank',
  'scoring.listSubmissions',
  'scoring.getAssessment',
  'scoring.listAudit',
  // Micro-credit figures per bank and per loan: loans by id and household id only (no name).
  'scoring.getQuarter',
  'scoring.getCoverage',
  'scoring.getRiskFund',
  // A bank's own loans: by id and household id only (no name).
  'scoring.listBankLoans',
  'dispatch.listTargets',
  'dispatch.targetHistory',
  'dispatch.getCounts',
  'dispatch.getReport',
  'dispatch.getSeries',
  'dispatch.listFilings',
  'dispatch.listJobs',
  'dispatch.listRuns',
  // Units and the filings they owe, by unit name only.
  'dispatch.listOverdue',

  // Supervision (issue 17): units and their heads by post, vetoes, scores, the ledger, work-team cadres; households by id only.
  'supervision.listUnits',
  'supervision.listIncidents',
  'supervision.getAssessment',
  'supervision.listAudit',
  'supervision.listConsequences',
  'supervision.listFindings',
  'supervision.listVillages',
  'supervision.getCoverage',
  // Funds: money, factors, ledger entries and flags by unit and project; households by id only.
  'funds.listFunds',
  'funds.getFund',
  'funds.listEntries',
  'funds.getFactorSet',
  'funds.listProjects',
  'funds.listAssets',
  'funds.householdBenefits',
  'funds.monitoring',
  // Visit counts per village and per 帮扶责任人 (cadres' names, not households').
  'dispatch.visitCoverage',
];

/**
 * Reads of people whose fields this matrix does not yet check against data (a roster needs a
 * completed monthly run): their roles are checked above like every route; docs/security.md gives
 * their fields from the contract.
 */
const READS_OF_PEOPLE_ROLES_ONLY = [
  'subsidy.getRosterLines',
  'subsidy.exportRoster',
  // A bank's own ratings, with the borrower's name as on the ID card the bank was shown (no ID number).
  'scoring.listBankRatings',
  // A project's beneficiaries and an asset's distribution lines carry the household head's name for the regional line only (not departments).
  'funds.getProject',
  'funds.getAsset',
  // Visits name the household's head (the fixture household has no visit): issue 15.
  'visits.listHouseholdVisits',
  'visits.listMyVisits',
  'visits.getVisitPhoto',
];

const VILLAGE = '370405103201';
/** The people of the fixture household, and what would identify them. */
const PEOPLE = [
  { name: '钱有田', idNumber: makeIdNumber('1971-04-23', 901), birthDate: '1971-04-23', relation: 'head', health: 'disabled', disabilityGrade: 2, laborCapacity: 'partial' },
  { name: '孙秀梅', idNumber: makeIdNumber('1973-10-09', 902), birthDate: '1973-10-09', relation: 'spouse' },
];
const HOUSEHOLD_PHONE = '13805370405';
const OBJECTOR = { name: '周明理', contact: '13905370405' };

/** The personal fields a response shows, found by value (names, numbers, dates) and by field name (income, health, disability, accounts). */
function personalFieldsIn(text: string): PersonalField[] {
  const found = new Set<PersonalField>();
  if ([...PEOPLE.map((p) => p.name), OBJECTOR.name].some((name) => text.includes(name))) found.add('fullName');
  if (PEOPLE.some((p) => text.includes(p.idNumber))) found.add('idNumber');
  if (/\d{6}\*+[\dX]/.test(text)) found.add('idNumber');
  if (text.includes(HOUSEHOLD_PHONE) || text.includes(OBJECTOR.contact)) found.add('phone');
  if (/"(income|incomePerCapitaFen|wageFen|businessFen|transferFen|annualIncomeFen|perCapitaFen)"/.test(text)) found.add('income');
  if (/"health"/.test(text)) found.add('health');
  if (/"disabilityGrade"/.test(text)) found.add('disability');
  if (PEOPLE.some((p) => text.includes(p.birthDate) || text.includes(p.birthDate.replace(/-/g, ''))) || /"birthDate"/.test(text)) found.add('birthDate');
  if (/"\w*[aA]ccount\w*"/.test(text)) found.add('bankAccount');
  return [...found].sort();
}

/**
 * The anonymous routes and what each may reveal (docs/security.md "What the public can and cannot
 * learn"): a public route added to any manifest fails the matrix until it is declared here.
 */
const PUBLIC_ROUTES: Record<string, string> = {
  'notices.public.list': 'open notices of a region: no person',
  'notices.public.get': 'one notice: no person',
  'notices.public.entries': 'a notice’s lines: masked names, village, group, the type’s public fields',
  'notices.public.objection': 'lodging an objection: a receipt (number, line, dates), never the contact',
  'notices.public.objectionStatus': 'an objection’s status by its number: no reason, objector, contact or staff note',
  'notices.public.village': 'per-village counts: no person',
  'notices.public.search': 'which open notices list an exact name: never the line',
  'notices.public.disclosures': 'fund and project disclosures: no person',
  'scoring.publicResults': 'published rating results: masked',
  'funds.publicProject':
    'a project from 立项 on: plan, progress, budget, payments by date and amount, beneficiaries as masked heads with their link; no household id, payee, account or evidence',
  'funds.publicRegionProjects': 'the projects of a village or town from 立项 on: name, type, state, budget, paid, progress',
  'subsidy.public.payments': 'a household’s own approved amounts for its head’s name and full ID number: no member, account or ID number',
  // The mini-program's WeChat sign-in (issue 15): a staff session only for a bound openid or a valid one-time binding code.
  'wechat.bind': 'a staff session for the account that made the binding code: its name, role and region',
  'wechat.signIn': 'a staff session for the account the openid is bound to: its name, role and region',
};

describe('authorization matrix over every staff route', () => {
  let cloud: LocalCloud;
  const tokens = new Map<string, string>();
  const staffRoutes = allRoutes(services).filter(({ contract }) => contract.auth === 'staff');

  async function tokenFor(role: Role, region: string, department = 'minzheng'): Promise<string> {
    const key = `${role}@${region}@${department}`;
    let token = tokens.get(key);
    if (!token) {
      token = await cloud.identity.signRaw({
        sub: `matrix-${role}`,
        [JWT_CLAIM.name]: `矩阵-${role}`,
        [JWT_CLAIM.role]: role,
        [JWT_CLAIM.region]: region,
        ...(role === 'department' ? { [JWT_CLAIM.department]: department } : {}),
        ...(role === 'bank' ? { [JWT_CLAIM.bankId]: 'abc' } : {}),
      });
      tokens.set(key, token);
    }
    return token;
  }

  beforeAll(async () => {
    cloud = await startTestCloud(inject('dynamoEndpoint'), services, { demo: false });
  }, 120_000);
  afterAll(() => cloud.stop());

  it('covers every staff route of every service', () => {
    expect(staffRoutes.length).toBeGreaterThan(0);
    for (const manifest of services) {
      const count = manifest.routes.filter((route) => route.contract.auth === 'staff').length;
      expect(staffRoutes.filter((entry) => entry.service === manifest.name)).toHaveLength(count);
    }
  });

  it('refuses missing, expired, forged, wrong-audience and wrong-issuer tokens on every staff route', async () => {
    const forger = await createIdentity();
    const claims = { sub: 'x', [JWT_CLAIM.role]: 'county', [JWT_CLAIM.region]: COUNTY, [JWT_CLAIM.name]: 'x' };
    const bad = {
      none: undefined,
      expired: await cloud.identity.signRaw(claims, { expiresInSeconds: -60 }),
      forged: await forger.signRaw(claims),
      audience: await cloud.identity.signRaw(claims, { audience: 'another-app' }),
      issuer: await cloud.identity.signRaw(claims, { issuer: 'https://evil.example' }),
      garbage: 'not-a-jwt',
    };
    for (const { contract } of staffRoutes) {
      const path = fillPath(contract, COUNTY) + regionQuery(contract, COUNTY);
      for (const [label, token] of Object.entries(bad)) {
        const response = await call(cloud, contract.method, path, token ? { token } : {});
        expect(response.status, `${label} → ${contract.method} ${contract.path}`).toBe(401);
        expect(response.body.code).toBe('UNAUTHENTICATED');
      }
    }
  });

  // One request per role and staff route (some 90 routes × 9 roles): minutes under load, not 30 s.
  it('denies every role a route does not name, and lets every named role past the role check', async () => {
    for (const { contract } of staffRoutes) {
      const path = fillPath(contract, COUNTY) + regionQuery(contract, COUNTY);
      const body = contract.method === 'GET' ? {} : { body: {} };
      // A department token carries a department the route names (if it names any).
      const department = contract.departments?.[0];
      for (const role of ROLES) {
        const response = await call(cloud, contract.method, path, { token: await tokenFor(role, COUNTY, department), ...body });
        const label = `${role} → ${contract.method} ${contract.path}: ${response.status} ${JSON.stringify(response.body).slice(0, 200)}`;
        const allowed = !contract.roles || contract.roles.length === 0 || contract.roles.includes(role);
        if (allowed) {
          expect(response.status, label).not.toBe(401);
          expect(response.body?.code, label).not.toBe('FORBIDDEN');
          expect(response.status, label).toBeLessThan(500);
        } else {
          expect(response.status, label).toBe(403);
          expect(response.body.code, label).toBe('FORBIDDEN');
        }
      }
      if (contract.departments && contract.roles?.includes('department')) {
        const response = await call(cloud, contract.method, path, { token: await tokenFor('department', COUNTY, 'not-listed'), ...body });
        expect(response.status, `unlisted department → ${contract.method} ${contract.path}`).toBe(403);
        expect(response.body.code).toBe('FORBIDDEN');
      }
    }
    // Every staff route × every role: minutes under load.
  }, 300_000);

  it('declares every anonymous route with what it reveals, and lets each through without a token', async () => {
    const publicRoutes = allRoutes(services).filter(({ contract }) => contract.auth === 'public');
    expect(publicRoutes.map(({ contract }) => contract.id).sort()).toEqual(Object.keys(PUBLIC_ROUTES).sort());
    for (const { contract } of publicRoutes) {
      const path = fillPath(contract, COUNTY) + regionQuery(contract, COUNTY);
      const response = await call(cloud, contract.method, path, contract.method === 'GET' ? {} : { body: {} });
      expect(response.status, `${contract.method} ${path}`).not.toBe(401);
      expect(response.status, `${contract.method} ${path}`).toBeLessThan(500);
    }
  });

  it('lets only reads skip the region scope, each with its reason', () => {
    const unscoped = staffRoutes.filter(({ contract }) => contract.unscopedReason);
    expect(unscoped.map(({ contract }) => contract.method)).toEqual(unscoped.map(() => 'GET'));
  });

  it('keeps every allowed role out of another county on routes addressed by region', async () => {
    let checked = 0;
    for (const { contract } of staffRoutes) {
      const params = regionParams(contract);
      if (contract.method !== 'GET' || params.path.length + params.query.length === 0) continue;
      // Reads of public reference data say so in their contract (and only reads may).
      if (contract.unscopedReason) continue;
      const outside = regionAcceptedBy(contract, OUT_OF_SCOPE_CODES);
      expect(outside, `${contract.method} ${contract.path} takes no region code of any level`).toBeDefined();
      const path = fillPath(contract, outside as string) + regionQuery(contract, outside as string);
      for (const role of contract.roles?.length ? contract.roles : ROLES) {
        const response = await call(cloud, 'GET', path, { token: await tokenFor(role, COUNTY, contract.departments?.[0]) });
        const label = `${role} → GET ${path}: ${response.status} ${JSON.stringify(response.body).slice(0, 200)}`;
        expect(response.status, label).toBe(403);
        expect(['OUT_OF_SCOPE', 'FORBIDDEN'], label).toContain(response.body.code);
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(0);
  });
  it('declares every staff read: with the personal fields per role, or as returning no person', () => {
    const reads = staffRoutes.filter(({ contract }) => contract.method === 'GET').map(({ contract }) => contract);
    const declared = [...Object.keys(READS_OF_PEOPLE), ...READS_WITHOUT_PEOPLE, ...READS_OF_PEOPLE_ROLES_ONLY];
    expect(reads.map((c) => c.id).sort()).toEqual([...declared].sort());
    // The table names exactly the roles the contract admits: a role cannot read people undeclared.
    for (const contract of reads.filter((c) => READS_OF_PEOPLE[c.id])) {
      expect(Object.keys(READS_OF_PEOPLE[contract.id] ?? {}).sort(), contract.id).toEqual([...(contract.roles ?? ROLES)].sort());
    }
  });

  it('gives each role exactly the personal fields its duty needs, on every read that returns people', async () => {
    const county = await tokenFor('county', COUNTY);
    // A household with a phone, income, a disabled member, ID numbers and birth dates.
    const created = await call(cloud, 'POST', '/households', {
      token: await tokenFor('village', COUNTY),
      body: {
        region: VILLAGE,
        group: '五组',
        phone: HOUSEHOLD_PHONE,
        mainCause: '09',
        income: { year: 2018, wageFen: 500000, businessFen: 0, businessCostFen: 0, transferFen: 0, oneOffTransferFen: 0, propertyFen: 0 },
        welfare: { food: true, clothing: true, education: true, medical: true, housing: true, water: true },
        housing: { dangerGrade: 'B', safeDrinkingWater: true },
        members: PEOPLE.map(({ birthDate: _b, ...member }) => member),
        evidence: [
          { kind: 'application', ref: '申请书-矩阵' },
          { kind: 'authorisation', ref: '授权书-矩阵' },
        ],
      },
    });
    expect(created.status, JSON.stringify(created.body)).toBe(200);
    const householdId = created.body.householdId as string;
    // 民政's 低保 list matches the spouse: a hit of the department's own source.
    const csv = `姓名,身份证号\r\n${PEOPLE[1]?.name},${PEOPLE[1]?.idNumber}\r\n`;
    const imported = await call(cloud, 'POST', '/comparisons/imports', {
      token: await tokenFor('department', COUNTY, 'minzheng'),
      body: { source: 'minzheng-dibao', region: COUNTY, format: 'csv', contentBase64: Buffer.from(csv).toString('base64') },
    });
    expect(imported.body, JSON.stringify(imported.body)).toMatchObject({ hits: 1 });
    // A village notice naming the household, with an objection that leaves the objector's contact.
    const notice = await call(cloud, 'POST', '/notices', {
      token: county,
      body: {
        type: 'entry-first',
        region: VILLAGE,
        title: '矩阵村贫困户识别第一公示',
        publish: true,
        entries: [{ entryId: householdId, fullName: PEOPLE[0]?.name, group: '五组', region: VILLAGE, fields: { size: 2 } }],
      },
    });
    expect(notice.status, JSON.stringify(notice.body)).toBeLessThan(300);
    const noticeId = notice.body.noticeId as string;
    const objection = await call(cloud, 'POST', `/notices/${noticeId}/objections`, {
      token: county,
      body: { entryNo: 1, name: OBJECTOR.name, contact: OBJECTOR.contact, reason: '该户有营运车辆' },
    });
    expect(objection.status, JSON.stringify(objection.body)).toBe(201);
    expect(objection.body.number).toMatch(/^[2-9A-Z]{10}$/);
    // The scoring service's eligibility projection of a registered household (as identification's event delivers it).
    const bankHousehold = 'HH-MATRIX-RATING';
    await cloud.bus.publish(registeredEvent(bankHousehold));
    await cloud.drain();

    // A 低保 case verified by the town and a temporary-aid case for the household (issue 20).
    const minzheng = await tokenFor('department', COUNTY, 'minzheng');
    const standards = [{ year: 2017, annualFen: 390_000, source: '矩阵' }];
    const parameters = {
      dibaoStandards: standards,
      gradualExitMonths: 3,
      gradualExitMaxMonths: 6,
      reviewIntervalMonths: 12,
      smallAidMaxFen: 100_000,
      aidMaxMonths: 6,
      version: 0,
      reason: '矩阵',
    };
    expect((await call(cloud, 'PUT', `/casework/parameters/${COUNTY}`, { token: minzheng, body: parameters })).status).toBe(200);
    const opened = await call(cloud, 'POST', '/assistance-cases', {
      token: await tokenFor('village', COUNTY),
      body: { householdId, kind: 'dibao', hardship: '矩阵', evidence: [{ kind: 'application', ref: '申请书' }] },
    });
    expect(opened.status, JSON.stringify(opened.body)).toBe(200);
    const caseId = opened.body.caseId as string;
    const verified = await call(cloud, 'POST', `/assistance-cases/${caseId}/actions`, {
      token: await tokenFor('town', COUNTY),
      body: { version: 1, action: 'VERIFY', verification: { annualIncomeFen: 400_000, assetsQualify: true } },
    });
    expect(verified.status, JSON.stringify(verified.body)).toBe(200);
    const aided = await call(cloud, 'POST', '/temporary-aid', {
      token: await tokenFor('village', COUNTY),
      body: { householdId, emergency: true, hardship: '矩阵', persons: 1, aidMonths: 1, reportedAt: new Date().toISOString() },
    });
    expect(aided.status, JSON.stringify(aided.body)).toBe(200);
    const aidId = aided.body.aidId as string;

    const paths: Record<string, string> = {
      'casework.listCases': `/assistance-cases?region=${VILLAGE}`,
      'casework.getCase': `/assistance-cases/${caseId}`,
      'casework.listAid': `/temporary-aid?region=${VILLAGE}`,
      'casework.getAid': `/temporary-aid/${aidId}`,
      'identification.listHouseholds': `/households?region=${VILLAGE}`,
      'identification.getHousehold': `/households/${householdId}`,
      'identification.householdHistory': `/households/${householdId}/history`,
      'identification.listHits': `/households/${householdId}/hits`,
      'identification.getComparedHousehold': `/comparisons/households/${householdId}`,
      'notices.entries': `/notices/${noticeId}/entries`,
      'notices.objections': `/notices/${noticeId}/objections`,
      'notices.preview': `/notices/${noticeId}/preview`,
      'notices.print': `/notices/${noticeId}/print`,
      'notices.export': `/notices/${noticeId}/export?format=csv`,
      'scoring.getRatingFacts': `/scoring/households/${bankHousehold}/rating-facts`,
      'visits.listVisitTasks': `/visits/tasks?region=${VILLAGE}`,
    };
    const seen: string[] = [];
    for (const [id, perRole] of Object.entries(READS_OF_PEOPLE)) {
      const path = paths[id];
      expect(path, `a fixture path for ${id}`).toBeDefined();
      for (const [role, expected] of Object.entries(perRole) as [Role, ReadOutcome][]) {
        const response = await call(cloud, 'GET', path as string, { token: await tokenFor(role, COUNTY, 'minzheng') });
        const text = typeof response.body === 'string' ? response.body : JSON.stringify(response.body);
        const label = `${role} → GET ${path}: ${response.status} ${text.slice(0, 300)}`;
        if (expected === 'refused') {
          expect(response.status, label).toBe(403);
          continue;
        }
        expect(response.status, label).toBe(200);
        expect(personalFieldsIn(text), label).toEqual([...expected].sort());
        seen.push(`${id}:${role}`);
      }
    }
    expect(seen.length).toBeGreaterThan(20);
    // The anonymous lookups: an objection's status by its number, a household's payments by its head's name and ID number.
    for (const [label, response] of [
      ['objection status', await call(cloud, 'GET', `/public/objections/${objection.body.number}`)],
      ['own payments', await call(cloud, 'POST', '/public/payments/lookup', { body: { headName: PEOPLE[0]?.name, idNumber: PEOPLE[0]?.idNumber } })],
    ] as const) {
      expect(response.status, label).toBe(200);
      expect(personalFieldsIn(JSON.stringify(response.body)), label).toEqual([]);
    }
    // A department whose sources did not match the household reads nothing of it.
    const other = await call(cloud, 'GET', `/comparisons/households/${householdId}`, { token: await tokenFor('department', COUNTY, 'jiaoyu') });
    expect([other.status, other.body.code]).toEqual([403, 'NOT_OWN_HIT']);
  });
});

/** identification.household.registered for the scoring projection (members born 1971 and 1948). */
function registeredEvent(householdId: string): EventEnvelope {
  const snapshot = {
    householdId,
    region: VILLAGE,
    group: '五组',
    headName: PEOPLE[0]?.name,
    size: 2,
    status: 'REGISTERED',
    attribute: '一般贫困户',
    standard: 'national',
    mainCause: '09',
    secondaryCauses: [],
    incomeYear: 2018,
    incomePerCapitaFen: 250000,
    welfare: { food: true, clothing: true, education: true, medical: true, housing: true, water: true },
    members: PEOPLE.map((p, i) => ({ memberId: `m${i + 1}`, name: p.name, relation: p.relation, birthDate: p.birthDate, sex: i === 0 ? 'male' : 'female' })),
  };
  return {
    id: `matrix-${householdId}`,
    type: 'identification.household.registered',
    source: 'identification',
    occurredAt: '2019-02-01T00:00:00.000Z',
    subject: `HOUSEHOLD#${householdId}`,
    schemaVersion: 1,
    data: { householdId, region: VILLAGE, snapshot },
  };
}
