import { h } from './ui.js';

/**
 * Hand-made SVG charts: no chart library. Each chart is an <svg role="img"> with a title and a
 * description, followed by the same figures as a table for screen readers and printing.
 */

export interface BarDatum {
  label: string;
  value: number;
  target?: number | undefined;
}

const COLORS = { actual: '#1d5fa8', target: '#b3261e', grid: '#d0d5dc', text: '#1f2328', muted: '#57606a' };

function niceMax(value: number): number {
  if (value <= 0) return 1;
  const magnitude = 10 ** Math.floor(Math.log10(value));
  const n = value / magnitude;
  const step = n <= 1 ? 1 : n <= 2 ? 2 : n <= 5 ? 5 : 10;
  return step * magnitude;
}

function format(value: number): string {
  return Number.isInteger(value) ? value.toLocaleString('zh-CN') : value.toLocaleString('zh-CN', { maximumFractionDigits: 2 });
}

/** Horizontal bars: progress by town, with the target as a red tick. */
export function BarChart(props: { id: string; title: string; unit: string; data: BarDatum[] }) {
  const rowH = 34;
  const left = 110;
  const right = 70;
  const width = 640;
  const top = 28;
  const height = top + props.data.length * rowH + 24;
  const max = niceMax(Math.max(1, ...props.data.map((d) => Math.max(d.value, d.target ?? 0))));
  const x = (v: number) => left + (v / max) * (width - left - right);
  const ticks = [0, 0.25, 0.5, 0.75, 1].map((t) => t * max);
  const desc = props.data.map((d) => `${d.label} ${format(d.value)}${props.unit}${d.target !== undefined ? `，目标 ${format(d.target)}${props.unit}` : ''}`).join('；');
  return h('figure', { class: 'chart', id: props.id }, [
    h('svg', { viewBox: `0 0 ${width} ${height}`, role: 'img', 'aria-labelledby': `${props.id}-t ${props.id}-d`, class: 'bar-chart', preserveAspectRatio: 'xMinYMin meet' }, [
      h('title', { id: `${props.id}-t` }, props.title),
      h('desc', { id: `${props.id}-d` }, desc),
      ...ticks.map((t) =>
        h('g', null, [
          h('line', { x1: x(t), x2: x(t), y1: top - 6, y2: height - 20, stroke: COLORS.grid }),
          h('text', { x: x(t), y: height - 6, 'text-anchor': 'middle', 'font-size': 11, fill: COLORS.muted }, format(t)),
        ]),
      ),
      ...props.data.map((d, i) => {
        const y = top + i * rowH;
        return h('g', { class: 'bar' }, [
          h('text', { x: left - 8, y: y + rowH / 2 + 4, 'text-anchor': 'end', 'font-size': 13, fill: COLORS.text }, d.label),
          h(
            'rect',
            { x: left, y: y + 6, width: Math.max(1, x(d.value) - left), height: rowH - 14, fill: COLORS.actual, rx: 2 },
            h('title', null, `${d.label}：${format(d.value)}${props.unit}`),
          ),
          h('text', { x: x(d.value) + 4, y: y + rowH / 2 + 4, 'font-size': 12, fill: COLORS.text }, format(d.value)),
          d.target !== undefined ? h('line', { class: 'target', x1: x(d.target), x2: x(d.target), y1: y + 2, y2: y + rowH - 4, stroke: COLORS.target, 'stroke-width': 3 }) : null,
        ]);
      }),
      h('g', { class: 'legend' }, [
        h('rect', { x: left, y: 6, width: 12, height: 12, fill: COLORS.actual }),
        h('text', { x: left + 16, y: 16, 'font-size': 12, fill: COLORS.text }, '实际完成'),
        h('line', { x1: left + 90, x2: left + 90, y1: 4, y2: 20, stroke: COLORS.target, 'stroke-width': 3 }),
        h('text', { x: left + 96, y: 16, 'font-size': 12, fill: COLORS.text }, '目标'),
      ]),
    ]),
    h('figcaption', null, props.title),
    h('details', null, [
      h('summary', null, '查看数据表'),
      dataTable(
        props.title,
        ['镇（街）', `实际（${props.unit}）`, `目标（${props.unit}）`],
        props.data.map((d) => [d.label, format(d.value), d.target === undefined ? '—' : format(d.target)]),
      ),
    ]),
  ]);
}

