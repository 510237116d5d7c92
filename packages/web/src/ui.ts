import { type ComponentChild, type ComponentChildren, h } from 'preact';
import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import { ApiError, errorText } from './api.js';

export { h };

/** What every labelled field takes (Field and the inputs built on it). */
interface FieldProps {
  id: string;
  label: string;
  error?: string | undefined;
  hint?: string;
  required?: boolean;
}

/** A labelled form field with its error next to it (aria-invalid, aria-describedby). */
export function Field(props: FieldProps & { children: (aria: Record<string, unknown>) => ComponentChild }) {
  const errorId = `${props.id}-error`;
  const hintId = `${props.id}-hint`;
  const describedBy = [props.hint ? hintId : '', props.error ? errorId : ''].filter(Boolean).join(' ');
  return h('div', { class: `field${props.error ? ' invalid' : ''}` }, [
    h('label', { for: props.id }, [props.label, props.required ? h('span', { class: 'req', 'aria-hidden': 'true' }, ' *') : null]),
    props.children({ id: props.id, name: props.id, 'aria-invalid': props.error ? 'true' : undefined, 'aria-describedby': describedBy || undefined, required: props.required }),
    props.hint ? h('p', { id: hintId, class: 'hint' }, props.hint) : null,
    props.error ? h('p', { id: errorId, class: 'error', role: 'alert' }, props.error) : null,
  ]);
}

export function TextInput(
  props: FieldProps & {
    value: string;
    onInput: (v: string) => void;
    type?: string;
    placeholder?: string;
    inputMode?: string;
    autoComplete?: string;
  },
) {
  return Field({
    ...props,
    children: (aria) =>
      h('input', {
        ...aria,
        type: props.type ?? 'text',
        value: props.value,
        placeholder: props.placeholder,
        inputMode: props.inputMode,
        autoComplete: props.autoComplete ?? 'off',
        onInput: (e: Event) => props.onInput((e.target as HTMLInputElement).value),
      }),
  });
}

export function TextArea(props: FieldProps & { value: string; onInput: (v: string) => void; rows?: number }) {
  return Field({
    ...props,
    children: (aria) => h('textarea', { ...aria, rows: props.rows ?? 4, value: props.value, onInput: (e: Event) => props.onInput((e.target as HTMLTextAreaElement).value) }),
  });
}

export function Select(
  props: FieldProps & {
    value: string;
    onChange: (v: string) => void;
    options: { value: string; label: string }[];
    placeholder?: string;
    disabled?: boolean;
  },
) {
  return Field({
    ...props,
    children: (aria) =>
      h('select', { ...aria, value: props.value, disabled: props.disabled, onChange: (e: Event) => props.onChange((e.target as HTMLSelectElement).value) }, [
        props.placeholder !== undefined ? h('option', { value: '' }, props.placeholder) : null,
        ...props.options.map((o) => h('option', { value: o.value, selected: o.value === props.value }, o.label)),
      ]),
  });
}

/**
 * A form's onSubmit: stays on the page and runs the action. Not awaited: useAction keeps the
 * action's errors for the form to show.
 */
export function submitTo(action: () => unknown) {
  return (e: Event) => {
    e.preventDefault();
    void action();
  };
}

/** An error for an action: shown next to the button that caused it, with a retry for lost connections. */
export function ErrorBox(props: { error: unknown; onRetry?: () => void; id?: string }) {
  if (!props.error) return null;
  const api = props.error instanceof ApiError ? props.error : undefined;
  return h('div', { class: 'error-box', role: 'alert', id: props.id }, [
    h('strong', null, api?.isNetwork ? '网络连接中断' : api?.status === 429 ? '请求过于频繁' : '操作未成功'),
    h('span', { class: 'error-message' }, `：${errorText(props.error)}`),
    api && !api.isNetwork && api.code ? h('span', { class: 'code' }, ` [${api.code}]`) : null,
    api?.details && typeof api.details === 'object' && 'allowed' in (api.details as object)
      ? h('p', null, `当前可执行的操作：${((api.details as { allowed: string[] }).allowed ?? []).join('、') || '无'}`)
      : null,
    props.onRetry ? h('button', { type: 'button', class: 'link', onClick: props.onRetry }, '重试') : null,
  ]);
}

export function Loading(props: { label?: string }) {
  return h('p', { class: 'loading', role: 'status', 'aria-live': 'polite' }, props.label ?? '正在加载…');
}

