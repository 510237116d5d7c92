import '../styles.css';
import './board.css';
import { render } from 'preact';
import { useSignal } from '../state.js';
import { HomePage } from './home.js';
import { NoticePage } from './notice.js';
import { ObjectionStatusPage } from './objection.js';
import { PaymentsPage } from './payments.js';
import { ProjectPage } from './project.js';
import { interceptLinks, match, route, upgradeHashLink } from './router.js';
import { h } from './ui.js';

/**
 * The public board's entry (index.html): villagers on phones, often from a link shared in WeChat.
 * Its own small bundle: Preact, the typed client and the public contracts, nothing of the console.
 */

/**
 * Until the staff console has its own entry (staff/index.html), staff addresses — `#/staff…`,
 * `/staff…`, and the Cognito sign-in's return with `?code=` — load the old console instead, as a
 * separate chunk that the board itself never downloads.
 */
function isStaffAddress(): boolean {
  const search = new URLSearchParams(location.search);
  return location.hash.startsWith('#/staff') || location.pathname.startsWith('/staff') || (search.has('code') && search.has('state'));
}

const NAV = [
  { path: '/', label: '公示查询' },
  { path: '/objection', label: '异议结果查询' },
  { path: '/payments', label: '补贴发放查询' },
];

function Page(props: { path: string }) {
  const notice = match('/notice/:id', props.path);
  if (notice) return h(NoticePage, { noticeId: notice.id as string });
  const project = match('/project/:id', props.path);
  if (project) return h(ProjectPage, { projectId: project.id as string });
  if (match('/objection', props.path)) return h(ObjectionStatusPage, { path: props.path });
  if (match('/payments', props.path)) return h(PaymentsPage, {});
  if (match('/', props.path)) return h(HomePage, { path: props.path });
  return h('div', null, [h('h1', { tabIndex: -1 }, '页面不存在'), h('p', null, h('a', { href: '/' }, '返回公示查询'))]);
}

function current(path: string, target: string): boolean {
  const [pathOnly] = path.split('?');
  return target === '/' ? pathOnly === '/' || (pathOnly ?? '').startsWith('/notice/') : pathOnly === target;
}

function App() {
  const path = useSignal(route);
  return h('div', { class: 'layout board-layout' }, [
    h('header', { class: 'top' }, [
      h('a', { href: '/', class: 'brand' }, '精准扶贫 · 公示公告'),
      h('nav', { 'aria-label': '主导航' }, [
        h(
          'ul',
          null,
          NAV.map((n) => h('li', null, h('a', { href: n.path, 'aria-current': current(path, n.path) ? 'page' : undefined }, n.label))),
        ),
      ]),
      h('div', { class: 'who' }, h('a', { href: '/staff/' }, '工作人员登录')),
    ]),
    h('main', { id: 'main' }, h(Page, { path })),
    h('footer', null, '依据山东省精准扶贫相关文件（2016–2020）。公开名单中的个人信息已隐去；如有异议请在公示期内提出。'),
  ]);
}

/** `#/staff/households` (or `/staff/households`) → `/staff/#/households`: the console entry's own hash routes. */
function consoleAddress(): string {
  const path = location.hash.startsWith('#/staff') ? location.hash.slice(1) : location.pathname;
  const rest = path.replace(/^\/staff\/?/, '/');
  return `/staff/${location.search}${rest === '/' ? '' : `#${rest}`}`;
}

if (isStaffAddress()) {
  // Old staff links (#/staff/…, /staff/…) open the console's own page with its hash route.
  location.replace(consoleAddress());
} else {
  upgradeHashLink();
  interceptLinks();
  const root = document.getElementById('app') as HTMLElement;
  root.textContent = '';
  render(h(App, {}), root);
}
