import type { RouteContract } from '@jingzhun/types';
import { useState } from 'preact/hooks';
import * as z from 'zod';
import { ApiError, api, fieldErrors } from '../api.js';
import { paramLabel, ROLE_ZH, zh } from '../labels.js';
import { ErrorBox, h, Progress, Select, submitTo, TextArea, TextInput, useAction } from '../ui.js';

/**
 * A form for any contract, built from its zod shapes: one labelled input per path and query
 * parameter, the body as JSON. Used for the operations that have no dedicated page yet (bank
 * submissions, assessment steps, catalog and parameters). Errors appear next to their field.
 */

function shapeOf(schema: z.ZodType): Record<string, z.ZodType> {
  const s = schema as unknown as { shape?: Record<string, z.ZodType> };
  return s.shape && typeof s.shape === 'object' ? s.shape : {};
}

function isJsonBody(schema: z.ZodType): boolean {
  return !(schema instanceof z.ZodUndefined);
}

function enumValues(schema: z.ZodType): string[] | undefined {
  let current: unknown = schema;
  for (let i = 0; i < 5 && current; i++) {
    if (current instanceof z.ZodEnum) return (current as z.ZodEnum).options.map(String);
    const def = (current as { _zod?: { def?: { innerType?: unknown } } })._zod?.def;
    current = def?.innerType;
  }
  return undefined;
}

/**
 * A starting body for the JSON field, from the contract's schema: every required field with its
 * default or an empty value of its type (optional fields left out), so the form shows what to fill.
 */
export function skeletonOf(schema: z.ZodType): unknown {
  // biome-ignore lint/suspicious/noExplicitAny: reads zod's schema definition, whatever its kind
  const def = (schema as any)._zod?.def;
  switch (def?.type) {
    case 'object': {
      const out: Record<string, unknown> = {};
      for (const [key, field] of Object.entries(def.shape as Record<string, z.ZodType>)) {
        // biome-ignore lint/suspicious/noExplicitAny: as above
        if ((field as any)._zod?.def?.type === 'optional') continue;
        out[key] = skeletonOf(field);
      }
      return out;
    }
    case 'default':
    case 'prefault':
      return typeof def.defaultValue === 'function' ? def.defaultValue() : def.defaultValue;
    case 'nullable':
    case 'readonly':
      return skeletonOf(def.innerType);
    case 'pipe':
      return skeletonOf(def.in);
    case 'string':
      return '';
    case 'number':
    case 'int':
      return 0;
    case 'boolean':
      return false;
    case 'enum':
      return Object.values(def.entries as Record<string, unknown>)[0];
    case 'literal':
      return (def.values as unknown[])[0];
    case 'array':
      return [];
    case 'record':
      return {};
    default:
      return null;
  }
}

/** The body to start from: the page's preset, else the schema's skeleton. */
function startingBody(contract: RouteContract | undefined, preset: Preset): string {
  if (preset.body !== undefined) return JSON.stringify(preset.body, null, 2);
  if (!contract || !isJsonBody(contract.body)) return '';
  return JSON.stringify(skeletonOf(contract.body), null, 2);
}

function coerce(schema: z.ZodType, text: string): unknown {
  if (text === '') return undefined;
  const probe = schema.safeParse(text);
  if (probe.success) return text;
  const n = Number(text);
  if (!Number.isNaN(n) && schema.safeParse(n).success) return n;
  return text;
}

export interface Preset {
  params?: Record<string, string>;
  query?: Record<string, string>;
  body?: unknown;
}