/** Progress of a long operation: a determinate bar when the total is known, otherwise elapsed time. */
export function Progress(props: { label: string; done?: number; total?: number; startedAt?: number }) {
  const [, tick] = useState(0);
  useEffect(() => {
    const timer = setInterval(() => tick((n) => n + 1), 1000);
    return () => clearInterval(timer);
  }, []);
  const elapsed = props.startedAt ? Math.round((Date.now() - props.startedAt) / 1000) : undefined;
  const known = props.total !== undefined && props.total > 0 && props.done !== undefined;
  return h('div', { class: 'progress', role: 'status', 'aria-live': 'polite' }, [
    h('span', null, props.label),
    known ? h('progress', { max: props.total, value: props.done, 'aria-label': props.label }, `${props.done}/${props.total}`) : h('progress', { 'aria-label': props.label }),
    h('span', { class: 'muted' }, [known ? ` ${props.done}/${props.total}` : '', elapsed !== undefined ? ` 已用时 ${elapsed} 秒` : '']),
  ]);
}

/** Loads data for a view: { data, error, loading, reload }. Errors never leave a blank page. */
export function useLoad<T>(load: () => Promise<T>, deps: unknown[]): { data: T | undefined; error: unknown; loading: boolean; reload: () => void } {
  const [state, setState] = useState<{ data: T | undefined; error: unknown; loading: boolean }>({ data: undefined, error: undefined, loading: true });
  const [nonce, setNonce] = useState(0);
  const seq = useRef(0);
  // biome-ignore lint/correctness/useExhaustiveDependencies: the caller names what the load depends on (`deps`)
  useEffect(() => {
    const mine = ++seq.current;
    setState((s) => ({ ...s, loading: true, error: undefined }));
    load().then(
      (data) => mine === seq.current && setState({ data, error: undefined, loading: false }),
      (error: unknown) => mine === seq.current && setState({ data: undefined, error, loading: false }),
    );
  }, [...deps, nonce]);
  return { ...state, reload: useCallback(() => setNonce((n) => n + 1), []) };
}

/** Runs an action: { run, busy, error, fields, result } with field-level errors from the API. */
export function useAction<A extends unknown[], T>(action: (...args: A) => Promise<T>) {
  const [state, setState] = useState<{ busy: boolean; error: unknown; result: T | undefined; startedAt?: number }>({ busy: false, error: undefined, result: undefined });
  const run = async (...args: A): Promise<T | undefined> => {
    setState({ busy: true, error: undefined, result: undefined, startedAt: Date.now() });
    try {
      const result = await action(...args);
      setState({ busy: false, error: undefined, result });
      return result;
    } catch (error) {
      if (!(error instanceof ApiError)) console.error(error);
      setState({ busy: false, error, result: undefined });
      return undefined;
    }
  };
  return { ...state, run, reset: () => setState({ busy: false, error: undefined, result: undefined }) };
}

export function Table(props: { caption: string; columns: string[]; rows: ComponentChildren[][]; empty?: string }) {
  if (props.rows.length === 0) return h('p', { class: 'muted' }, props.empty ?? '暂无数据');
  return h('div', { class: 'table-wrap', tabIndex: 0, role: 'region', 'aria-label': props.caption }, [
    h('table', null, [
      h('caption', null, props.caption),
      h(
        'thead',
        null,
        h(
          'tr',
          null,
          props.columns.map((c) => h('th', { scope: 'col' }, c)),
        ),
      ),
      h(
        'tbody',
        null,
        props.rows.map((r) =>
          h(
            'tr',
            null,
            r.map((cell) => h('td', null, cell)),
          ),
        ),
      ),
    ]),
  ]);
}

export { date, fen } from './format.js';

/**
 * A month (YYYY-MM) chosen from a year and a month list: the browser's own month input speaks the
 * browser's language, these lists speak Chinese. Years from `fromYear` to this year.
 */
export function MonthSelect(props: { id: string; label: string; value: string; onChange: (v: string) => void; fromYear?: number }) {
  const [year = '', month = ''] = props.value.split('-');
  const thisYear = new Date().getFullYear();
  const years: string[] = [];
  for (let y = thisYear; y >= (props.fromYear ?? 2016); y--) years.push(String(y));
  const months = Array.from({ length: 12 }, (_, i) => String(i + 1).padStart(2, '0'));
  return h('fieldset', { class: 'month-select' }, [
    h('legend', null, props.label),
    h(
      'select',
      { id: `${props.id}-year`, 'aria-label': `${props.label}（年）`, value: year, onChange: (e: Event) => props.onChange(`${(e.target as HTMLSelectElement).value}-${month}`) },
      [...years.map((y) => h('option', { value: y, selected: y === year }, `${y}年`))],
    ),
    h(
      'select',
      { id: `${props.id}-month`, 'aria-label': `${props.label}（月）`, value: month, onChange: (e: Event) => props.onChange(`${year}-${(e.target as HTMLSelectElement).value}`) },
      [...months.map((m) => h('option', { value: m, selected: m === month }, `${Number(m)}月`))],
    ),
  ]);
}
