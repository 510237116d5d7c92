import { signal } from '../state.js';

/**
 * Path routing for the board (issue 14): every page has a real path (/notice/…, /objection,
 * /payments), because WeChat and other apps that re-share a link may drop everything after `#`.
 * The server answers every such path with index.html (local gateway and CloudFront alike). Old
 * `#/notice/…` links are rewritten to their path on arrival.
 */
export const route = signal<string>(currentPath());

function currentPath(): string {
  return `${location.pathname}${location.search}`;
}

/** `#/notice/X` → `/notice/X` (the board's old hash links), without a new history entry. */
export function upgradeHashLink(): void {
  const hash = location.hash.replace(/^#/, '');
  if (!hash.startsWith('/') || hash.startsWith('/staff')) return;
  history.replaceState(null, '', hash);
  route.set(currentPath());
}

export function navigate(path: string, options: { replace?: boolean } = {}): void {
  if (path === currentPath()) return;
  if (options.replace) history.replaceState(null, '', path);
  else history.pushState(null, '', path);
  changed();
}

function changed(): void {
  route.set(currentPath());
  window.scrollTo(0, 0);
  // Move focus to the new page's heading for screen-reader and keyboard users.
  requestAnimationFrame(() => (document.querySelector('main h1') as HTMLElement | null)?.focus?.());
}

/** Same-origin links to board pages move in place; anything else (staff console, new tab, modifier keys) is left to the browser. */
export function interceptLinks(): void {
  window.addEventListener('popstate', changed);
  document.addEventListener('click', (event) => {
    if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    const link = (event.target as Element | null)?.closest?.('a');
    if (!link || link.target || link.hasAttribute('download')) return;
    const url = new URL(link.href, location.href);
    if (url.origin !== location.origin || url.pathname.startsWith('/staff')) return;
    event.preventDefault();
    navigate(`${url.pathname}${url.search}`);
  });
}

export function match(pattern: string, path: string): Record<string, string> | undefined {
  const [pathOnly] = path.split('?');
  const a = pattern.split('/').filter(Boolean);
  const b = (pathOnly ?? '').split('/').filter(Boolean);
  if (a.length !== b.length) return undefined;
  const params: Record<string, string> = {};
  for (let i = 0; i < a.length; i++) {
    const p = a[i] as string;
    const v = b[i] as string;
    if (p.startsWith(':')) params[p.slice(1)] = decodeURIComponent(v);
    else if (p !== v) return undefined;
  }
  return params;
}

export function queryOf(path: string): URLSearchParams {
  return new URLSearchParams(path.split('?')[1] ?? '');
}
