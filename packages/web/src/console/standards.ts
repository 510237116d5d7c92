import { subsidyApi } from '@jingzhun/types';
import { useState } from 'preact/hooks';
import type * as z from 'zod';
import { mayCall } from '../access.js';
import { ApiError, api, errorText, fieldErrors, session } from '../api.js';
import { jurisdictionOf } from '../regions.js';
import { useSignal } from '../state.js';
import { date, fen, h, Loading, MonthSelect, submitTo, Table, TextInput, useAction, useLoad } from '../ui.js';

type Standard = z.infer<typeof subsidyApi.StandardView>;
type Version = z.infer<typeof subsidyApi.StandardVersionView>;

const STATUS_ZH: Record<Version['status'], string> = { PENDING: '待审核', APPROVED: '已生效', REJECTED: '已退回' };

const UNIT_ZH: Record<string, string> = { person: '人', household: '户', student: '生' };
const PERIOD_ZH: Record<string, string> = { monthly: '月', yearly: '年' };

/** 元/人•月 when the unit and the period are known, else 元. */
function amountUnit(s: Standard): string {
  const unit = UNIT_ZH[s.unit];
  const period = PERIOD_ZH[s.period];
  return unit && period ? `元/${unit}•${period}` : '元';
}

function thisMonth(): string {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}`;
}

/** A plain Chinese sentence for a refusal, without codes (shown next to what it concerns). */
export function Refusal(props: { error: unknown; id?: string }) {
  if (!props.error) return null;
  return h('p', { class: 'error', role: 'alert', id: props.id }, errorText(props.error));
}

/** 元 as typed (at most two decimals) → integer fen; undefined when it is not an amount. */
export function yuanToFen(text: string): number | undefined {
  const value = text.trim();
  if (!/^\d{1,9}(\.\d{1,2})?$/.test(value)) return undefined;
  const [whole, part = ''] = value.split('.');
  return Number(whole) * 100 + Number(part.padEnd(2, '0'));
}

function fenToYuanText(value: number | undefined): string {
  return value === undefined ? '' : (value / 100).toFixed(2);
}

/** What a version sets, in 元 (an amount, one per band, or the formula's parameters). */
function termsText(standard: Standard, v: Version): string {
  if (!standard.editable) return '按区县参数计算';
  if (v.amountFen !== undefined) return fen(v.amountFen);
  if (v.bandAmountsFen) return (standard.shape.bands ?? []).map((b) => `${b.labelZh} ${fen(v.bandAmountsFen?.[b.label])}`).join('；');
  if (v.valuesFen) return (standard.shape.values ?? []).map((p) => `${p.labelZh} ${fen(v.valuesFen?.[p.name])}`).join('；');
  return '—';
}

function versionText(v: Version): string {
  return v.version === 0 ? '文件原定标准' : `第 ${v.version} 版（${v.document.number}，${date(v.effectiveFrom)} 起）`;
}

export function StandardsPage(_props: { path: string }) {
  const who = useSignal(session);
  const jurisdiction = jurisdictionOf(who?.region ?? '');
  const [period, setPeriod] = useState(thisMonth());
  const [selected, setSelected] = useState<string | undefined>(undefined);
  const list = useLoad(
    () => (jurisdiction ? api().call(subsidyApi.listStandards, { params: { jurisdiction }, query: { period } }) : Promise.resolve(undefined)),
    [jurisdiction, period],
  );
  const standards = list.data?.standards ?? [];
  const current = standards.find((s) => s.itemId === selected);
  const onChanged = () => list.reload();
  const mayReview = mayCall(who, subsidyApi.approveStandard);
  const mayPropose = mayCall(who, subsidyApi.proposeStandard);
  return h('div', null, [
    h('h1', { tabIndex: -1 }, '支付标准'),
    h(
      'p',
      { class: 'muted' },
      '按月发放的补贴标准在文件年度之后继续沿用，直到新的标准经审核生效。新标准由区县扶贫办录入，须由另一人（领导小组或区县另一名工作人员）审核通过后按生效日期适用。',
    ),
    !jurisdiction ? h('p', { class: 'error', role: 'alert' }, '您所在的区划不在政策目录的辖区内，没有可维护的支付标准。') : null,
    MonthSelect({ id: 'standards-period', label: '查看月份', value: period, onChange: setPeriod, fromYear: 2016 }),
    list.loading ? Loading({}) : null,
    h(Refusal, { error: list.error }),
    list.data
      ? Table({
          caption: `${period.replace('-', '年')}月适用的支付标准`,
          columns: ['标准', '现行金额', '现行版本', '沿用', '待审核', ''],
          empty: '没有可续用的支付标准',
          rows: standards.map((s) => [
            s.nameZh,
            termsText(s, s.inForce),
            versionText(s.inForce),
            s.carriedForward ?? '—',
            s.pending.length ? `${s.pending.length} 项` : '—',
            h(
              'button',
              { type: 'button', class: 'link', 'aria-label': `查看 ${s.nameZh}`, onClick: () => setSelected(s.itemId) },
              `${s.pending.length && mayReview ? '审核' : '查看'}${mayPropose && s.editable ? ' / 录入' : ''}`,
            ),
          ]),
        })
      : null,
    current && jurisdiction ? h(StandardDetail, { key: current.itemId, standard: current, jurisdiction, onChanged }) : null,
  ]);
}

function StandardDetail(props: { standard: Standard; jurisdiction: string; onChanged: () => void }) {
  const who = useSignal(session);
  const s = props.standard;
  return h('section', { class: 'card', 'aria-labelledby': 'standard-title' }, [
    h('h2', { id: 'standard-title' }, s.nameZh),
    h('p', null, ['现行标准：', h('strong', { id: 'standard-in-force' }, termsText(s, s.inForce)), `，${versionText(s.inForce)}`, s.carriedForward ? `，${s.carriedForward}` : '']),
    h('p', { class: 'muted' }, `依据：${s.source.quoteZh}`),
    h('h3', null, '待审核的新标准'),
    s.pending.length === 0
      ? h('p', { class: 'muted' }, '没有待审核的新标准')
      : s.pending.map((v) => h(PendingVersion, { key: v.version, standard: s, version: v, jurisdiction: props.jurisdiction, onChanged: props.onChanged })),
    mayCall(who, subsidyApi.proposeStandard)
      ? s.editable
        ? h(ProposeForm, { standard: s, jurisdiction: props.jurisdiction, onChanged: props.onChanged })
        : h('p', { class: 'muted' }, '此项金额由区县参数决定，请在区县参数中修改。')
      : null,
    h('h3', null, '历史版本'),
    Table({
      caption: `${s.nameZh}的版本`,
      columns: ['版本', '生效日期', '标准', '文件', '状态', '录入人', '审核人'],
      rows: s.versions.map((v) => [
        v.version === 0 ? '文件原定' : `第 ${v.version} 版`,
        date(v.effectiveFrom),
        termsText(s, v),
        // Version 0 is the policy document itself (its reference is the catalog's, not a 文号).
        v.version === 0 ? '原政策文件' : `${v.document.number}《${v.document.title}》`,
        STATUS_ZH[v.status] + (v.rejectionReason ? `（${v.rejectionReason}）` : ''),
        v.enteredByName ?? '—',
        v.reviewedByName ?? '—',
      ]),
    }),
  ]);
}

function PendingVersion(props: { standard: Standard; version: Version; jurisdiction: string; onChanged: () => void }) {
  const who = useSignal(session);
  const v = props.version;
  const [reason, setReason] = useState('');
  const [rejecting, setRejecting] = useState(false);
  const params = { jurisdiction: props.jurisdiction, itemId: props.standard.itemId, version: v.version };
  const approve = useAction(async () => {
    const result = await api().call(subsidyApi.approveStandard, { params });
    props.onChanged();
    return result;
  });
  const reject = useAction(async () => {
    if (!reason.trim()) throw new ApiError(400, 'REASON_REQUIRED', '请填写退回理由');
    const result = await api().call(subsidyApi.rejectStandard, { params, body: { reason: reason.trim() } });
    props.onChanged();
    return result;
  });
  const id = `pending-${v.version}`;
  const mayReview = mayCall(who, subsidyApi.approveStandard);
  return h('div', { class: 'card', id, 'aria-label': `待审核第 ${v.version} 版` }, [
    h('p', null, [
      h('strong', null, `第 ${v.version} 版（待审核）`),
      `：${termsText(props.standard, v)}，${date(v.effectiveFrom)} 起生效；文件 ${v.document.number}《${v.document.title}》；录入人 ${v.enteredByName ?? '—'}`,
    ]),
    mayReview
      ? h('div', { class: 'actions' }, [
          h('button', { type: 'button', disabled: approve.busy, onClick: () => void approve.run() }, approve.busy ? '正在提交…' : '审核通过'),
          h('button', { type: 'button', class: 'secondary', onClick: () => setRejecting(!rejecting) }, '退回'),
        ])
      : null,
    h(Refusal, { error: approve.error, id: `${id}-approve-error` }),
    rejecting
      ? h('form', { noValidate: true, onSubmit: submitTo(() => reject.run()) }, [
          TextInput({
            id: `${id}-reason`,
            label: '退回理由',
            value: reason,
            onInput: setReason,
            error: reject.error ? (fieldErrors(reject.error).reason ?? errorText(reject.error)) : undefined,
            required: true,
          }),
          h('button', { type: 'submit', disabled: reject.busy }, '确认退回'),
        ])
      : null,
  ]);
}

/** The server's refusals that concern one field of the form. */
const FIELD_OF_CODE: Record<string, string> = {
  EFFECTIVE_BEFORE_CATALOG: 'effectiveFrom',
  STANDARD_TERMS: 'terms',
  AMOUNT_NEGATIVE: 'terms',
  AMOUNT_ABSURD: 'terms',
  AMOUNT_NOT_FEN: 'terms',
};

function ProposeForm(props: { standard: Standard; jurisdiction: string; onChanged: () => void }) {
  const s = props.standard;
  const terms: { key: string; label: string; current: number }[] =
    s.shape.kind === 'amount'
      ? [{ key: 'amount', label: `金额（${amountUnit(s)}）`, current: s.inForce.amountFen ?? s.shape.amountFen ?? 0 }]
      : s.shape.kind === 'bands'
        ? (s.shape.bands ?? []).map((b) => ({ key: b.label, label: `${b.labelZh}（${amountUnit(s)}）`, current: s.inForce.bandAmountsFen?.[b.label] ?? b.amountFen }))
        : (s.shape.values ?? []).map((p) => ({ key: p.name, label: `${p.labelZh}（${amountUnit(s)}）`, current: s.inForce.valuesFen?.[p.name] ?? p.amountFen }));
  const [amounts, setAmounts] = useState<Record<string, string>>(() => Object.fromEntries(terms.map((t) => [t.key, fenToYuanText(t.current)])));
  const [effectiveFrom, setEffectiveFrom] = useState('');
  const [documentNumber, setDocumentNumber] = useState('');
  const [documentTitle, setDocumentTitle] = useState('');
  const [local, setLocal] = useState<Record<string, string>>({});
  const save = useAction(async () => {
    const problems: Record<string, string> = {};
    const fenOf: Record<string, number> = {};
    for (const t of terms) {
      const value = yuanToFen(amounts[t.key] ?? '');
      if (value === undefined) problems[`term-${t.key}`] = '请填写金额（元），最多两位小数';
      else fenOf[t.key] = value;
    }
    if (!effectiveFrom) problems.effectiveFrom = '请选择生效日期';
    if (!documentNumber.trim()) problems.documentNumber = '请填写文件文号';
    if (!documentTitle.trim()) problems.documentTitle = '请填写文件标题';
    setLocal(problems);
    if (Object.keys(problems).length > 0) return undefined;
    const body = {
      effectiveFrom,
      documentNumber: documentNumber.trim(),
      documentTitle: documentTitle.trim(),
      ...(s.shape.kind === 'amount' ? { amountFen: fenOf.amount } : s.shape.kind === 'bands' ? { bandAmountsFen: fenOf } : { valuesFen: fenOf }),
    };
    const result = await api().call(subsidyApi.proposeStandard, { params: { jurisdiction: props.jurisdiction, itemId: s.itemId }, body });
    props.onChanged();
    return result;
  });
  const server = fieldErrors(save.error);
  const code = save.error instanceof ApiError ? save.error.code : '';
  const codeField = FIELD_OF_CODE[code];
  const errorOf = (field: string) => local[field] ?? server[field] ?? (codeField === field ? errorText(save.error) : undefined);
  const general = save.error && !codeField && Object.keys(server).length === 0;
  return h('form', { noValidate: true, onSubmit: submitTo(() => save.run()), 'aria-labelledby': 'propose-title' }, [
    h('h3', { id: 'propose-title' }, '录入新标准'),
    ...terms.map((t) =>
      TextInput({
        id: `term-${t.key}`,
        label: t.label,
        value: amounts[t.key] ?? '',
        inputMode: 'decimal',
        onInput: (value) => setAmounts({ ...amounts, [t.key]: value }),
        error: local[`term-${t.key}`],
        required: true,
      }),
    ),
    errorOf('terms') ? h('p', { class: 'error', role: 'alert', id: 'terms-error' }, errorOf('terms')) : null,
    TextInput({ id: 'effectiveFrom', label: '生效日期', type: 'date', value: effectiveFrom, onInput: setEffectiveFrom, error: errorOf('effectiveFrom'), required: true }),
    TextInput({
      id: 'documentNumber',
      label: '文件文号',
      value: documentNumber,
      onInput: setDocumentNumber,
      error: errorOf('documentNumber'),
      required: true,
      placeholder: '如 台政办发〔2019〕12号',
    }),
    TextInput({ id: 'documentTitle', label: '文件标题', value: documentTitle, onInput: setDocumentTitle, error: errorOf('documentTitle'), required: true }),
    h('button', { type: 'submit', disabled: save.busy }, save.busy ? '正在提交…' : '提交审核'),
    general ? h(Refusal, { error: save.error, id: 'propose-error' }) : null,
    save.result ? h('p', { class: 'success', role: 'status' }, '已提交，待另一人审核后生效。') : null,
  ]);
}
