import { scoringApi } from '@jingzhun/types';
import { useState } from 'preact/hooks';
import { mayCall } from '../access.js';
import { api, fieldErrors, session } from '../api.js';
import { useSignal } from '../state.js';
import { ErrorBox, h, Loading, Table, TextInput, useLoad } from '../ui.js';
import { ContractForm, contractsOf } from './contract-form.js';

/** Bank assessment (台政发〔2018〕4号): data entry by the data owners, the workflow, and the results. */
export function ScoringPage(_props: { path: string }) {
  const who = useSignal(session);
  const district = who?.region.slice(0, 6).padEnd(12, '0') ?? '370405000000';
  const [year, setYear] = useState(String(new Date().getFullYear() - 1));
  const contracts = contractsOf(scoringApi).filter((c) => c.auth === 'staff' && c.id !== 'scoring.getAssessment' && mayCall(who, c));
  return h('div', null, [
    h('h1', { tabIndex: -1 }, '银行机构扶贫工作考核'),
    TextInput({ id: 'scoring-year', label: '考核年度', value: year, onInput: setYear, inputMode: 'numeric' }),
    h(Results, { district, year }),
    h('h2', null, '数据录入与考核流程'),
    h(ContractForm, {
      contracts,
      idPrefix: 'scoring',
      preset: () => ({ params: { district, year } }),
      render: (_c, result) => (isAssessment(result) ? h(ResultTable, { assessment: result }) : h('pre', { class: 'json' }, JSON.stringify(result, null, 2))),
    }),
  ]);
}

type Assessment = ReturnType<typeof scoringApi.Assessment.parse>;

function isAssessment(value: unknown): value is Assessment {
  return typeof value === 'object' && value !== null && 'banks' in value && 'status' in value;
}

const STATUS_ZH: Record<string, string> = { draft: '草稿', computed: '已计算', reviewed: '已审核', approved: '已批准', published: '已发布' };

function Results(props: { district: string; year: string }) {
  const data = useLoad(() => api().call(scoringApi.getAssessment, { params: { district: props.district, year: Number(props.year) } }), [props.district, props.year]);
  const errors = fieldErrors(data.error);
  return h('section', { class: 'card', 'aria-labelledby': 'results-title' }, [
    h('h2', { id: 'results-title' }, '考核结果'),
    data.loading ? Loading({}) : null,
    errors.year ? h('p', { class: 'error', role: 'alert' }, `考核年度：${errors.year}`) : data.error ? ErrorBox({ error: data.error, onRetry: data.reload }) : null,
    data.data ? h(ResultTable, { assessment: data.data }) : null,
  ]);
}

function ResultTable(props: { assessment: Assessment }) {
  const a = props.assessment;
  return h('div', null, [
    h('p', null, `状态：${STATUS_ZH[a.status] ?? a.status}${a.locked ? '（数据已锁定）' : ''}；奖励兑现期限 ${a.rewardsDueBy}`),
    Table({
      caption: `${a.year} 年度考核得分`,
      columns: ['名次', '银行', '总分', '奖项', ...(a.banks[0]?.items.map((i) => `${i.item} 项`) ?? [])],
      rows: [...a.banks]
        .sort((x, y) => (x.totalRank ?? 999) - (y.totalRank ?? 999))
        .map((b) => [b.totalRank === null ? '—' : String(b.totalRank), b.name + (b.disqualified ? '（取消资格）' : ''), b.total, b.prize ?? '—', ...b.items.map((i) => i.points)]),
      empty: '尚未计算。',
    }),
    a.flags.length
      ? h(
          'ul',
          { class: 'flags' },
          a.flags.map((f) => h('li', null, `${f.message}（${f.code}）`)),
        )
      : null,
  ]);
}
