import { subsidyApi } from '@jingzhun/types';
import { useState } from 'preact/hooks';
import type * as z from 'zod';
import { ApiError, api, session } from '../api.js';
import { downloadFile, fileBase64 } from '../download.js';
import { useSignal } from '../state.js';
import { date, fen, h, Loading, MonthSelect, submitTo, Table, useAction, useLoad } from '../ui.js';
import { Refusal } from './standards.js';

type Run = z.infer<typeof subsidyApi.RunView>;
type Report = z.infer<typeof subsidyApi.PaymentImportReport>;
type Reissue = z.infer<typeof subsidyApi.ReissueView>;

const RUN_STATUS_ZH: Record<Run['status'], string> = { RUNNING: '计算中', COMPLETED: '已计算，待审核', APPROVED: '已审核', PAID: '已发放' };
const OUTCOME_ZH: Record<string, string> = { paid: '发放成功', failed: '发放失败', corrected: '已更正为失败', unchanged: '与上次相同' };

function lastMonth(): string {
  const d = new Date();
  d.setDate(1);
  d.setMonth(d.getMonth() - 1);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}`;
}

interface Problem {
  row: number;
  message: string;
}

function problemsOf(error: unknown): Problem[] {
  if (!(error instanceof ApiError) || !error.details || typeof error.details !== 'object') return [];
  const problems = (error.details as { problems?: unknown }).problems;
  return Array.isArray(problems) ? (problems as Problem[]).filter((p) => typeof p?.row === 'number' && typeof p?.message === 'string') : [];
}

/**
 * 花名册发放: for the county's approved roster of a month, the bank's 一卡通 file, the bank's
 * payment results, and a re-issue roster of the failed lines (docs/subsidy.md, payment).
 */
export function PaymentsPage(_props: { path: string }) {
  const who = useSignal(session);
  const region = who?.region ?? '';
  const [period, setPeriod] = useState(lastMonth());
  const run = useLoad(() => api().call(subsidyApi.getRun, { params: { period, region } }), [period, region]);
  const notStarted = run.error instanceof ApiError && run.error.status === 404;
  return h('div', null, [
    h('h1', { tabIndex: -1 }, '花名册发放'),
    MonthSelect({ id: 'payments-period', label: '发放月份', value: period, onChange: setPeriod, fromYear: 2016 }),
    run.loading ? Loading({}) : null,
    notStarted ? h('p', { class: 'muted' }, `${period.replace('-', '年')}月尚未计算发放花名册，请先在“补贴”页发起月度发放计算。`) : h(Refusal, { error: run.error }),
    run.data ? h(RosterPanel, { key: `${period}-${run.data.attempt}-${run.data.status}`, run: run.data, onChanged: run.reload }) : null,
  ]);
}

function RosterPanel(props: { run: Run; onChanged: () => void }) {
  const r = props.run;
  const params = { period: r.period, region: r.region };
  const approve = useAction(async () => {
    const result = await api().call(subsidyApi.approveRoster, { params, body: { expectedAttempt: r.attempt } });
    props.onChanged();
    return result;
  });
  const approved = r.status === 'APPROVED' || r.status === 'PAID';
  return h('section', { class: 'card', 'aria-labelledby': 'roster-title' }, [
    h('h2', { id: 'roster-title' }, `${r.period.replace('-', '年')}月发放花名册`),
    h('p', { id: 'roster-status' }, [
      `状态：${RUN_STATUS_ZH[r.status]}；${r.totals.households} 户，合计 `,
      h('strong', null, fen(r.totals.totalFen)),
      r.approvedAt ? `；${date(r.approvedAt)} 审核通过` : '',
    ]),
    r.status === 'COMPLETED'
      ? h('div', null, [
          h('button', { type: 'button', disabled: approve.busy, onClick: () => void approve.run() }, approve.busy ? '正在提交…' : '审核通过花名册'),
          h(Refusal, { error: approve.error, id: 'roster-approve-error' }),
        ])
      : null,
    approved ? h(BankFile, { period: r.period, region: r.region, title: '一卡通银行发放文件' }) : h('p', { class: 'muted' }, '花名册审核通过后方可导出银行发放文件。'),
    approved ? h(ResultsUpload, { period: r.period, region: r.region }) : null,
  ]);
}

function BankFile(props: { period: string; region: string; reissue?: number; title: string }) {
  const download = useAction((format: 'xlsx' | 'csv') => {
    const url = api().url(subsidyApi.exportRoster, {
      params: { period: props.period, region: props.region },
      query: { format, ...(props.reissue ? { reissue: props.reissue } : {}) },
    });
    const name = `一卡通发放-${props.period}${props.reissue ? `-补发${props.reissue}` : ''}.${format}`;
    return downloadFile(url, name);
  });
  const id = props.reissue ? `reissue-${props.reissue}` : 'roster';
  return h('div', { class: 'actions', role: 'group', 'aria-label': props.title }, [
    h('span', null, `${props.title}：`),
    h(
      'button',
      { type: 'button', class: 'secondary', disabled: download.busy, onClick: () => void download.run('xlsx') },
      props.reissue ? '下载补发 Excel 文件' : '下载 Excel 文件',
    ),
    h('button', { type: 'button', class: 'secondary', disabled: download.busy, onClick: () => void download.run('csv') }, props.reissue ? '下载补发 CSV 文件' : '下载 CSV 文件'),
    h(Refusal, { error: download.error, id: `${id}-download-error` }),
  ]);
}

function ResultsUpload(props: { period: string; region: string }) {
  const params = { period: props.period, region: props.region };
  const [file, setFile] = useState<File | undefined>(undefined);
  const [missing, setMissing] = useState(false);
  const [reissue, setReissue] = useState<Reissue | undefined>(undefined);
  const upload = useAction(async (): Promise<Report | undefined> => {
    setMissing(!file);
    if (!file) return undefined;
    const format = file.name.toLowerCase().endsWith('.csv') ? 'csv' : 'xlsx';
    return api().call(subsidyApi.importPaymentResults, { params, body: { format, contentBase64: await fileBase64(file) } });
  });
  const create = useAction(async () => {
    if (!window.confirm('将所有发放失败且尚未补发的笔数转入新的补发花名册，确定吗？')) return undefined;
    const result = await api().call(subsidyApi.createReissue, { params });
    setReissue(result);
    return result;
  });
  const problems = problemsOf(upload.error);
  const report = upload.result;
  return h('div', null, [
    h('h3', null, '导入银行发放结果'),
    h('form', { noValidate: true, onSubmit: submitTo(() => upload.run()) }, [
      h('div', { class: `field${missing || upload.error ? ' invalid' : ''}` }, [
        h('p', { class: 'label', id: 'results-file-label' }, '银行返回的发放结果文件（Excel 或 CSV）'),
        h('div', { class: 'file-picker' }, [
          h('input', {
            id: 'results-file',
            type: 'file',
            accept: '.xlsx,.csv',
            'aria-labelledby': 'results-file-label',
            'aria-describedby': 'results-file-hint',
            onChange: (e: Event) => setFile((e.target as HTMLInputElement).files?.[0]),
          }),
          h('label', { for: 'results-file', class: 'button secondary' }, '选择文件'),
          h('span', { class: 'file-name' }, file ? file.name : '未选择文件'),
        ]),
        h('p', { id: 'results-file-hint', class: 'hint' }, '须含“业务编号”“发放结果”（成功/失败）两列，失败的写明“失败原因”。任一行不合格则整份文件不导入。'),
        missing ? h('p', { class: 'error', role: 'alert', id: 'results-file-error' }, '请选择银行返回的发放结果文件') : null,
        upload.error ? h(Refusal, { error: upload.error, id: 'results-file-error' }) : null,
      ]),
      h('button', { type: 'submit', disabled: upload.busy }, upload.busy ? '正在导入…' : '导入发放结果'),
    ]),
    problems.length ? Table({ caption: '不合格的行（整份文件未导入）', columns: ['行号', '原因'], rows: problems.map((p) => [`第 ${p.row} 行`, p.message]) }) : null,
    report
      ? h('div', { id: 'results-report' }, [
          h(
            'p',
            { class: 'success', role: 'status' },
            `已导入 ${report.rows} 行：发放成功 ${report.paid} 笔，发放失败 ${report.failed} 笔，更正 ${report.corrected} 笔，与上次相同 ${report.unchanged} 笔。`,
          ),
          // The rows that need attention (a roster has thousands of paid rows): failed and corrected ones.
          Table({
            caption: '发放失败的行',
            columns: ['行号', '结果'],
            empty: '没有发放失败的行',
            rows: report.outcomes.filter((o) => o.outcome === 'failed' || o.outcome === 'corrected').map((o) => [`第 ${o.row} 行`, OUTCOME_ZH[o.outcome] ?? o.outcome]),
          }),
        ])
      : null,
    h('h3', null, '补发'),
    h('p', { class: 'muted' }, '发放失败的笔数（核实账户后）转入补发花名册，每笔只转一次。'),
    h('button', { type: 'button', disabled: create.busy, onClick: () => void create.run() }, create.busy ? '正在生成…' : '生成补发花名册'),
    h(Refusal, { error: create.error, id: 'reissue-error' }),
    reissue
      ? h('div', { id: 'reissue-report' }, [
          h('p', { class: 'success', role: 'status' }, `已生成第 ${reissue.reissue} 批补发花名册：${reissue.lines} 笔，合计 ${fen(reissue.totalFen)}。`),
          h(BankFile, { period: props.period, region: props.region, reissue: reissue.reissue, title: `第 ${reissue.reissue} 批补发银行文件` }),
        ])
      : null,
  ]);
}
