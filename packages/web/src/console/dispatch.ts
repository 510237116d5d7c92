import { dispatchApi, identificationApi } from '@jingzhun/types';
import { useState } from 'preact/hooks';
import { api, fieldErrors, session } from '../api.js';
import { BarChart, LineChart } from '../charts.js';
import { downloadFile } from '../download.js';
import { RUN_OUTCOME_ZH, zh } from '../labels.js';
import { useSignal } from '../state.js';
import { date, ErrorBox, h, Loading, Progress, Select, submitTo, Table, TextInput, useAction, useLoad } from '../ui.js';

export const METRICS: { value: string; label: string; unit: string }[] = [
  { value: 'stock.hh.exited', label: '已脱贫户（月末）', unit: '户' },
  { value: 'hh.exited', label: '脱贫退出户（当月）', unit: '户' },
  { value: 'stock.hh.poor', label: '在册贫困户（月末）', unit: '户' },
  { value: 'stock.persons.poor', label: '在册贫困人口（月末）', unit: '人' },
  { value: 'stock.persons.exited', label: '已脱贫人口（月末）', unit: '人' },
  { value: 'hh.registered', label: '新识别贫困户（当月）', unit: '户' },
  { value: 'stock.hh.monitored', label: '监测对象（月末）', unit: '户' },
  { value: 'hh.returned', label: '返贫户（当月）', unit: '户' },
];

