import type { Page } from 'playwright-core';

/**
 * What a user must never read on a page (issue "Staff console", Must show): codes and ids instead
 * of names, source references, error codes and English. Every browser test (console, board) sweeps
 * each page it visits with these; each rule names what it catches, so a failure says what leaked
 * and where.
 */
const LEAKS: { what: string; pattern: RegExp }[] = [
  { what: '12-digit region code', pattern: /(?<!\d)\d{12}(?!\d)/g },
  { what: 'ULID', pattern: /(?<![0-9A-Za-z])[0-9A-HJKMNP-TV-Z]{26}(?![0-9A-Za-z])/g },
  { what: 'error code in brackets', pattern: /\[[A-Z][A-Z0-9_]{2,}\]/g },
  { what: 'UPPER_SNAKE identifier', pattern: /(?<![A-Za-z0-9])[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+(?![A-Za-z0-9])/g },
  { what: 'upper-case English word', pattern: /(?<![A-Za-z0-9])[A-Z]{4,}(?![A-Za-z0-9])/g },
  { what: 'camelCase identifier', pattern: /(?<![A-Za-z0-9])[a-z]+[A-Z][A-Za-z0-9]*(?![A-Za-z0-9])/g },
  { what: 'snake_case identifier', pattern: /(?<![A-Za-z0-9])[a-z]+(?:_[a-z0-9]+)+(?![A-Za-z0-9])/g },
  { what: 'kebab-case identifier', pattern: /(?<![A-Za-z0-9])[a-z]+(?:-[a-z0-9]+)+(?![A-Za-z0-9])/g },
  { what: 'source file name (seed)', pattern: /seed/gi },
  { what: 'document file (.md)', pattern: /\.md(?![A-Za-z])/gi },
  { what: 'English sentence', pattern: /[A-Za-z]{2,}(?:[\s,]+[A-Za-z]{2,}){2,}/g },
];

/** File formats people know by these letters. */
const ALLOWED_WORDS = ['XLSX', 'CSV', 'PDF', 'JPEG', 'PNG'];

export interface SweepOptions {
  /** Texts the page may show as they are (an objection number the user must copy). */
  allow?: readonly string[];
}

/** Every leak in `text`, each with the text around it. */
export function leaksIn(text: string, options: SweepOptions = {}): string[] {
  let rest = text;
  for (const allowed of [...(options.allow ?? []), ...ALLOWED_WORDS]) rest = rest.split(allowed).join(' ');
  const found: string[] = [];
  for (const { what, pattern } of LEAKS) {
    for (const match of rest.matchAll(pattern)) {
      const at = match.index ?? 0;
      found.push(`${what}: “${match[0]}” in “…${rest.slice(Math.max(0, at - 30), at + match[0].length + 30).replace(/\s+/g, ' ')}…”`);
    }
  }
  return found;
}

/** The leaks in the page's visible text (with open dialogs and drop-downs). */
export async function visibleLeaks(page: Page, options: SweepOptions = {}): Promise<string[]> {
  // innerText, not textContent: what is rendered visible, as a reader sees it. Boxes of no size
  // that clip their content are not seen either (Ant Design's Select keeps such a list of option
  // values for screen readers, which read their Chinese aria-labels), so they are left out.
  const text = await page.evaluate(() => {
    const unseen = Array.from(document.body.querySelectorAll<HTMLElement>('*')).filter((element) => {
      const box = element.getBoundingClientRect();
      return (box.width === 0 || box.height === 0) && getComputedStyle(element).overflow === 'hidden';
    });
    const before = unseen.map((element) => element.style.display);
    for (const element of unseen) element.style.display = 'none';
    // biome-ignore lint/performance/useDomNodeTextContent: the visible text is the point
    const visible = document.body.innerText;
    unseen.forEach((element, index) => {
      element.style.display = before[index] ?? '';
    });
    return visible;
  });
  return leaksIn(text, options);
}

/** Fails, naming the page and each leak, when the page shows any of LEAKS. Use it on every page a journey visits. */
export async function expectNoCodesVisible(page: Page, options: SweepOptions & { label?: string } = {}): Promise<void> {
  const found = await visibleLeaks(page, options);
  if (found.length > 0) throw new Error(`${options.label ?? page.url()} shows codes instead of names:\n${found.slice(0, 20).join('\n')}`);
}
