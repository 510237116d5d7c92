import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The harness of the mini-program tests: the built project (dist/, built once by build-setup.ts),
 * miniprogram-simulate to render its pages (official WXML compiler: a template that does not
 * compile fails the test), and a stand-in `wx` whose `request` goes over HTTP to a running local
 * cloud, whose storage and files are in memory, and whose camera, location and network are the
 * test's to set.
 */
const require = createRequire(import.meta.url);
export const simulate: any = require('miniprogram-simulate');
export const DIST = join(dirname(fileURLToPath(import.meta.url)), '..', 'dist');

type Callbacks = { success?: (result: unknown) => void; fail?: (error: { errMsg: string }) => void; complete?: () => void };

export interface FakeWx {
  storage: Map<string, unknown>;
  files: Map<string, Buffer>;
  navigations: string[];
  toasts: string[];
  requests: { method: string; url: string; header: Record<string, string> }[];
  /** false: wx.request fails as with no signal. */
  online: boolean;
  /** What wx.login gives next. */
  nextLoginCode: () => string;
  /** What wx.chooseMedia gives next. */
  nextMedia: { tempFilePath: string; size: number }[];
  location?: { latitude: number; longitude: number; accuracy: number };
  setOnline(online: boolean): void;
}

function done<T>(options: Callbacks, result: T): void {
  options.success?.(result);
  options.complete?.();
}
function failed(options: Callbacks, errMsg: string): void {
  options.fail?.({ errMsg });
  options.complete?.();
}

/** Installs the stand-in wx (once per file: the runtime keeps the object it saw first). */
export function installWx(): FakeWx {
  const state: FakeWx = {
    storage: new Map(),
    files: new Map(),
    navigations: [],
    toasts: [],
    requests: [],
    online: true,
    nextLoginCode: () => 'no-code',
    nextMedia: [],
    setOnline(online) {
      state.online = online;
      for (const listener of networkListeners) listener({ isConnected: online, networkType: online ? 'wifi' : 'none' });
    },
  };
  const networkListeners: ((status: { isConnected: boolean; networkType: string }) => void)[] = [];
  const fs = {
    statSync: (path: string) => ({ size: state.files.get(path)?.length ?? 0 }),
    saveFileSync: (from: string, to: string) => {
      state.files.set(to, state.files.get(from) ?? Buffer.alloc(0));
      return to;
    },
    readFileSync: (path: string, encoding: string) => {
      const file = state.files.get(path);
      if (!file) throw new Error(`readFileSync:fail no such file ${path}`);
      return encoding === 'base64' ? file.toString('base64') : file;
    },
    unlinkSync: (path: string) => void state.files.delete(path),
  };
  const wx = {
    env: { USER_DATA_PATH: 'wxfile://usr' },
    getStorageSync: (key: string) => (state.storage.has(key) ? structuredClone(state.storage.get(key)) : ''),
    setStorageSync: (key: string, value: unknown) => void state.storage.set(key, structuredClone(value)),
    removeStorageSync: (key: string) => void state.storage.delete(key),
    request(options: Callbacks & { url: string; method?: string; header?: Record<string, string>; data?: string; timeout?: number }) {
      const method = options.method ?? 'GET';
      state.requests.push({ method, url: options.url, header: options.header ?? {} });
      if (!state.online) {
        setTimeout(() => failed(options, 'request:fail network unavailable'), 0);
        return { abort() {} };
      }
      fetch(options.url, { method, headers: options.header ?? {}, ...(options.data !== undefined ? { body: options.data } : {}) })
        .then(async (response) => {
          const header: Record<string, string> = {};
          response.headers.forEach((value, key) => {
            header[key] = value;
          });
          done(options, { statusCode: response.status, data: await response.text(), header });
        })
        .catch(() => failed(options, 'request:fail'));
      return { abort() {} };
    },
    login: (options: Callbacks) => setTimeout(() => done(options, { code: state.nextLoginCode(), errMsg: 'login:ok' }), 0),
    navigateTo: (options: Callbacks & { url: string }) => {
      state.navigations.push(options.url);
      done(options, {});
    },
    redirectTo: (options: Callbacks & { url: string }) => {
      state.navigations.push(options.url);
      done(options, {});
    },
    navigateBack: () => state.navigations.push('back'),
    showToast: (options: { title: string }) => void state.toasts.push(options.title),
    showModal: (options: Callbacks & { content: string }) => {
      state.toasts.push(options.content);
      done(options, { confirm: true, cancel: false });
    },
    chooseMedia: (options: Callbacks) => {
      const files = state.nextMedia.splice(0);
      setTimeout(() => (files.length ? done(options, { tempFiles: files, type: 'image' }) : failed(options, 'chooseMedia:fail cancel')), 0);
    },
    compressImage: (options: Callbacks & { src: string; quality: number }) => {
      // Compression keeps the JPEG header and a share of the bytes set by the quality.
      const source = state.files.get(options.src) ?? Buffer.alloc(0);
      const out = `${options.src}-q${options.quality}`;
      state.files.set(out, source.subarray(0, Math.max(4, Math.floor((source.length * options.quality) / 100))));
      setTimeout(() => done(options, { tempFilePath: out }), 0);
    },
    getLocation: (options: Callbacks) =>
      setTimeout(() => (state.location ? done(options, { ...state.location, errMsg: 'getLocation:ok' }) : failed(options, 'getLocation:fail auth deny')), 0),
    getFileSystemManager: () => fs,
    onNetworkStatusChange: (listener: (status: { isConnected: boolean; networkType: string }) => void) => void networkListeners.push(listener),
  };
  // The rest of the API (system info, selector queries… that TDesign reads) from miniprogram-simulate's own mock.
  // TDesign reads getApp() and getCurrentPages() for its global config.
  Object.assign(globalThis, { getApp: () => ({ globalData: {} }), getCurrentPages: () => [] });
  (globalThis as { wx?: unknown }).wx = Object.assign(require('miniprogram-simulate/src/api/index.js'), wx);
  return state;
}

