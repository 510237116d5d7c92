import { type ComponentChild, type ComponentChildren, h } from 'preact';
import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import { ApiError, errorText } from './api.js';

/** The board's few building blocks: labelled fields with their errors, loading and error states, tables that become cards on a phone. */
export { h };

interface FieldProps {
  id: string;
  label: string;
  error?: string | undefined;
  hint?: string;
  required?: boolean;
}

/** A labelled field with its error right under it (aria-invalid, aria-describedby). */
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

export function TextInput(props: FieldProps & { value: string; onInput: (v: string) => void; type?: string; inputMode?: string; autoComplete?: string; maxLength?: number }) {
  return Field({
    ...props,
    children: (aria) =>
      h('input', {
        ...aria,
        type: props.type ?? 'text',
        value: props.value,
        inputMode: props.inputMode,
        maxLength: props.maxLength,
        autoComplete: props.autoComplete ?? 'off',
        onInput: (e: Event) => props.onInput((e.target as HTMLInputElement).value),
      }),
  });
}

export function TextArea(props: FieldProps & { value: string; onInput: (v: string) => void }) {
  return Field({
    ...props,
    children: (aria) => h('textarea', { ...aria, rows: 4, value: props.value, onInput: (e: Event) => props.onInput((e.target as HTMLTextAreaElement).value) }),
  });
}

export function Select(props: FieldProps & { value: string; onChange: (v: string) => void; options: { value: string; label: string }[]; placeholder: string; disabled?: boolean }) {
  return Field({
    ...props,
    children: (aria) =>
      h('select', { ...aria, value: props.value, disabled: props.disabled, onChange: (e: Event) => props.onChange((e.target as HTMLSelectElement).value) }, [
        h('option', { value: '' }, props.placeholder),
        ...props.options.map((o) => h('option', { value: o.value, selected: o.value === props.value }, o.label)),
      ]),
  });
}

export function submitTo(action: () => unknown) {
  return (e: Event) => {
    e.preventDefault();
    void action();
  };
}

/** A failure in a sentence, with a retry where trying again can help. No error codes. */
export function ErrorBox(props: { error: unknown; onRetry?: () => void; id?: string }) {
  if (!props.error) return null;
  const network = props.error instanceof ApiError && props.error.isNetwork;
  return h('div', { class: 'error-box', role: 'alert', id: props.id }, [
    h('strong', null, network ? '网络连接中断' : '未能完成'),
    h('span', { class: 'error-message' }, `：${errorText(props.error)}`),
    props.onRetry ? h('button', { type: 'button', class: 'link', onClick: props.onRetry }, '重试') : null,
  ]);
}

export function Loading(props: { label?: string }) {
  return h('p', { class: 'loading', role: 'status', 'aria-live': 'polite' }, props.label ?? '正在加载…');
}

export function useLoad<T>(load: () => Promise<T>, deps: unknown[]): { data: T | undefined; error: unknown; loading: boolean; reload: () => void } {
  const [state, setState] = useState<{ data: T | undefined; error: unknown; loading: boolean }>({ data: undefined, error: undefined, loading: true });
  const [nonce, setNonce] = useState(0);
  const seq = useRef(0);
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

export function useAction<A extends unknown[], T>(action: (...args: A) => Promise<T>) {
  const [state, setState] = useState<{ busy: boolean; error: unknown; result: T | undefined }>({ busy: false, error: undefined, result: undefined });
  const run = async (...args: A): Promise<void> => {
    setState({ busy: true, error: undefined, result: undefined });
    try {
      setState({ busy: false, error: undefined, result: await action(...args) });
    } catch (error) {
      if (!(error instanceof ApiError)) console.error(error);
      setState({ busy: false, error, result: undefined });
    }
  };
  return { ...state, run };
}

/**
 * A table on a wide screen, a stack of cards on a phone (≤ 480 px, board.css): each cell carries
 * its column name, shown before the value when the row is a card.
 */
export function Table(props: { caption: string; columns: string[]; rows: ComponentChildren[][]; empty: string }) {
  if (props.rows.length === 0) return h('p', { class: 'muted' }, props.empty);
  return h('div', { class: 'table-wrap cards', role: 'region', 'aria-label': props.caption, tabIndex: 0 }, [
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
            r.map((cell, i) => h('td', { 'data-label': props.columns[i] }, cell)),
          ),
        ),
      ),
    ]),
  ]);
}
