import { noticesApi } from '@jingzhun/types';
import { useState } from 'preact/hooks';
import { api, fieldErrors, session } from '../api.js';
import { navigate } from '../router.js';
import { useSignal } from '../state.js';
import { date, ErrorBox, h, Loading, Select, submitTo, Table, TextArea, TextInput, useAction, useLoad } from '../ui.js';

export const NOTICE_TYPE_ZH: Record<string, string> = {
  'entry-first': '识别第一公示',
  'entry-second': '识别第二公示',
  'entry-announcement': '识别公告',
  monitoring: '监测对象公示',
  'risk-elimination': '风险消除公示',
  'exit-village-notice': '贫困户退出公示',
  'exit-announcement': '贫困户退出公告',
  'exit-no-policy': '脱贫不再享受政策公示',
  'village-exit-notice': '贫困村退出公示',
  'village-exit-announcement': '贫困村退出公告',
  'housing-list-1': '危房改造一榜',
  'housing-list-2': '危房改造二榜',
  'housing-list-3': '危房改造三榜',
  'dibao-disclosure': '低保公示',
  'fund-disclosure': '资金分配结果公开',
  'project-disclosure': '项目和资金使用公开',
  'asset-income': '资产收益分配公示',
  commendation: '表彰名单',
  'bank-prizes': '银行考核奖励通报',
};
const STATUS_ZH: Record<string, string> = { draft: '草稿', published: '公示中', closed: '已结束', withdrawn: '已撤回', archived: '已归档' };

export function NoticesPage(_props: { path: string }) {
  const who = useSignal(session);
  const [region, setRegion] = useState(who?.region ?? '');
  const list = useLoad(() => api().call(noticesApi.listNotices, { query: { region, limit: 50 } }), [region]);
  const errors = fieldErrors(list.error);
  return h('div', null, [
    h('h1', { tabIndex: -1 }, '公示公告管理'),
    TextInput({ id: 'notices-region', label: '区划代码', value: region, onInput: setRegion, error: errors.region }),
    list.loading ? Loading({}) : null,
    list.error && !errors.region ? ErrorBox({ error: list.error, onRetry: list.reload }) : null,
    list.data
      ? Table({
          caption: '辖区内的公示',
          columns: ['标题', '类型', '状态', '条目', '公示期', '异议'],
          rows: list.data.items.map((n) => [
            h('a', { href: `#/staff/notices/${n.noticeId}` }, n.title),
            n.typeName,
            STATUS_ZH[n.status] ?? n.status,
            String(n.entryCount),
            n.window ? `${n.window.start} 至 ${n.window.end}` : '—',
            `待处理 ${n.objections.open}`,
          ]),
          empty: '暂无公示。',
        })
      : null,
    h(DraftForm, { region: who?.region ?? '' }),
  ]);
}

/** Lines "姓名,组,村代码[,拟办事项]" → entries. */
function parseLines(text: string, fallbackRegion: string) {
  return text
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean)
    .map((line, index) => {
      const [fullName = '', group = '', region = '', action = ''] = line.split(/[,，\t]/).map((s) => s.trim());
      return {
        entryId: `line-${index + 1}`,
        fullName,
        ...(group ? { group } : {}),
        region: region || fallbackRegion,
        fields: (action ? { action } : {}) as Record<string, string>,
      };
    });
}

function DraftForm(props: { region: string }) {
  const [type, setType] = useState('exit-village-notice');
  const [region, setRegion] = useState(props.region);
  const [title, setTitle] = useState('');
  const [lines, setLines] = useState('');
  const create = useAction(async (publish: boolean) => {
    const notice = await api().call(noticesApi.createNotice, {
      body: { type: type as 'monitoring', region: region.trim(), title: title.trim(), entries: parseLines(lines, region.trim()), publish },
    });
    navigate(`/staff/notices/${notice.noticeId}`);
    return notice;
  });
  const errors = fieldErrors(create.error);
  const entryError = Object.entries(errors).find(([k]) => k.startsWith('entries'));
  const inline = Boolean(errors.type || errors.region || errors.title || entryError);
  return h('section', { class: 'card', 'aria-labelledby': 'draft-title' }, [
    h('h2', { id: 'draft-title' }, '起草公示'),
    h('form', { noValidate: true, onSubmit: submitTo(() => create.run(false)) }, [
      Select({
        id: 'draft-type',
        label: '公示类型',
        value: type,
        onChange: setType,
        options: Object.entries(NOTICE_TYPE_ZH).map(([value, label]) => ({ value, label })),
        error: errors.type,
      }),
      TextInput({ id: 'draft-region', label: '发布区划代码', value: region, onInput: setRegion, error: errors.region }),
      TextInput({
        id: 'draft-title-input',
        label: '标题',
        value: title,
        onInput: setTitle,
        error: errors.title ?? ((create.error as { code?: string })?.code === 'TITLE_REQUIRED' ? (create.error as Error).message : undefined),
      }),
      TextArea({
        id: 'draft-lines',
        label: '名单（每行：姓名,组,村代码,拟办事项）',
        rows: 5,
        value: lines,
        onInput: setLines,
        error: entryError ? `第 ${Number(entryError[0].split('.')[1] ?? 0) + 1} 行：${entryError[1]}` : undefined,
        hint: '村代码可省略（默认为发布区划）。网上公开时姓名自动脱敏。',
      }),
      h('div', { class: 'actions' }, [
        h('button', { type: 'submit', disabled: create.busy }, '保存草稿'),
        h('button', { type: 'button', disabled: create.busy, onClick: () => void create.run(true) }, '保存并发布'),
      ]),
      create.error && !inline ? ErrorBox({ error: create.error }) : null,
    ]),
  ]);
}

