import { noticesApi } from '@jingzhun/types';
import { useState } from 'preact/hooks';
import { type BoardRegion, loadRegions } from '../regions.js';
import { api, fieldErrors } from './api.js';
import { nameOf } from './home.js';
import { PHASE_WORDS, windowText } from './labels.js';
import { navigate } from './router.js';
import { ErrorBox, h, Loading, submitTo, Table, TextArea, TextInput, useAction, useLoad } from './ui.js';

/**
 * One notice as the public sees it: title, type, publisher, status word and window, and the masked
 * lines (a table, or cards on a phone). Where the notice takes objections each line has a button
 * that opens the objection form; the receipt gives the short number to look the outcome up with.
 */
function fieldValue(value: string | number | boolean, regions: readonly BoardRegion[] | undefined): string {
  if (typeof value === 'boolean') return value ? '是' : '否';
  if (typeof value === 'number') return value.toLocaleString('zh-CN');
  // A region named by its code (a town column, say) is shown by its name.
  if (/^\d{12}$/.test(value)) return nameOf(regions, value) || '—';
  return value;
}

export function NoticePage(props: { noticeId: string }) {
  const [cursor, setCursor] = useState<string | undefined>(undefined);
  const regions = useLoad(loadRegions, []);
  const data = useLoad(
    () => api.call(noticesApi.publicListEntries, { params: { noticeId: props.noticeId }, query: { limit: 50, ...(cursor ? { cursor } : {}) } }),
    [props.noticeId, cursor],
  );
  const [objecting, setObjecting] = useState<number | undefined>(undefined);
  const notice = data.data?.notice;
  const labels = data.data?.fieldLabels ?? {};
  const fieldKeys = Object.keys(labels);
  const takesObjections = Boolean(notice?.objectionsAccepted && notice.phase !== 'ended');
  return h('div', null, [
    h(
      'p',
      null,
      h(
        'a',
        {
          href: '/',
          onClick: (e: Event) => {
            // Back to the village the reader came from; a shared link opened alone goes to the start.
            if (history.length > 1 && document.referrer.startsWith(location.origin)) {
              e.preventDefault();
              history.back();
            }
          },
        },
        '← 返回公示查询',
      ),
    ),
    data.loading ? Loading({}) : null,
    data.error ? ErrorBox({ error: data.error, onRetry: data.reload }) : null,
    notice
      ? h('article', { 'aria-labelledby': 'notice-title' }, [
          h('h1', { id: 'notice-title', tabIndex: -1 }, notice.title),
          h('dl', { class: 'meta' }, [
            h('dt', null, '状态'),
            h('dd', null, h('span', { class: `phase phase-${notice.phase}` }, PHASE_WORDS[notice.phase])),
            h('dt', null, '类型'),
            h('dd', null, notice.typeName),
            h('dt', null, '发布单位'),
            h('dd', null, notice.publisher),
            h('dt', null, notice.windowStart ? '公示期' : '发布'),
            h('dd', null, windowText(notice)),
          ]),
          Table({
            caption: `名单（共 ${notice.entryCount} 条，姓名已隐去）`,
            columns: ['序号', '姓名', '村', '组', ...fieldKeys.map((k) => labels[k] ?? '其他信息'), ...(takesObjections ? ['异议'] : [])],
            rows: (data.data?.items ?? []).map((item) => [
              String(item.no),
              item.name,
              item.villageName ?? (nameOf(regions.data, item.village) || '—'),
              item.group ?? '—',
              ...fieldKeys.map((k) => (item.fields[k] === undefined ? '—' : fieldValue(item.fields[k] as string, regions.data))),
              ...(takesObjections
                ? [h('button', { type: 'button', class: 'small', 'aria-label': `对第 ${item.no} 条提出异议`, onClick: () => setObjecting(item.no) }, '提出异议')]
                : []),
            ]),
            empty: '名单为空。',
          }),
          data.data?.nextCursor ? h('button', { type: 'button', onClick: () => setCursor(data.data?.nextCursor) }, '下一页') : null,
          notice.objectionsAccepted && !takesObjections ? h('p', { class: 'muted' }, '公示期已结束，不再受理异议。') : null,
          objecting !== undefined ? h(ObjectionForm, { noticeId: notice.noticeId, entryNo: objecting, onClose: () => setObjecting(undefined) }) : null,
        ])
      : null,
  ]);
}

