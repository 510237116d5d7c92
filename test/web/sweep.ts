import type { Page } from 'playwright-core';

/**
 * What a user must never see (issue "Staff console", Must show): internal codes and English. Each
 * rule names what it catches, so a failure says what leaked and where.
 */
const LEAKS: { what: string; pattern: RegExp }[] = [
  { what: '12-digit region code', pattern: /(?<!\d)\d{12}(?!\d)/ },
  { what: 'ULID', pattern: /\b[0-9A-HJKMNP-TV-Z]{26}\b/ },
  { what: 'source file name (seed)', pattern: /\bseed\b/i },
  { what: 'document file (.md)', pattern: /\.md\b/ },
  { what: 'error code in brackets', pattern: /\[[A-Z][A-Z0-9_]{2,}\]/ },
  { what: 'UPPER_SNAKE identifier', pattern: /\b[A-Z][A-Z0-9]*_[A-Z0-9_]+\b/ },
  { what: 'snake_case identifier', pattern: /\b[a-z][a-z0-9]*_[a-z0-9_]+\b/ },
  { what: 'camelCase identifier', pattern: /\b[a-z]+[A-Z][A-Za-z0-9]*\b/ },
  { what: 'English sentence', pattern: /\b[A-Za-z]{2,}(?:[ ,]+[A-Za-z]{2,}){3,}/ },
];

export function leaksIn(text: string): string[] {
  const found: string[] = [];
  for (const { what, pattern } of LEAKS) {
    const match = pattern.exec(text);
    if (match) {
      const at = Math.max(0, match.index - 30);
      found.push(`${what}: “${match[0]}” in “…${text.slice(at, match.index + match[0].length + 30).replace(/\s+/g, ' ')}…”`);
    }
  }
  return found;
}

/** The visible text of the page (with open dialogs and drop-downs) has none of LEAKS. */
export async function visibleLeaks(page: Page): Promise<string[]> {
  // innerText, not textContent: what is rendered visible, as a reader sees it.
  // biome-ignore lint/performance/useDomNodeTextContent: the visible text is the point
  const text = await page.evaluate(() => document.body.innerText);
  return leaksIn(text);
}