/** A JPEG-looking file in the camera's temporary files. */
export function takePhoto(state: FakeWx, name: string, bytes: number): { tempFilePath: string; size: number } {
  const path = `wxfile://tmp/${name}.jpg`;
  state.files.set(path, Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(bytes - 4, 9)]));
  return { tempFilePath: path, size: bytes };
}

/** Renders a page of the built project and runs its onLoad (and onShow) like the framework does. */
export async function openPage(name: string, query: Record<string, string> = {}) {
  const id = simulate.load(join(DIST, 'pages', name, 'index'), `page-${name}`, { rootPath: DIST });
  const page = simulate.render(id);
  page.attach(document.createElement('parent-wrapper'));
  if (page.instance.onLoad) await page.instance.onLoad(query);
  if (page.instance.onShow) await page.instance.onShow();
  await settle();
  return page;
}

/** Lets pending requests and setData finish. */
export async function settle(ms = 30): Promise<void> {
  await simulate.sleep(ms);
}

/** Waits until a condition holds (requests to the local cloud take their time under load). */
export async function until(check: () => boolean, timeoutMs = 20_000): Promise<void> {
  const start = Date.now();
  while (!check()) {
    if (Date.now() - start > timeoutMs) throw new Error('condition not reached in time');
    await simulate.sleep(25);
  }
}

/** The page's visible text (what the user reads). */
export function textOf(page: { dom: Element }): string {
  return (page.dom.textContent ?? '').replace(/\s+/g, ' ').trim();
}

/** A TDesign component's own event, as its inner tap raises it (t-cell `click`, t-button `tap`, t-input `change`…). */
export async function fire(component: any, event: string, detail: unknown = {}): Promise<void> {
  if (!component) throw new Error(`no component to ${event}`);
  component.instance.triggerEvent(event, detail);
  await settle();
}

/** The TDesign cell among `selector` whose title is `title`. */
export function cellTitled(page: any, selector: string, title: string): any {
  const found = page.querySelectorAll(selector).find((c: any) => String(c.instance.data.title ?? '').includes(title));
  if (!found) throw new Error(`no ${selector} titled ${title}`);
  return found;
}

/** Starts the app like WeChat does: runs app.js's App({ onLaunch }) (which watches the network). */
export function launchApp(): void {
  Object.assign(globalThis, { App: (options: { onLaunch?: () => void }) => options.onLaunch?.() });
  require(join(DIST, 'app.js'));
}
