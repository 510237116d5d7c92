import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { call, type LocalCloud, startTestCloud } from '../../packages/local-cloud/src/testing.js';
import { manifest as dispatch } from '../../services/dispatch/src/manifest.js';
import { manifest as notices } from '../../services/notices/src/manifest.js';
import { manifest as supervision } from '../../services/supervision/src/manifest.js';
import { auditGaps } from '../support/audit.js';

/**
 * Issue 17 "Must show" over HTTP: a town misses its task and has a safety breach; the assessment is
 * computed, the veto applies, the 通报 is published, the 约谈 is recorded; an inspection finding is
 * rectified and closed; a key village loses its first secretary and the coverage check flags it
 * until a successor is assigned. Bad input on the way is refused with a 4xx, writes nothing and is
 * audited.
 */
const D = '370405000000';
const NIGOU = '370405102000';
const XILANCHENG = '370405102201';
const YAOZHUANG = '370405102202';
/** Last year: every date of the chain is in the past whatever today is. */
const YEAR = new Date().getUTCFullYear() - 1;
const base = `/supervision/districts/${D}`;
const ev = (title: string, reference: string) => [{ title, reference }];

describe('supervision over HTTP: veto → 通报 → 约谈; rectification closed; coverage gap until a successor', () => {
  let cloud: LocalCloud;
  let county: string;
  let group: string;
  let town: string;
  let otherTown: string;

  beforeAll(async () => {
    cloud = await startTestCloud(inject('dynamoEndpoint'), [notices, dispatch, supervision], { demo: false });
    [county, group, town, otherTown] = await Promise.all([cloud.login('county'), cloud.login('leading-group'), cloud.login('town-nigou'), cloud.login('town-pizhuang')]);
  }, 180_000);
  afterAll(() => cloud?.stop());

  const audit = async () => (await call(cloud, 'GET', `${base}/years/${YEAR}/audit`, { token: county })).body.items as { action: string; after: { code?: string } }[];

  it('runs the chain', async () => {
    // Units: 泥沟镇 and 邳庄镇 with their heads.
    for (const [unitId, name, region] of [
      ['town-nigou', '泥沟镇', NIGOU],
      ['town-pizhuang', '邳庄镇', '370405100000'],
    ] as const) {
      const put = await call(cloud, 'PUT', `${base}/units/${unitId}`, {
        token: county,
        body: { name, kind: 'town', region, heads: [{ name: `${name}书记`, post: '党委书记' }], responsibilities: [{ text: '年度减贫任务', source: 'seed 000 AS-5 L604–612' }] },
      });
      expect(put.status).toBe(200);
    }
    // 泥沟镇's task was due last month and is not done; 邳庄镇's was done well ahead.
    const due = `${YEAR}-01-31`;
    expect(
      (await call(cloud, 'POST', `${base}/units/town-nigou/tasks`, { token: county, body: { year: YEAR, title: '重点村退出：西兰城村', dueOn: due, source: 'seed 000 L3147' } }))
        .status,
    ).toBe(200);
    const early = await call(cloud, 'POST', `${base}/units/town-pizhuang/tasks`, {
      token: county,
      body: { year: YEAR, title: '年度减贫任务', dueOn: `${YEAR}-12-31`, source: 'seed 000 L3081' },
    });
    expect(
      (await call(cloud, 'POST', `${base}/tasks/${early.body.taskId}/complete`, { token: county, body: { completedOn: `${YEAR}-01-15`, evidence: ev('验收报告', '台扶验1号') } }))
        .status,
    ).toBe(200);

    // A veto without evidence is refused and audited; with evidence it is recorded.
    const breach = { unitId: 'town-nigou', year: YEAR, kind: 'target-breach', occurredOn: `${YEAR}-01-20`, description: '突破年度安全生产控制目标' };
    const noEvidence = await call(cloud, 'POST', `${base}/incidents`, { token: county, body: { ...breach, evidence: [] } });
    expect([noEvidence.status, noEvidence.body.code]).toEqual([400, 'VETO_EVIDENCE_REQUIRED']);
    expect((await call(cloud, 'GET', `${base}/years/${YEAR}/incidents`, { token: county })).body.items).toEqual([]);
    expect((await call(cloud, 'POST', `${base}/incidents`, { token: county, body: { ...breach, evidence: ev('区安委会通报', '台安委〔2026〕1号') } })).status).toBe(200);

    // Scores: out of range refused (nothing written), then entered.
    const bad = await call(cloud, 'PUT', `${base}/years/${YEAR}/assessment/units/town-nigou`, { token: county, body: { inputs: [{ code: 'quality', points: 30 }] } });
    expect([bad.status, bad.body.code]).toEqual([400, 'SCORE_OUT_OF_RANGE']);
    expect((await call(cloud, 'GET', `${base}/years/${YEAR}/assessment`, { token: county })).body.version).toBe(0);
    const figures = [
      { code: 'quality', points: 25 },
      { code: 'funds', achieved: 95, due: 100 },
      { code: 'filings', achieved: 12, due: 12 },
      { code: 'satisfaction', achieved: 98, due: 100 },
    ];
    for (const unitId of ['town-nigou', 'town-pizhuang'])
      expect((await call(cloud, 'PUT', `${base}/years/${YEAR}/assessment/units/${unitId}`, { token: county, body: { inputs: figures } })).status).toBe(200);

    // Compute: the veto applies to 泥沟镇 (safety target and the unfinished task) whatever its score.
    const computed = await call(cloud, 'POST', `${base}/years/${YEAR}/assessment/compute`, { token: county, body: {} });
    expect(computed.status).toBe(200);
    const nigou = computed.body.results.find((r: { unitId: string }) => r.unitId === 'town-nigou');
    const pizhuang = computed.body.results.find((r: { unitId: string }) => r.unitId === 'town-pizhuang');
    expect(nigou.vetoes.map((v: { rule: string }) => v.rule)).toEqual(['SAFETY_TARGET_BREACH', 'POVERTY_TASK_UNFINISHED']);
    expect(nigou.vetoes[0].citation).toContain('000 AS-3.1 L46');
    expect(nigou).toMatchObject({ grade: '不合格', eligibleForHonours: false, award: null, criticised: true });
    expect(nigou.score.items[0].explanation).toContain('0／1');
    expect(pizhuang).toMatchObject({ grade: '优秀', award: '表彰奖励', eligibleForHonours: true });
    // Before the 通报, another town does not see 泥沟镇's row.
    const seen = (await call(cloud, 'GET', `${base}/years/${YEAR}/assessment`, { token: otherTown })).body.results.map((r: { unitId: string }) => r.unitId);
    expect(seen).toEqual(['town-pizhuang']);

    // Review (team) and approval (leading group only).
    expect((await call(cloud, 'POST', `${base}/years/${YEAR}/assessment/review`, { token: county, body: {} })).status).toBe(200);
    expect((await call(cloud, 'POST', `${base}/years/${YEAR}/assessment/approve`, { token: county, body: {} })).status).toBe(403);
    expect((await call(cloud, 'POST', `${base}/years/${YEAR}/assessment/approve`, { token: group, body: {} })).body.status).toBe('approved');

    // Editing the approved assessment: 409, nothing written, audited.
    const before = (await call(cloud, 'GET', `${base}/years/${YEAR}/assessment`, { token: county })).body;
    const edit = await call(cloud, 'PUT', `${base}/years/${YEAR}/assessment/units/town-nigou`, { token: county, body: { inputs: [{ code: 'quality', points: 20 }] } });
    expect([edit.status, edit.body.code]).toEqual([409, 'ASSESSMENT_APPROVED']);
    expect((await call(cloud, 'GET', `${base}/years/${YEAR}/assessment`, { token: county })).body).toEqual(before);

    // The 通报 through notices: 泥沟镇 named with its veto.
    expect((await call(cloud, 'POST', `${base}/years/${YEAR}/assessment/publish`, { token: group, body: {} })).body.status).toBe('published');
    await cloud.drain();
    const list = (await call(cloud, 'GET', `/notices?region=${D}`, { token: county })).body.items;
    const notice = list.find((n: { type: string }) => n.type === 'unit-assessment');
    expect(notice).toMatchObject({ status: 'published', requester: 'supervision' });
    const entries = (await call(cloud, 'GET', `/notices/${notice.noticeId}/entries`, { token: county })).body.items;
    const row = entries.find((e: { entryId: string }) => e.entryId === 'town-nigou');
    expect(JSON.stringify(row)).toContain('一票否决：突破年度安全生产控制目标');

    // The 约谈 of 泥沟镇's heads, recorded with its minutes; 邳庄镇's reward for early completion.
    const consequences = (await call(cloud, 'GET', `${base}/years/${YEAR}/consequences`, { token: county })).body.items;
    const talk = consequences.find((c: { unitId: string; kind: string }) => c.unitId === 'town-nigou' && c.kind === 'interview');
    expect(talk).toMatchObject({ status: 'proposed', heads: [{ name: '泥沟镇书记', post: '党委书记' }] });
    expect(consequences.some((c: { unitId: string; kind: string }) => c.unitId === 'town-pizhuang' && c.kind === 'reward')).toBe(true);
    const held = await call(cloud, 'POST', `${base}/years/${YEAR}/consequences/${talk.consequenceId}/decision`, {
      token: county,
      body: { outcome: 'done', on: `${YEAR}-02-10`, summary: '区委副书记约谈泥沟镇党委书记、镇长', evidence: ev('约谈记录', '台扶约〔2026〕1号'), expectedVersion: talk.version },
    });
    expect(held.body).toMatchObject({ status: 'done', decision: { summary: '区委副书记约谈泥沟镇党委书记、镇长' } });
    // The town reads its own consequence, not the other town's.
    expect((await call(cloud, 'GET', `${base}/years/${YEAR}/consequences`, { token: otherTown })).body.items.map((c: { unitId: string }) => c.unitId)).toEqual(['town-pizhuang']);

    // An inspection finding: the town reports, cannot close it itself, the county closes with evidence.
    const finding = (
      await call(cloud, 'POST', `${base}/findings`, {
        token: county,
        body: { source: 'inspection', title: '帮扶责任人未按月走访', description: '西兰城村 3 户', foundOn: `${YEAR}-02-01`, ownerUnitId: 'town-nigou', deadline: `${YEAR}-12-31` },
      })
    ).body;
    const reported = await call(cloud, 'POST', `${base}/findings/${finding.findingId}/progress`, {
      token: town,
      body: { measures: '逐户补走访并建立走访台账', evidence: ev('走访台账', '泥沟镇2026-3'), expectedVersion: finding.version },
    });
    expect(reported.body.status).toBe('submitted');
    const selfClose = await call(cloud, 'POST', `${base}/findings/${finding.findingId}/review`, {
      token: town,
      body: { outcome: 'closed', opinion: '已整改', evidence: ev('自查', 'x'), expectedVersion: reported.body.version },
    });
    expect([selfClose.status, selfClose.body.code]).toEqual([403, 'OWNER_CANNOT_CLOSE']);
    const bare = await call(cloud, 'POST', `${base}/findings/${finding.findingId}/review`, {
      token: county,
      body: { outcome: 'closed', opinion: '已核实', expectedVersion: reported.body.version },
    });
    expect([bare.status, bare.body.code]).toEqual([400, 'EVIDENCE_REQUIRED']);
    const closed = await call(cloud, 'POST', `${base}/findings/${finding.findingId}/review`, {
      token: county,
      body: { outcome: 'closed', opinion: '抽查 3 户均已走访', evidence: ev('复核记录', '台扶复〔2026〕2号'), expectedVersion: reported.body.version },
    });
    expect(closed.body).toMatchObject({ status: 'closed', review: { outcome: 'closed' } });

    // Work teams: a key village with its first secretary and a member; no one in two villages.
    for (const [village, name] of [
      [XILANCHENG, '西兰城村'],
      [YAOZHUANG, '姚庄村'],
    ] as const)
      expect((await call(cloud, 'PUT', `${base}/villages/${village}`, { token: county, body: { name, townName: '泥沟镇', level: 'provincial' } })).status).toBe(200);
    const assign = (village: string, personId: string, personName: string, role: string, from = `${YEAR}-01-01`) =>
      call(cloud, 'POST', `${base}/assignments`, {
        token: county,
        body: { village, personId, personName, unitName: '区财政局', level: 'district', role, from, termEnds: `${YEAR + 2}-01-01` },
      });
    const secretary = (await assign(XILANCHENG, 'p-zhang', '张明', 'first-secretary')).body;
    expect((await assign(XILANCHENG, 'p-li', '李华', 'member')).status).toBe(200);
    expect((await assign(YAOZHUANG, 'p-wang', '王强', 'first-secretary')).status).toBe(200);
    expect((await assign(YAOZHUANG, 'p-zhao', '赵军', 'member')).status).toBe(200);
    const twice = await assign(YAOZHUANG, 'p-li', '李华', 'member');
    expect([twice.status, twice.body.code]).toEqual([409, 'MEMBER_IN_TWO_VILLAGES']);

    const runCheck = async () => {
      const run = await call(cloud, 'POST', '/dev/jobs/supervision/daily-coverage', { body: {} });
      expect(run.status).toBe(200);
      await cloud.drain();
    };
    expect((await call(cloud, 'GET', `${base}/coverage`, { token: county })).body.gaps).toEqual([]);

    // The first secretary cannot be withdrawn while the task is unfinished; handed over, the gap shows.
    const recall = await call(cloud, 'POST', `${base}/assignments/${secretary.assignmentId}/end`, {
      token: county,
      body: { on: `${YEAR}-03-01`, reason: 'recalled', expectedVersion: secretary.version },
    });
    expect([recall.status, recall.body.code]).toEqual([409, 'TEAM_NOT_WITHDRAWN']);
    expect(
      (
        await call(cloud, 'POST', `${base}/assignments/${secretary.assignmentId}/end`, {
          token: county,
          body: { on: `${YEAR}-03-01`, reason: 'replaced', expectedVersion: secretary.version },
        })
      ).status,
    ).toBe(200);
    const gap = (await call(cloud, 'GET', `${base}/coverage`, { token: county })).body;
    expect(gap.gaps).toEqual([{ village: XILANCHENG, name: '西兰城村', missing: ['first-secretary'] }]);
    expect(gap.overdue.map((o: { title: string }) => o.title)).toEqual(['重点村退出：西兰城村']);
    await runCheck();
    const period = new Date().toISOString().slice(0, 7);
    const counts = async () => (await call(cloud, 'GET', `/dispatch/counts?region=${NIGOU}&period=${period}`, { token: county })).body;
    const metric = async (name: string) => ((await counts()).metrics as { metric: string; value: number }[]).find((m) => m.metric === name)?.value ?? 0;
    // Dispatch keeps the day's figures as month-end stocks of the town (and the county).
    expect(await metric('stock.keyvillages.uncovered')).toBe(1);
    expect(await metric('stock.supervision.tasks.overdue')).toBe(1);

    // A successor is assigned: the check is clear again (the next day's report counts it).
    expect((await assign(XILANCHENG, 'p-sun', '孙涛', 'first-secretary', `${YEAR}-03-02`)).status).toBe(200);
    expect((await call(cloud, 'GET', `${base}/coverage`, { token: county })).body.gaps).toEqual([]);

    // Every refusal above is in the audit trail.
    const actions = (await audit()).map((a) => `${a.action}:${a.after?.code ?? ''}`);
    expect(actions).toEqual(
      expect.arrayContaining([
        'incident.record.refused:VETO_EVIDENCE_REQUIRED',
        'assessment.enter.refused:SCORE_OUT_OF_RANGE',
        'assessment.enter.refused:ASSESSMENT_APPROVED',
        'finding.review.refused:OWNER_CANNOT_CLOSE',
        'finding.review.refused:EVIDENCE_REQUIRED',
        'assignment.create.refused:MEMBER_IN_TWO_VILLAGES',
        'assignment.end.refused:TEAM_NOT_WITHDRAWN',
        'assessment.approved:',
        'consequence.done:',
        'finding.closed:',
      ]),
    );
    // Every state change and every event of the service has its audit record.
    expect(await auditGaps(cloud.endpoint, [cloud.tableName('supervision')])).toEqual([]);
  }, 240_000);
});
