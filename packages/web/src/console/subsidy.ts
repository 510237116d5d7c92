import { subsidyApi } from '@jingzhun/types';
import { useEffect, useState } from 'preact/hooks';
import { mayCall } from '../access.js';
import { api, fieldErrors, session } from '../api.js';
import { useSignal } from '../state.js';
import { ErrorBox, fen, h, Progress, submitTo, Table, TextInput, useAction } from '../ui.js';
import { ContractForm, contractsOf } from './contract-form.js';

const LINE_STATUS_ZH: Record<string, string> = { payable: '应发', 'missing-facts': '缺少信息', excluded: '不享受', 'not-quantified': '未量化' };

function lastMonth(): string {
  const d = new Date();
  d.setDate(1);
  d.setMonth(d.getMonth() - 1);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}`;
}

export function SubsidyPage(_props: { path: string }) {
  const who = useSignal(session);
  return h('div', null, [
    h('h1', { tabIndex: -1 }, '补贴测算与发放'),
    mayCall(who, subsidyApi.quote) ? h(QuoteForm, {}) : null,
    mayCall(who, subsidyApi.getRun) ? h(RunPanel, { region: who?.region ?? '' }) : null,
    h('h2', null, '其他操作'),
    h(ContractForm, {
      contracts: contractsOf(subsidyApi).filter((c) => !['subsidy.quote', 'subsidy.startRun'].includes(c.id) && mayCall(who, c)),
      idPrefix: 'subsidy',
      preset: () => ({ params: { period: lastMonth(), region: who?.region ?? '', jurisdiction: who?.region ?? '' } }),
    }),
  ]);
}

function QuoteForm() {
  const [householdId, setHouseholdId] = useState('');
  const [period, setPeriod] = useState(lastMonth());
  const q = useAction(() => api().call(subsidyApi.quote, { body: { householdId: householdId.trim(), period } }));
  const errors = fieldErrors(q.error);
  return h('section', { class: 'card', 'aria-labelledby': 'quote-title' }, [
    h('h2', { id: 'quote-title' }, '一户享受政策测算'),
    h('form', { noValidate: true, onSubmit: submitTo(() => q.run()) }, [
      TextInput({ id: 'quote-household', label: '户编号', value: householdId, onInput: setHouseholdId, error: errors.householdId, hint: '在农户详情页的地址中可见' }),
      TextInput({ id: 'quote-period', label: '期间（年-月）', value: period, onInput: setPeriod, error: errors.period }),
      h('button', { type: 'submit', disabled: q.busy }, q.busy ? '正在测算…' : '测算'),
      q.error && !errors.householdId && !errors.period ? ErrorBox({ error: q.error }) : null,
    ]),
    q.result
      ? h('div', null, [
          h('p', null, ['合计：', h('strong', null, fen(q.result.totalFen)), `（政策目录 ${q.result.catalogVersion}，参数版本 ${q.result.parametersVersion}）`]),
          Table({
            caption: '逐项金额及依据',
            columns: ['项目', '对象', '状态', '金额', '说明', '依据'],
            rows: q.result.lines.map((l) => [
              l.nameZh,
              l.subject,
              LINE_STATUS_ZH[l.status] ?? l.status,
              fen(l.amountFen),
              l.explanation + (l.missingFacts?.length ? `（缺少：${l.missingFacts.join('、')}）` : ''),
              `${l.source.seed} ${l.source.lines}`,
            ]),
          }),
          q.result.notQuantified.length ? h('p', { class: 'muted' }, `未量化的政策：${q.result.notQuantified.map((n) => n.nameZh).join('、')}`) : null,
        ])
      : null,
  ]);
}

type Run = ReturnType<typeof subsidyApi.RunView.parse>;

function RunPanel(props: { region: string }) {
  const [period, setPeriod] = useState(lastMonth());
  const [region, setRegion] = useState(props.region);
  const [run, setRun] = useState<Run | undefined>(undefined);
  const [pollError, setPollError] = useState<unknown>(undefined);
  const start = useAction(async () => {
    const result = await api().call(subsidyApi.startRun, { body: { period, region } });
    setRun(result);
    return result;
  });
  // Long operation: poll the run's progress until it is no longer RUNNING.
  useEffect(() => {
    if (run?.status !== 'RUNNING') return;
    const timer = setTimeout(async () => {
      try {
        setRun(await api().call(subsidyApi.getRun, { params: { period: run.period, region: run.region } }));
        setPollError(undefined);
      } catch (error) {
        setPollError(error);
        setRun({ ...run });
      }
    }, 1000);
    return () => clearTimeout(timer);
  }, [run]);
  const errors = fieldErrors(start.error);
  return h('section', { class: 'card', 'aria-labelledby': 'run-title' }, [
    h('h2', { id: 'run-title' }, '月度发放计算'),
    h('form', { noValidate: true, onSubmit: submitTo(() => start.run()) }, [
      TextInput({ id: 'run-period', label: '期间（年-月）', value: period, onInput: setPeriod, error: errors.period }),
      TextInput({ id: 'run-region', label: '区划代码', value: region, onInput: setRegion, error: errors.region }),
      h('button', { type: 'submit', disabled: start.busy }, start.busy ? '正在发起…' : '发起 / 续跑计算'),
      start.busy && start.startedAt ? h(Progress, { label: '正在发起计算', startedAt: start.startedAt }) : null,
      start.error && !errors.period && !errors.region ? ErrorBox({ error: start.error }) : null,
    ]),
    run
      ? h('div', null, [
          run.status === 'RUNNING'
            ? h(Progress, { label: `第 ${run.attempt} 次计算进行中`, done: run.progress.done, total: run.progress.total, startedAt: Date.parse(run.startedAt) })
            : h(
                'p',
                { class: 'success', role: 'status' },
                `计算完成（${run.status}）：${run.totals.households} 户，合计 ${fen(run.totals.totalFen)}；与上次相比新增 ${run.diff.added}、变化 ${run.diff.changed}、减少 ${run.diff.removed}`,
              ),
          pollError ? ErrorBox({ error: pollError }) : null,
          Table({
            caption: '按项目合计',
            columns: ['项目', '户数', '金额'],
            rows: Object.entries(run.totals.byItem).map(([item, t]) => [item, String(t.households), fen(t.totalFen)]),
          }),
        ])
      : null,
  ]);
}
