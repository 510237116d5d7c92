import { signal } from './state.js';

/** Hash routing (#/…): works from S3/CloudFront and npm start without server rewrites. */
export const route = signal<string>(currentPath());

function currentPath(): string {
  if (typeof location === 'undefined') return '/';
  const hash = location.hash.replace(/^#/, '');
  return hash.startsWith('/') ? hash : '/';
}

if (typeof window !== 'undefined') {
  window.addEventListener('hashchange', () => {
    route.set(currentPath());
    // Move focus to the new page's heading for screen-reader and keyboard users.
    requestAnimationFrame(() => (document.querySelector('main h1, main h2') as HTMLElement | null)?.focus?.());
  });
}

export function navigate(path: string): void {
  location.hash = `#${path}`;
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
