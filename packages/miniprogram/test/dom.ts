import { createRequire } from 'node:module';

// jsdom ships no types of its own (and @types/jsdom is not a dependency): only its constructor is used.
const { JSDOM } = createRequire(import.meta.url)('jsdom') as { JSDOM: new (html: string, options: { url: string }) => { window: unknown } };

/**
 * A DOM for miniprogram-simulate (it renders pages into DOM nodes). The tests run in vitest's node
 * environment, not its jsdom one: the services' manifests that the local cloud loads need Node's
 * module URLs, which the browser-like environment rewrites. Only the DOM's own names are taken over.
 */
const dom = new JSDOM('<!doctype html><html><head></head><body></body></html>', { url: 'https://servicewechat.com/test/' });
const win = dom.window as unknown as Record<string, unknown>;
const names = [
  'window',
  'document',
  'navigator',
  'Node',
  'Element',
  'HTMLElement',
  'Text',
  'Comment',
  'DocumentFragment',
  'Event',
  'CustomEvent',
  'MouseEvent',
  'TouchEvent',
  'MutationObserver',
  'getComputedStyle',
  'requestAnimationFrame',
  'cancelAnimationFrame',
  'ShadowRoot',
];
for (const name of names) {
  if (name in win && !(name in globalThis && name === 'navigator'))
    Object.defineProperty(globalThis, name, { value: name === 'window' ? win : win[name], configurable: true, writable: true });
}
