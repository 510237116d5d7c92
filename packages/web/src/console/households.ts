import { identificationApi } from '@jingzhun/types';
import { useState } from 'preact/hooks';
import { api, fieldErrors, session } from '../api.js';
import { COLOUR_ZH, EVIDENCE_ZH, HEALTH_ZH, LABOR_ZH, MEMBER_STATUS_ZH, RELATION_ZH, STATUS_ZH, stateLabel, WORKFLOW_STATE_ZH, workflowLabel, zh } from '../labels.js';
import { navigate, queryOf } from '../router.js';
import { useSignal } from '../state.js';
import { date, ErrorBox, fen, h, Loading, Select, submitTo, Table, TextArea, TextInput, useAction, useLoad } from '../ui.js';

export { EVIDENCE_ZH, STATUS_ZH } from '../labels.js';

/** Workflow actions with their Chinese names (the service decides which are allowed now). */
export const ACTIONS: { value: string; label: string; evidence: string[]; meeting?: boolean; reason?: boolean }[] = [
  { value: 'PRE_EXIT', label: '退出：提出拟退出名单（镇）', evidence: ['list'] },
  { value: 'APPRAISE', label: '退出：民主评议（村）', evidence: ['minutes'], meeting: true },
  { value: 'VERIFY', label: '退出：入户核实（村）', evidence: ['verification'] },
  { value: 'CONSENT', label: '退出：贫困户认可（村）', evidence: ['consent'] },
  { value: 'REFUSE', label: '退出：贫困户不认可（村）', evidence: ['refusal'], reason: true },
  { value: 'POST_NOTICE', label: '发起公示 / 公告', evidence: [] },
  { value: 'TOWN_ACCEPT', label: '退出：镇验收', evidence: ['acceptance-minutes'] },
  { value: 'TOWN_APPROVE', label: '退出：镇审核批准', evidence: ['approved-list'] },
  { value: 'REJECT', label: '驳回', evidence: ['acceptance-minutes'], reason: true },
  { value: 'FILE', label: '退出：审查备案（领导小组）', evidence: ['filing'] },
  { value: 'DEREGISTER', label: '退出：销号（镇）', evidence: ['nsys-receipt'] },
];

export function HouseholdsPage(props: { path: string }) {
  const who = useSignal(session);
  const query = queryOf(props.path);
  const [region, setRegion] = useState(query.get('region') ?? who?.region ?? '');
  const [name, setName] = useState(query.get('name') ?? '');
  const [status, setStatus] = useState(query.get('status') ?? '');
  const [cursor, setCursor] = useState<string | undefined>(undefined);
  const applied = { region: query.get('region') ?? who?.region ?? '', name: query.get('name') ?? '', status: query.get('status') ?? '' };
  const list = useLoad(
    () =>
      api().call(identificationApi.listHouseholds, {
        query: {
          region: applied.region,
          limit: 20,
          ...(applied.name ? { name: applied.name } : {}),
          ...(applied.status ? { status: applied.status as 'REGISTERED' } : {}),
          ...(cursor ? { cursor } : {}),
        },
      }),
    [applied.region, applied.name, applied.status, cursor],
  );
  const errors = fieldErrors(list.error);
  const search = (e: Event) => {
    e.preventDefault();
    setCursor(undefined);
    const params = new URLSearchParams({ region: region.trim() });
    if (name.trim()) params.set('name', name.trim());
    if (status) params.set('status', status);
    navigate(`/staff/households?${params.toString()}`);
  };
  return h('div', null, [
    h('h1', { tabIndex: -1 }, '农户查询'),
    h('form', { class: 'filters', role: 'search', onSubmit: search }, [
      TextInput({ id: 'hh-region', label: '区划代码', value: region, onInput: setRegion, error: errors.region, hint: '12 位区划代码（县、镇或村）', inputMode: 'numeric' }),
      TextInput({ id: 'hh-name', label: '户主姓名', value: name, onInput: setName, error: errors.name }),
      Select({
        id: 'hh-status',
        label: '状态',
        value: status,
        onChange: setStatus,
        placeholder: '全部',
        options: Object.entries(STATUS_ZH).map(([value, label]) => ({ value, label })),
      }),
      h('button', { type: 'submit' }, '查询'),
    ]),
    list.loading ? Loading({}) : null,
    list.error && Object.keys(errors).length === 0 ? ErrorBox({ error: list.error, onRetry: list.reload }) : null,
    list.data
      ? Table({
          caption: '查询结果',
          columns: ['户主', '区划', '组', '人口', '状态', '流程', '人均纯收入'],
          rows: list.data.items.map((item) => [
            h('a', { href: `#/staff/households/${item.householdId}` }, item.headName),
            item.region,
            item.group,
            String(item.size),
            STATUS_ZH[item.status] ?? item.status,
            item.workflowState ? listedWorkflow(item.workflowState, item.alert) : '—',
            fen(item.incomePerCapitaFen),
          ]),
          empty: '没有符合条件的农户。',
        })
      : null,
    list.data?.nextCursor ? h('button', { type: 'button', onClick: () => setCursor(list.data?.nextCursor) }, '下一页') : null,
  ]);
}