/** The service names the field it refuses in Chinese (details.field); an empty reason has its own code. */
const FIELD_OF: Record<string, string> = { 异议理由: 'reason', 姓名: 'name', 联系电话: 'contact' };

function serviceFieldErrors(error: unknown): Record<string, string> {
  const errors = fieldErrors(error);
  const field = (error as { details?: { field?: string } } | undefined)?.details?.field;
  const key = field ? FIELD_OF[field] : (error as { code?: string } | undefined)?.code === 'OBJECTION_REASON_REQUIRED' ? 'reason' : undefined;
  if (key) errors[key] ??= (error as Error).message;
  return errors;
}

function ObjectionForm(props: { noticeId: string; entryNo: number; onClose: () => void }) {
  const [reason, setReason] = useState('');
  const [name, setName] = useState('');
  const [contact, setContact] = useState('');
  const lodge = useAction(() =>
    api.call(noticesApi.publicLodgeObjection, {
      params: { noticeId: props.noticeId },
      body: { entryNo: props.entryNo, reason: reason.trim(), ...(name.trim() ? { name: name.trim() } : {}), ...(contact.trim() ? { contact: contact.trim() } : {}) },
    }),
  );
  const errors = serviceFieldErrors(lodge.error);
  const handled = Boolean(errors.reason || errors.contact || errors.name);
  if (lodge.result) {
    const number = lodge.result.number;
    return h('section', { class: 'card success', role: 'status', 'aria-live': 'polite', 'aria-labelledby': 'receipt-title' }, [
      h('h2', { id: 'receipt-title' }, '异议已受理'),
      h('p', null, lodge.result.message),
      h('p', { class: 'receipt' }, ['受理编号：', h('strong', { class: 'objection-number' }, number)]),
      h(
        'p',
        null,
        `请记下或截图保存受理编号。发布单位将在 ${lodge.result.dueBy.replace(/^(\d{4})-(\d{2})-(\d{2})$/, (_m, y, m, d) => `${y}年${Number(m)}月${Number(d)}日`)} 前答复，可凭编号查询处理结果。`,
      ),
      h('div', { class: 'actions' }, [
        h('button', { type: 'button', onClick: () => navigate(`/objection?number=${number}`) }, '查询处理结果'),
        h('button', { type: 'button', class: 'secondary', onClick: props.onClose }, '关闭'),
      ]),
    ]);
  }
  return h('section', { class: 'card', 'aria-labelledby': 'objection-title' }, [
    h('h2', { id: 'objection-title' }, `对第 ${props.entryNo} 条提出异议`),
    h('p', { class: 'muted' }, '可以不留姓名。留下电话便于工作人员答复；姓名和电话只有工作人员能看到，不会公开。'),
    h('form', { noValidate: true, onSubmit: submitTo(() => lodge.run()) }, [
      TextArea({ id: 'objection-reason', label: '异议内容', value: reason, onInput: setReason, required: true, error: errors.reason, hint: '请写明异议的事实和理由' }),
      TextInput({ id: 'objection-name', label: '您的姓名（可不填）', value: name, onInput: setName, error: errors.name, maxLength: 20 }),
      TextInput({
        id: 'objection-contact',
        label: '联系电话（可不填）',
        value: contact,
        onInput: setContact,
        error: errors.contact,
        hint: '11位手机号码，或带区号的固定电话',
        inputMode: 'tel',
        type: 'tel',
        autoComplete: 'tel',
        maxLength: 20,
      }),
      h('div', { class: 'actions' }, [
        h('button', { type: 'submit', disabled: lodge.busy }, lodge.busy ? '正在提交…' : '提交异议'),
        h('button', { type: 'button', class: 'secondary', onClick: props.onClose }, '取消'),
      ]),
      lodge.error && !handled ? ErrorBox({ error: lodge.error, id: 'objection-error' }) : null,
    ]),
  ]);
}