export function ContractForm(props: {
  contracts: RouteContract[];
  preset?: (contract: RouteContract) => Preset;
  render?: (contract: RouteContract, result: unknown) => unknown;
  idPrefix?: string;
}) {
  const prefix = props.idPrefix ?? 'op';
  const [selected, setSelected] = useState(props.contracts[0]?.id ?? '');
  const contract = props.contracts.find((c) => c.id === selected) ?? props.contracts[0];
  const preset = contract && props.preset ? props.preset(contract) : {};
  const [values, setValues] = useState<Record<string, string>>({ ...(preset.params ?? {}), ...(preset.query ?? {}) });
  const [body, setBody] = useState(startingBody(contract, preset));
  const [bodyError, setBodyError] = useState<string | undefined>(undefined);
  const run = useAction(async () => {
    if (!contract) return undefined;
    const params: Record<string, unknown> = {};
    const query: Record<string, unknown> = {};
    for (const [k, s] of Object.entries(shapeOf(contract.params))) params[k] = coerce(s, values[k] ?? '');
    for (const [k, s] of Object.entries(shapeOf(contract.query))) {
      const v = coerce(s, values[k] ?? '');
      if (v !== undefined) query[k] = v;
    }
    let parsedBody: unknown;
    if (isJsonBody(contract.body) && body.trim()) {
      try {
        parsedBody = JSON.parse(body);
      } catch {
        throw new ApiError(0, 'VALIDATION_FAILED', '请求参数不合法', [{ path: '_body', message: '请求内容须为合法的 JSON', in: 'body' }]);
      }
    }
    setBodyError(undefined);
    // biome-ignore lint/suspicious/noExplicitAny: a generic form over any contract
    return api().call(contract as any, { params, query, ...(parsedBody !== undefined ? { body: parsedBody } : {}) } as any);
  });
  if (!contract) return null;
  const errors = fieldErrors(run.error);
  const paramFields = [...Object.entries(shapeOf(contract.params)), ...Object.entries(shapeOf(contract.query))];
  const issues = run.error instanceof ApiError ? run.error.issues : [];
  const bodyIssues = issues.filter((i) => i.in === 'body').map((i) => `${i.path || '（整体）'}：${i.message}`);
  const shownInline = issues.length > 0;
  const choose = (id: string) => {
    setSelected(id);
    const next = props.contracts.find((c) => c.id === id);
    const p = next && props.preset ? props.preset(next) : {};
    setValues({ ...(p.params ?? {}), ...(p.query ?? {}) });
    setBody(startingBody(next, p));
    setBodyError(undefined);
    run.reset();
  };
  return h('section', { class: 'card' }, [
    Select({
      id: `${prefix}-contract`,
      label: '业务操作',
      value: contract.id,
      onChange: choose,
      options: props.contracts.map((c) => ({ value: c.id, label: `${c.summary}（${c.method} ${c.path}）` })),
    }),
    contract.roles ? h('p', { class: 'muted' }, `可执行角色：${contract.roles.map((role) => zh(ROLE_ZH, role)).join('、')}`) : null,
    h('form', { noValidate: true, onSubmit: submitTo(() => run.run()) }, [
      ...paramFields.map(([name, schema]) => {
        const options = enumValues(schema);
        const id = `${prefix}-${name}`;
        const error = errors[name];
        return options
          ? Select({
              id,
              label: paramLabel(name),
              value: values[name] ?? '',
              placeholder: '（不选）',
              options: options.map((o) => ({ value: o, label: o })),
              onChange: (v) => setValues({ ...values, [name]: v }),
              error,
            })
          : TextInput({ id, label: paramLabel(name), value: values[name] ?? '', onInput: (v) => setValues({ ...values, [name]: v }), error });
      }),
      isJsonBody(contract.body)
        ? TextArea({
            id: `${prefix}-body`,
            label: '提交内容（JSON）',
            rows: 8,
            value: body,
            onInput: setBody,
            error: bodyError ?? (errors._body ? errors._body : bodyIssues.length ? bodyIssues.join('；') : undefined),
          })
        : null,
      h('button', { type: 'submit', disabled: run.busy }, run.busy ? '正在执行…' : '执行'),
      run.busy && run.startedAt ? h(Progress, { label: '正在处理', startedAt: run.startedAt }) : null,
      run.error && !shownInline ? ErrorBox({ error: run.error }) : null,
    ]),
    run.result !== undefined
      ? h('div', { class: 'result', role: 'status' }, [
          h('h3', null, '结果'),
          props.render ? (props.render(contract, run.result) as never) : h('pre', { class: 'json' }, JSON.stringify(run.result, null, 2)),
        ])
      : null,
  ]);
}

/** Every RouteContract exported by a contracts module. */
export function contractsOf(module: Record<string, unknown>): RouteContract[] {
  return Object.values(module).filter((v): v is RouteContract => typeof v === 'object' && v !== null && 'id' in v && 'path' in v && 'method' in v && 'response' in v);
}