/** The list's `kind:state` (e.g. exit:PRE_EXIT) in Chinese only; the household page adds the code. */
function listedWorkflow(workflowState: string, alert: string | undefined): string {
  const [kind, state] = workflowState.split(':');
  return workflowLabel(kind, zh(WORKFLOW_STATE_ZH, state), alert);
}

export function HouseholdPage(props: { householdId: string }) {
  const data = useLoad(() => api().call(identificationApi.getHousehold, { params: { householdId: props.householdId } }), [props.householdId]);
  const history = useLoad(
    () => api().call(identificationApi.householdHistory, { params: { householdId: props.householdId }, query: { limit: 20 } }),
    [props.householdId, data.data?.version],
  );
  const hh = data.data;
  return h('div', null, [
    h('p', null, h('a', { href: '#/staff/households' }, '← 返回农户查询')),
    data.loading && !hh ? Loading({}) : null,
    data.error ? ErrorBox({ error: data.error, onRetry: data.reload }) : null,
    hh
      ? h('div', null, [
          h('h1', { tabIndex: -1 }, `${hh.headName} 户`),
          h('dl', { class: 'meta' }, [
            h('dt', null, '状态'),
            h('dd', { id: 'hh-status-value' }, STATUS_ZH[hh.status] ?? hh.status),
            h('dt', null, '当前流程'),
            h('dd', { id: 'hh-workflow' }, hh.workflow ? workflowLabel(hh.workflow.kind, stateLabel(hh.workflow.state), hh.workflow.alert) : '无'),
            h('dt', null, '区划 / 组'),
            h('dd', null, `${hh.region} / ${hh.group}`),
            h('dt', null, '人口'),
            h('dd', null, String(hh.size)),
            h('dt', null, '人均纯收入'),
            h('dd', null, fen(hh.incomePerCapitaFen)),
            h('dt', null, '四色标识'),
            h('dd', null, zh(COLOUR_ZH, hh.colour)),
            h('dt', null, '版本'),
            h('dd', null, String(hh.version)),
          ]),
          Table({
            caption: '家庭成员（身份证号已脱敏）',
            columns: ['姓名', '关系', '身份证号', '健康', '劳动能力', '状态'],
            rows: hh.members.map((m) => [
              m.name,
              zh(RELATION_ZH, m.relation),
              m.idNumberMasked,
              zh(HEALTH_ZH, m.health),
              zh(LABOR_ZH, m.laborCapacity),
              zh(MEMBER_STATUS_ZH, m.status),
            ]),
          }),
          h(ActionForm, { householdId: hh.householdId, version: hh.version, onDone: data.reload }),
          h('h2', null, '变更历史'),
          history.error ? ErrorBox({ error: history.error, onRetry: history.reload }) : null,
          history.data
            ? Table({
                caption: '审计记录',
                columns: ['时间', '操作', '操作人', '理由'],
                rows: history.data.items.map((e) => [date(e.at), e.action, e.actor.name ?? e.actor.role, e.reason ?? '—']),
              })
            : null,
        ])
      : null,
  ]);
}

interface EvidenceRow {
  kind: string;
  ref: string;
}

