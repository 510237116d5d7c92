import { type Clock, systemClock, type UnitOfWork } from '@jingzhun/platform';
import { addDays, DomainError, shanghaiDate } from '@jingzhun/types';
import * as cases from '../domain/casework/assistance.js';
import { type CaseworkParameters, defaultParameters } from '../domain/casework/parameters.js';
import * as aid from '../domain/casework/temporary-aid.js';
import type { HouseholdRecord } from '../domain/household.js';
import { createAid, createCase } from '../store/casework.js';
import { unitOfWork } from '../store/households.js';
import { caseworkKeys } from '../store/keys.js';
import { demoId } from './households.js';

/**
 * Demo 民政 case work for `npm start` (issue 20): Tai'erzhuang's parameters, every demo household
 * that holds 低保 or 特困 as a case in care (存量, so the flags rest on cases), and in 冯庄村 a few
 * cases in course and temporary-aid cases (an emergency waiting for its 24 hours, an ordinary one
 * waiting for the county). Deterministic ids: a second run collides and writes nothing.
 */
const COUNTY = '370405000000';
const FENGZHUANG = '370405103201';
const actor = { sub: 'demo-loader', role: 'county', name: '演示数据' };

export const DEMO_PARAMETERS: CaseworkParameters = {
  ...defaultParameters(COUNTY),
  // 3,900 元/年·人 in 2017 (seed 000 SUB-46 L2780–2782; catalog tez-rural-dibao-2017).
  dibaoStandards: [{ year: 2017, annualFen: 390_000, source: '台儿庄区2017年农村低保标准（policy-catalog tez-rural-dibao-2017；seed 000 L2780–2782）' }],
};

function facts(record: HouseholdRecord): cases.HouseholdFacts {
  return { householdId: record.householdId, region: record.region, headName: record.headName, status: record.status, members: record.members };
}

async function commit(uow: UnitOfWork): Promise<boolean> {
  try {
    await uow.commit();
    return true;
  } catch (error) {
    if (error instanceof DomainError && ['ALREADY_EXISTS', 'VERSION_CONFLICT', 'CASE_ALREADY_OPEN'].includes(error.code)) return false;
    throw error;
  }
}

/** One in three demo 特困 persons cannot care for himself and lives in the district's home, one is cared for at home, one cares for himself. */
function demoCare(index: number): Omit<cases.CareInfo, 'since'> {
  if (index % 3 === 0) return { canSelfCare: false, careLevel: '全护理', centralised: true, institution: '台儿庄区中心敬老院' };
  if (index % 3 === 1) return { canSelfCare: false, careLevel: '半护理', centralised: false };
  return { canSelfCare: true, careLevel: '全自理', centralised: false };
}

function ids(prefix: string) {
  let n = 0;
  return { next: () => `${prefix.slice(0, 22)}${String(n++).padStart(4, '0')}` };
}