/** Monthly trend: actual line with points, target as a dashed line. */
export function LineChart(props: { id: string; title: string; unit: string; data: BarDatum[] }) {
  const width = 640;
  const height = 260;
  const left = 56;
  const right = 16;
  const top = 28;
  const bottom = 40;
  const max = niceMax(Math.max(1, ...props.data.map((d) => Math.max(d.value, d.target ?? 0))));
  const n = Math.max(1, props.data.length - 1);
  const x = (i: number) => left + (i / n) * (width - left - right);
  const y = (v: number) => top + (1 - v / max) * (height - top - bottom);
  const path = (values: (number | undefined)[]) =>
    values
      .map((v, i) => (v === undefined ? '' : `${i === 0 || values[i - 1] === undefined ? 'M' : 'L'}${x(i).toFixed(1)},${y(v).toFixed(1)}`))
      .join(' ')
      .trim();
  const hasTarget = props.data.some((d) => d.target !== undefined);
  const ticks = [0, 0.25, 0.5, 0.75, 1].map((t) => t * max);
  const every = Math.ceil(props.data.length / 8);
  return h('figure', { class: 'chart', id: props.id }, [
    h('svg', { viewBox: `0 0 ${width} ${height}`, role: 'img', 'aria-labelledby': `${props.id}-t ${props.id}-d`, class: 'line-chart' }, [
      h('title', { id: `${props.id}-t` }, props.title),
      h('desc', { id: `${props.id}-d` }, props.data.map((d) => `${d.label} ${format(d.value)}${props.unit}`).join('；')),
      ...ticks.map((t) =>
        h('g', null, [
          h('line', { x1: left, x2: width - right, y1: y(t), y2: y(t), stroke: COLORS.grid }),
          h('text', { x: left - 6, y: y(t) + 4, 'text-anchor': 'end', 'font-size': 11, fill: COLORS.muted }, format(t)),
        ]),
      ),
      ...props.data.map((d, i) =>
        i % every === 0 || i === props.data.length - 1
          ? h('text', { x: x(i), y: height - bottom + 18, 'text-anchor': 'middle', 'font-size': 11, fill: COLORS.muted }, d.label)
          : null,
      ),
      hasTarget
        ? h('path', { class: 'target-line', d: path(props.data.map((d) => d.target)), fill: 'none', stroke: COLORS.target, 'stroke-width': 2, 'stroke-dasharray': '6 4' })
        : null,
      h('path', { class: 'actual-line', d: path(props.data.map((d) => d.value)), fill: 'none', stroke: COLORS.actual, 'stroke-width': 2.5 }),
      ...props.data.map((d, i) =>
        h('circle', { class: 'point', cx: x(i), cy: y(d.value), r: 3.5, fill: COLORS.actual }, h('title', null, `${d.label}：${format(d.value)}${props.unit}`)),
      ),
      h('g', { class: 'legend' }, [
        h('line', { x1: left, x2: left + 18, y1: 12, y2: 12, stroke: COLORS.actual, 'stroke-width': 2.5 }),
        h('text', { x: left + 22, y: 16, 'font-size': 12, fill: COLORS.text }, '实际'),
        hasTarget ? h('line', { x1: left + 70, x2: left + 88, y1: 12, y2: 12, stroke: COLORS.target, 'stroke-width': 2, 'stroke-dasharray': '6 4' }) : null,
        hasTarget ? h('text', { x: left + 92, y: 16, 'font-size': 12, fill: COLORS.text }, '目标进度') : null,
      ]),
    ]),
    h('figcaption', null, props.title),
    h('details', null, [
      h('summary', null, '查看数据表'),
      dataTable(
        props.title,
        ['月份', `实际（${props.unit}）`, `目标（${props.unit}）`],
        props.data.map((d) => [d.label, format(d.value), d.target === undefined ? '—' : format(d.target)]),
      ),
    ]),
  ]);
}

function dataTable(caption: string, columns: string[], rows: string[][]) {
  return h('table', null, [
    h('caption', null, caption),
    h(
      'thead',
      null,
      h(
        'tr',
        null,
        columns.map((c) => h('th', { scope: 'col' }, c)),
      ),
    ),
    h(
      'tbody',
      null,
      rows.map((r) =>
        h(
          'tr',
          null,
          r.map((c) => h('td', null, c)),
        ),
      ),
    ),
  ]);
}