function monthOf(d: Date): string {
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}`;
}

function defaultRange(): { from: string; to: string } {
  const now = new Date();
  const from = new Date(now.getFullYear(), now.getMonth() - 11, 1);
  return { from: monthOf(from), to: monthOf(now) };
}

export function DispatchPage(_props: { path: string }) {
  const who = useSignal(session);
  const county = who ? `${who.region.slice(0, 6)}000000` : '370405000000';
  const range = defaultRange();
  const [region, setRegion] = useState(county);
  const [metric, setMetric] = useState(METRICS[0]?.value ?? 'stock.hh.exited');
  const [from, setFrom] = useState(range.from);
  const [to, setTo] = useState(range.to);
  const [applied, setApplied] = useState({ region: county, metric: METRICS[0]?.value ?? 'stock.hh.exited', from: range.from, to: range.to });
  const unit = METRICS.find((m) => m.value === applied.metric)?.unit ?? '';
  const label = METRICS.find((m) => m.value === applied.metric)?.label ?? applied.metric;

  const trend = useLoad(() => api().call(dispatchApi.getSeries, { query: { region: applied.region, metric: applied.metric, from: applied.from, to: applied.to } }), [applied]);
  const byTown = useLoad(async () => {
    const towns = (await api().call(identificationApi.listRegionChildren, { params: { code: applied.region } })).items.filter((r) => r.level === 'town');
    // One series per town, a few at a time (the API rate-limits bursts; the client retries 429).
    const out: { label: string; value: number; target?: number | undefined }[] = [];
    for (let i = 0; i < towns.length; i += 3) {
      const batch = await Promise.all(
        towns.slice(i, i + 3).map(async (town) => {
          const s = await api().call(dispatchApi.getSeries, { query: { region: town.code, metric: applied.metric, from: applied.from, to: applied.to } });
          const last = s.points[s.points.length - 1];
          const value = last ? (s.kind === 'flow' ? last.cumulative : last.value) : 0;
          return { label: town.name, value, target: last?.target ?? s.target?.target };
        }),
      );
      out.push(...batch);
    }
    return out;
  }, [applied]);
  const errors = fieldErrors(trend.error);
  return h('div', null, [
    h('h1', { tabIndex: -1 }, '月调度'),
    h('form', { class: 'filters', noValidate: true, onSubmit: submitTo(() => setApplied({ region: region.trim(), metric, from: from.trim(), to: to.trim() })) }, [
      TextInput({ id: 'dispatch-region', label: '区划代码', value: region, onInput: setRegion, error: errors.region }),
      Select({
        id: 'dispatch-metric',
        label: '指标',
        value: metric,
        onChange: setMetric,
        options: METRICS.map((m) => ({ value: m.value, label: m.label })),
        error: errors.metric,
      }),
      TextInput({ id: 'dispatch-from', label: '起始月份', value: from, onInput: setFrom, error: errors.from, hint: '格式 2019-01' }),
      TextInput({ id: 'dispatch-to', label: '截止月份', value: to, onInput: setTo, error: errors.to }),
      h('button', { type: 'submit' }, '生成图表'),
    ]),
    h('section', { 'aria-labelledby': 'chart-town-title', class: 'card' }, [
      h('h2', { id: 'chart-town-title' }, `各镇（街）进度与目标：${label}`),
      byTown.loading ? Loading({ label: '正在汇总各镇（街）数据…' }) : null,
      byTown.error ? ErrorBox({ error: byTown.error, onRetry: byTown.reload }) : null,
      byTown.data ? h(BarChart, { id: 'chart-by-town', title: `${label}：各镇（街）截至 ${applied.to}`, unit, data: byTown.data }) : null,
    ]),
    h('section', { 'aria-labelledby': 'chart-trend-title', class: 'card' }, [
      h('h2', { id: 'chart-trend-title' }, `月度趋势：${label}`),
      trend.loading ? Loading({}) : null,
      trend.error && Object.keys(errors).length === 0 ? ErrorBox({ error: trend.error, onRetry: trend.reload }) : null,
      trend.data
        ? h('div', null, [
            trend.data.target ? h('p', { class: 'muted' }, `对照目标：${trend.data.target.name}（${trend.data.target.targetYear} 年 ${trend.data.target.target}${unit}）`) : null,
            h(LineChart, {
              id: 'chart-trend',
              title: `${trend.data.label}：${applied.from} 至 ${applied.to}`,
              unit,
              data: trend.data.points.map((p) => ({ label: p.period, value: p.value, target: p.target })),
            }),
          ])
        : null,
    ]),
    h(ReportPanel, { region: applied.region }),
    h(JobsPanel, { region: applied.region }),
  ]);
}

function ReportPanel(props: { region: string }) {
  const [period, setPeriod] = useState(monthOf(new Date(new Date().getFullYear(), new Date().getMonth() - 1, 1)));
  const report = useAction(() => api().call(dispatchApi.getReport, { params: { region: props.region, period }, query: { kind: 'monthly', format: 'json' } }));
  const download = useAction(async (format: 'xlsx' | 'csv') => {
    const url = api().url(dispatchApi.getReport, { params: { region: props.region, period }, query: { format } });
    await downloadFile(url, `月调度-${props.region}-${period}.${format}`);
    return true;
  });
  const errors = fieldErrors(report.error);
  return h('section', { class: 'card', 'aria-labelledby': 'report-title' }, [
    h('h2', { id: 'report-title' }, '月调度报告'),
    h('form', { noValidate: true, onSubmit: submitTo(() => report.run()) }, [
      TextInput({ id: 'report-period', label: '报告期', value: period, onInput: setPeriod, error: errors.period, hint: '月报 2019-05，季报 2019-Q2，年报 2019' }),
      h('div', { class: 'actions' }, [
        h('button', { type: 'submit', disabled: report.busy }, report.busy ? '正在生成…' : '查看报告'),
        h('button', { type: 'button', class: 'secondary', disabled: download.busy, onClick: () => void download.run('xlsx') }, '导出 Excel'),
        h('button', { type: 'button', class: 'secondary', disabled: download.busy, onClick: () => void download.run('csv') }, '导出 CSV'),
      ]),
      report.busy && report.startedAt ? h(Progress, { label: '正在生成报告', startedAt: report.startedAt }) : null,
      report.error && !errors.period ? ErrorBox({ error: report.error }) : null,
      ErrorBox({ error: download.error }),
    ]),
    report.result
      ? h('div', null, [
          h('p', null, `报告摘要 ${report.result.digest.slice(0, 12)}…（运行 ${report.result.runId}）`),
          h('pre', { class: 'json' }, JSON.stringify(report.result.report, null, 2).slice(0, 20000)),
        ])
      : null,
  ]);
}

function JobsPanel(props: { region: string }) {
  const jobs = useLoad(() => api().call(dispatchApi.listJobs, { query: { limit: 20 } }), []);
  const [job, setJob] = useState('');
  const [period, setPeriod] = useState('');
  const run = useAction(async () => {
    const result = await api().call(dispatchApi.runJob, {
      params: { job },
      body: { region: props.region, ...(period.trim() ? { period: period.trim() } : {}) },
      retries: 0,
      timeoutMs: 120_000,
    });
    jobs.reload();
    return result;
  });
  const errors = fieldErrors(run.error);
  return h('section', { class: 'card', 'aria-labelledby': 'jobs-title' }, [
    h('h2', { id: 'jobs-title' }, '调度任务'),
    jobs.loading ? Loading({}) : null,
    jobs.error ? ErrorBox({ error: jobs.error, onRetry: jobs.reload }) : null,
    jobs.data
      ? h('form', { noValidate: true, onSubmit: submitTo(() => run.run()) }, [
          Select({
            id: 'job-name',
            label: '任务',
            value: job,
            onChange: setJob,
            placeholder: '请选择任务',
            options: jobs.data.jobs.map((j) => ({ value: j.name, label: `${j.description}（${j.cycle}）` })),
            error: errors.job,
          }),
          TextInput({ id: 'job-period', label: '期间（可不填）', value: period, onInput: setPeriod, error: errors.period }),
          h('button', { type: 'submit', disabled: run.busy || !job }, run.busy ? '正在运行…' : '立即运行'),
          run.busy && run.startedAt ? h(Progress, { label: '任务运行中', startedAt: run.startedAt }) : null,
          run.error && !errors.job && !errors.period ? ErrorBox({ error: run.error }) : null,
          run.result
            ? h(
                'p',
                { class: 'success', role: 'status' },
                `已运行 ${run.result.runs.length} 次：${run.result.runs.map((r) => `${r.region} ${zh(RUN_OUTCOME_ZH, r.outcome)}${r.outcome === 'failed' ? `（${r.error?.message ?? ''}）` : ''}`).join('；')}`,
              )
            : null,
          Table({
            caption: '最近运行记录',
            columns: ['任务', '期间', '区划', '开始', '结果', '计数'],
            rows: jobs.data.recentRuns.map((r) => [
              r.job,
              r.period,
              r.region,
              date(r.startedAt),
              zh(RUN_OUTCOME_ZH, r.outcome),
              Object.entries(r.counts)
                .map(([k, v]) => `${k}=${v}`)
                .join(' '),
            ]),
            empty: '暂无运行记录。',
          }),
        ])
      : null,
  ]);
}