function ActionForm(props: { householdId: string; version: number; onDone: () => void }) {
  const [action, setAction] = useState('PRE_EXIT');
  const spec = ACTIONS.find((a) => a.value === action);
  const [evidence, setEvidence] = useState<EvidenceRow[]>([{ kind: 'list', ref: '' }]);
  const [reason, setReason] = useState('');
  const [meeting, setMeeting] = useState({ date: '', total: '', present: '', inFavour: '' });
  const submit = useAction(() =>
    api()
      .call(identificationApi.householdAction, {
        params: { householdId: props.householdId },
        body: {
          version: props.version,
          action,
          evidence: evidence.filter((e) => e.ref.trim()).map((e) => ({ kind: e.kind as 'list', ref: e.ref.trim() })),
          ...(reason.trim() ? { reason: reason.trim() } : {}),
          ...(spec?.meeting ? { meeting: { date: meeting.date, total: Number(meeting.total), present: Number(meeting.present), inFavour: Number(meeting.inFavour) } } : {}),
        },
      })
      .then((result) => {
        props.onDone();
        return result;
      }),
  );
  const errors = fieldErrors(submit.error);
  const code = (submit.error as { code?: string } | undefined)?.code ?? '';
  const chooseAction = (value: string) => {
    setAction(value);
    const next = ACTIONS.find((a) => a.value === value);
    setEvidence((next?.evidence ?? []).map((kind) => ({ kind, ref: '' })).concat(next?.evidence.length ? [] : [{ kind: 'other', ref: '' }]));
    submit.reset();
  };
  const evidenceError = code === 'EVIDENCE_MISSING' ? (submit.error as Error).message : undefined;
  const reasonError = errors.reason ?? (code === 'REASON_REQUIRED' ? (submit.error as Error).message : undefined);
  const meetingError = /MEETING|QUORUM|MAJORITY/.test(code) ? (submit.error as Error).message : undefined;
  const shownInline = Boolean(evidenceError || reasonError || meetingError || Object.keys(errors).length);
  return h('section', { class: 'card', 'aria-labelledby': 'action-title' }, [
    h('h2', { id: 'action-title' }, '流程操作'),
    h('form', { noValidate: true, onSubmit: submitTo(() => submit.run()) }, [
      Select({
        id: 'action',
        label: '操作',
        value: action,
        onChange: chooseAction,
        options: ACTIONS.map((a) => ({ value: a.value, label: `${a.label}（${a.value}）` })),
        error: errors.action,
      }),
      h('fieldset', { 'aria-describedby': evidenceError ? 'evidence-error' : undefined }, [
        h('legend', null, '证据材料'),
        ...evidence.map((row, index) =>
          h('div', { class: 'row' }, [
            Select({
              id: `evidence-kind-${index}`,
              label: `材料 ${index + 1} 类型`,
              value: row.kind,
              onChange: (v) => setEvidence(evidence.map((r, i) => (i === index ? { ...r, kind: v } : r))),
              options: Object.entries(EVIDENCE_ZH).map(([value, label]) => ({ value, label })),
              error: errors[`evidence.${index}.kind`],
            }),
            TextInput({
              id: `evidence-ref-${index}`,
              label: `材料 ${index + 1} 编号或文号`,
              value: row.ref,
              onInput: (v) => setEvidence(evidence.map((r, i) => (i === index ? { ...r, ref: v } : r))),
              error: errors[`evidence.${index}.ref`],
            }),
            h(
              'button',
              { type: 'button', class: 'small secondary', 'aria-label': `删除材料 ${index + 1}`, onClick: () => setEvidence(evidence.filter((_, i) => i !== index)) },
              '删除',
            ),
          ]),
        ),
        h('button', { type: 'button', class: 'small secondary', onClick: () => setEvidence([...evidence, { kind: 'other', ref: '' }]) }, '添加材料'),
        evidenceError ? h('p', { id: 'evidence-error', class: 'error', role: 'alert' }, evidenceError) : null,
      ]),
      spec?.meeting
        ? h('fieldset', null, [
            h('legend', null, '村民代表会议'),
            TextInput({
              id: 'meeting-date',
              label: '会议日期',
              type: 'date',
              value: meeting.date,
              onInput: (v) => setMeeting({ ...meeting, date: v }),
              error: errors['meeting.date'],
            }),
            TextInput({
              id: 'meeting-total',
              label: '应到人数',
              inputMode: 'numeric',
              value: meeting.total,
              onInput: (v) => setMeeting({ ...meeting, total: v }),
              error: errors['meeting.total'],
            }),
            TextInput({
              id: 'meeting-present',
              label: '实到人数',
              inputMode: 'numeric',
              value: meeting.present,
              onInput: (v) => setMeeting({ ...meeting, present: v }),
              error: errors['meeting.present'],
            }),
            TextInput({
              id: 'meeting-favour',
              label: '赞成人数',
              inputMode: 'numeric',
              value: meeting.inFavour,
              onInput: (v) => setMeeting({ ...meeting, inFavour: v }),
              error: errors['meeting.inFavour'] ?? meetingError,
            }),
          ])
        : null,
      TextArea({ id: 'action-reason', label: spec?.reason ? '理由（必填）' : '说明（可选）', value: reason, onInput: setReason, rows: 2, error: reasonError }),
      h('button', { type: 'submit', disabled: submit.busy }, submit.busy ? '正在提交…' : '提交'),
      submit.error && !shownInline ? ErrorBox({ error: submit.error, id: 'action-error' }) : null,
      submit.result
        ? h(
            'p',
            { class: 'success', role: 'status' },
            `已提交：${submit.result.workflow ? `当前环节 ${stateLabel(submit.result.workflow.state)}` : STATUS_ZH[submit.result.status]}${submit.result.noticeRequestId ? '，已发起公示' : ''}`,
          )
        : null,
    ]),
  ]);
}