export function NoticeDetailPage(props: { noticeId: string }) {
  const notice = useLoad(() => api().call(noticesApi.getNotice, { params: { noticeId: props.noticeId } }), [props.noticeId]);
  const entries = useLoad(() => api().call(noticesApi.listEntries, { params: { noticeId: props.noticeId }, query: { limit: 100 } }), [props.noticeId, notice.data?.status]);
  const objections = useLoad(() => api().call(noticesApi.listObjections, { params: { noticeId: props.noticeId } }), [props.noticeId, notice.data?.objections.open]);
  const publish = useAction(async () => {
    const result = await api().call(noticesApi.publishNotice, { params: { noticeId: props.noticeId } });
    notice.reload();
    return result;
  });
  const n = notice.data;
  return h('div', null, [
    h('p', null, h('a', { href: '#/staff/notices' }, '← 返回公示列表')),
    notice.loading && !n ? Loading({}) : null,
    notice.error ? ErrorBox({ error: notice.error, onRetry: notice.reload }) : null,
    n
      ? h('div', null, [
          h('h1', { tabIndex: -1 }, n.title),
          h('dl', { class: 'meta' }, [
            h('dt', null, '类型'),
            h('dd', null, n.typeName),
            h('dt', null, '状态'),
            h('dd', { id: 'notice-status' }, STATUS_ZH[n.status] ?? n.status),
            h('dt', null, '公示期'),
            h('dd', null, n.window ? `${n.window.start} 至 ${n.window.end}（${date(n.window.closesAt)} 结束）` : '—'),
            h('dt', null, '异议'),
            h('dd', null, `待处理 ${n.objections.open}，成立 ${n.objections.upheld}，不成立 ${n.objections.rejected}`),
          ]),
          n.droppedFields?.length ? h('p', { class: 'muted' }, `以下字段不会出现在网上公开版本中：${n.droppedFields.join('、')}`) : null,
          h('div', { class: 'actions' }, [
            n.status === 'draft' ? h('button', { type: 'button', disabled: publish.busy, onClick: () => void publish.run() }, publish.busy ? '正在发布…' : '发布') : null,
            h(
              'a',
              { class: 'button secondary', href: api().url(noticesApi.printNotice, { params: { noticeId: n.noticeId } }), target: '_blank', rel: 'noopener' },
              '打印版（含全名）',
            ),
          ]),
          ErrorBox({ error: publish.error }),
          entries.data
            ? Table({
                caption: '条目（工作人员可见全名）',
                columns: ['序号', '姓名', '组', '村', '异议', '结果'],
                rows: entries.data.items.map((e) => [String(e.no), e.fullName, e.group ?? '—', e.regionName ?? e.region, String(e.objections.open), e.outcome]),
              })
            : entries.error
              ? ErrorBox({ error: entries.error, onRetry: entries.reload })
              : null,
          h('h2', null, '异议'),
          objections.error ? ErrorBox({ error: objections.error, onRetry: objections.reload }) : null,
          objections.data
            ? objections.data.items.length === 0
              ? h('p', { class: 'muted' }, '暂无异议。')
              : h(
                  'ul',
                  { class: 'objections' },
                  objections.data.items.map((o) =>
                    h(ObjectionItem, {
                      noticeId: n.noticeId,
                      objection: o,
                      onDone: () => {
                        objections.reload();
                        notice.reload();
                      },
                    }),
                  ),
                )
            : null,
        ])
      : null,
  ]);
}

type Objection = ReturnType<typeof noticesApi.StaffObjection.parse>;

function ObjectionItem(props: { noticeId: string; objection: Objection; onDone: () => void }) {
  const o = props.objection;
  const [outcome, setOutcome] = useState('rejected');
  const [reason, setReason] = useState('');
  const decide = useAction(async () => {
    const r = await api().call(noticesApi.decideObjection, {
      params: { noticeId: props.noticeId, objectionId: o.objectionId },
      body: { outcome: outcome as 'upheld', reason: reason.trim() },
    });
    props.onDone();
    return r;
  });
  const errors = fieldErrors(decide.error);
  const reasonError = errors.reason ?? (/REASON/.test((decide.error as { code?: string })?.code ?? '') ? (decide.error as Error).message : undefined);
  return h('li', { class: 'card' }, [
    h('p', null, [
      h('strong', null, `第 ${o.entryNo} 条`),
      ` · ${date(o.lodgedAt)} · ${o.status === 'open' ? `待处理（${o.dueBy} 前）` : o.status === 'upheld' ? '成立' : '不成立'}`,
    ]),
    h('p', null, o.reason),
    o.contact ? h('p', { class: 'muted' }, `联系方式：${o.contact}`) : null,
    o.status === 'open'
      ? h('form', { noValidate: true, onSubmit: submitTo(() => decide.run()) }, [
          Select({
            id: `decide-${o.objectionId}`,
            label: '结论',
            value: outcome,
            onChange: setOutcome,
            options: [
              { value: 'rejected', label: '不成立（条目继续）' },
              { value: 'upheld', label: '成立（条目撤回）' },
            ],
          }),
          TextArea({ id: `decide-reason-${o.objectionId}`, label: '结论理由', value: reason, onInput: setReason, rows: 2, error: reasonError }),
          h('button', { type: 'submit', disabled: decide.busy }, '提交结论'),
          decide.error && !reasonError ? ErrorBox({ error: decide.error }) : null,
        ])
      : null,
  ]);
}