export async function seedCaseworkDemo(records: readonly HouseholdRecord[], clock: Clock = systemClock): Promise<{ cases: number; aid: number }> {
  const parameters = DEMO_PARAMETERS;
  const setup = unitOfWork(clock, ids('01CP370405000000000000'), actor);
  setup.create({ ...parameters, ...caseworkKeys.parameters(COUNTY), entity: 'casework-parameters' });
  setup.audit({ subject: caseworkKeys.parametersAuditSubject(COUNTY), action: 'SET_PARAMETERS', after: parameters as unknown as Record<string, unknown>, reason: '演示数据' });
  await commit(setup);

  // 存量 cases, written 16 at a time as the households are (one transaction each).
  const existing = records.filter((r) => r.dibao || r.tekun);
  const migrated = existing.flatMap((record, index) =>
    (['dibao', 'tekun'] as const)
      .filter((kind) => record[kind])
      .map((kind) => {
        const caseId = demoId(kind === 'dibao' ? '01CD' : '01CT', record.region, index);
        const care = kind === 'tekun' ? demoCare(index) : undefined;
        return cases.migratedCase(facts(record), kind, caseId, { approvedOn: '2017-06-30', parameters, ...(care ? { care } : {}) });
      }),
  );
  let written = 0;
  for (let start = 0; start < migrated.length; start += 16) {
    const results = await Promise.all(
      migrated.slice(start, start + 16).map(async (record) => {
        const uow = unitOfWork(clock, ids(record.caseId), actor);
        createCase(uow, record);
        return commit(uow);
      }),
    );
    written += results.filter(Boolean).length;
  }

  // Cases in course in 冯庄村, on households without the status.
  const today = shanghaiDate(clock.now());
  const candidates = records.filter((r) => r.region === FENGZHUANG && !r.dibao && !r.tekun && (r.status === 'REGISTERED' || r.status === 'EXITED_WITH_POLICY'));
  const [applied, noticed, insider] = candidates;
  const step = (on: string, actorName = '涧头集镇民政办'): cases.StepContext => ({ today: on, actorName, parameters });
  const inCourse: cases.AssistanceCase[] = [];
  if (applied)
    inCourse.push(
      cases.openCase(
        facts(applied),
        { kind: 'dibao', basis: 'expenditure', hardship: '户主患重病，医疗支出大', relatedOfficials: [], evidence: [{ kind: 'application', ref: '低保申请书' }] },
        demoId('01CA', FENGZHUANG, 1),
        step(today),
      ),
    );
  if (noticed) {
    const start = addDays(today, -12);
    let k = cases.openCase(
      facts(noticed),
      { kind: 'dibao', basis: 'income', hardship: '缺劳力，收入低', relatedOfficials: [], evidence: [{ kind: 'application', ref: '低保申请书' }] },
      demoId('01CA', FENGZHUANG, 2),
      step(start),
    );
    k = cases.recordVerification(
      k,
      facts(noticed),
      { annualIncomeFen: 300_000 * noticed.size, rigidExpenditureFen: 0, assetsQualify: true, hardshipIndex: 72 },
      [{ kind: 'verification', ref: '入户核查表' }],
      step(addDays(start, 1)),
    );
    k = cases.recordAppraisal(
      k,
      { date: addDays(start, 2), total: 31, present: 25, inFavour: 23 },
      [{ kind: 'minutes', ref: '冯庄村民主评议记录' }],
      step(addDays(start, 2), '冯庄村两委'),
    );
    inCourse.push(cases.recordNotice(k, addDays(start, 3), [{ kind: 'notice', ref: '冯庄村低保公示' }], step(addDays(start, 3), '冯庄村两委')));
  }
  if (insider) {
    inCourse.push(
      cases.openCase(
        facts(insider),
        {
          kind: 'dibao',
          basis: 'income',
          hardship: '因残致贫',
          relatedOfficials: [{ name: '冯建国', post: '村(居)委会任职人员', relation: '兄弟姐妹' }],
          evidence: [{ kind: 'application', ref: '低保申请书' }],
        },
        demoId('01CA', FENGZHUANG, 3),
        step(today),
      ),
    );
  }
  for (const record of inCourse) {
    const uow = unitOfWork(clock, ids(record.caseId), actor);
    createCase(uow, record);
    if (await commit(uow)) written++;
  }

  // Temporary aid in 冯庄村.
  let aids = 0;
  const now = clock.now().toISOString();
  const [fire, illness] = records.filter((r) => r.region === FENGZHUANG && r.status !== 'APPLYING');
  const openings: aid.AidCase[] = [];
  if (fire)
    openings.push(
      aid.openAid(
        fire,
        {
          emergency: true,
          hardship: '房屋失火，生活用品全部损毁',
          persons: fire.size,
          aidMonths: 1,
          reportedAt: new Date(Date.parse(now) - 6 * 3_600_000).toISOString(),
          evidence: [{ kind: 'hardship-report', ref: '村委会情况报告' }],
        },
        demoId('01TA', FENGZHUANG, 1),
        { now, actorName: '涧头集镇民政办', parameters },
      ),
    );
  if (illness)
    openings.push(
      aid.openAid(
        illness,
        {
          emergency: false,
          hardship: '家庭成员突发重病，自付医疗费用高',
          persons: illness.size,
          aidMonths: 3,
          reportedAt: now,
          evidence: [{ kind: 'application', ref: '临时救助申请书' }],
        },
        demoId('01TA', FENGZHUANG, 2),
        { now, actorName: '涧头集镇民政办', parameters },
      ),
    );
  for (const record of openings) {
    const uow = unitOfWork(clock, ids(record.aidId), actor);
    createAid(uow, record);
    if (await commit(uow)) aids++;
  }
  return { cases: written, aid: aids };
}
