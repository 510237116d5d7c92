import { FACT_ZH } from '../../../labels.js';

/**
 * A subsidy line's explanation for staff. The engine writes `<citation>: <reasoning>` with the
 * catalog's fact names (`age=85`); the citation is shown apart (as the document's title, section and
 * item, sources.ts) and facts by their Chinese names, or left out when the catalog names none.
 */
export function lineExplanation(text: string): string {
  const colon = text.indexOf(': ');
  const reasoning = colon >= 0 ? text.slice(colon + 2) : text;
  const named = reasoning
    .replace(/缺少事实 [^，；]+/, (m) => {
      const names = m.replace('缺少事实 ', '').split('、');
      const known = names.map((n) => FACT_ZH[n]).filter(Boolean);
      return known.length === names.length ? `缺少${known.join('、')}` : `缺少 ${names.length} 项信息${known.length ? `（含${known.join('、')}）` : ''}`;
    })
    .replace(/([A-Za-z][A-Za-z0-9_]*(?::[A-Za-z0-9_-]+)?)=([^，；→\s]+)/g, (_m, name: string, value: string) => {
      const zh = FACT_ZH[name];
      return zh ? `${zh} ${value === 'true' ? '是' : value === 'false' ? '否' : value}` : '';
    })
    // A formula's own names (e.g. individualContribution × 0.5): named where the catalog's facts are known, else left out.
    .replace(/[A-Za-z][A-Za-z0-9_]*(?::[A-Za-z0-9_-]+)?/g, (name) => FACT_ZH[name] ?? '')
    .replace(/ \* /g, ' × ');
  const CJK = /[\u4e00-\u9fff]/;
  return named
    .split('；')
    .map((part) =>
      part
        .split('，')
        .map((piece) => piece.trim())
        .filter((piece) => CJK.test(piece))
        .join('，'),
    )
    .filter(Boolean)
    .join('；')
    .replace(/\s{2,}/g, ' ')
    .trim();
}

/** The month before the current one (the usual month to compute and pay): 2026-11. */
export function lastMonth(now = new Date()): string {
  const d = new Date(now.getFullYear(), now.getMonth() - 1, 1);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}`;
}

/** 2017-06 → 2017年6月. */
export function monthText(period: string): string {
  const [y, m] = period.split('-');
  return `${y}年${Number(m)}月`;
}
