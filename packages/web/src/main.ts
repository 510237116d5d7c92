import './styles.css';
import { render } from 'preact';
import { useEffect } from 'preact/hooks';
import * as z from 'zod';
import zhCN from 'zod/v4/locales/zh-CN.js';
import { homeFor, mayOpen, pageOf, pagesFor } from './access.js';
import { loadConfig, retryNotice, session, signOut } from './api.js';
import { DispatchPage } from './console/dispatch.js';
import { HouseholdPage, HouseholdsPage } from './console/households.js';
import { LoginPage } from './console/login.js';
import { NoticeDetailPage, NoticesPage } from './console/notices.js';
import { PaymentsPage } from './console/payments.js';
import { ScoringPage } from './console/scoring.js';
import { StandardsPage } from './console/standards.js';
import { SubsidyPage } from './console/subsidy.js';
import { ROLE_ZH } from './labels.js';
import { match, route } from './router.js';
import { useSignal } from './state.js';
import { h } from './ui.js';

// Validation messages from the contracts in Chinese (the client checks requests before sending).
z.config(zhCN());

function Page(props: { path: string }) {
  const path = props.path;
  const who = useSignal(session);
  if (path.startsWith('/staff')) {
    if (match('/staff/login', path) || !who) return h(LoginPage, { next: path.startsWith('/staff/login') ? '/staff' : path });
    if (match('/staff', path)) {
      const home = homeFor(who);
      if (home !== '/staff/households') return h(Redirect, { to: home });
      return h(HouseholdsPage, { path });
    }
    // A page whose reads the role may not make is not offered (access.ts, from the contracts' roles).
    const page = pageOf(path);
    if (page && !mayOpen(who, page)) {
      return h('div', null, [
        h('h1', { tabIndex: -1 }, '无权访问'),
        h('p', null, `${ROLE_ZH[who.role] ?? who.role}的职责不包括“${page.label}”。`),
        h('a', { href: `#${homeFor(who)}` }, '返回工作台'),
      ]);
    }
    if (match('/staff/households', path)) return h(HouseholdsPage, { path });
    const householdParams = match('/staff/households/:id', path);
    if (householdParams) return h(HouseholdPage, { householdId: householdParams.id as string });
    if (match('/staff/notices', path)) return h(NoticesPage, { path });
    const noticeDetailParams = match('/staff/notices/:id', path);
    if (noticeDetailParams) return h(NoticeDetailPage, { noticeId: noticeDetailParams.id as string });
    if (match('/staff/subsidy', path)) return h(SubsidyPage, { path });
    if (match('/staff/standards', path)) return h(StandardsPage, { path });
    if (match('/staff/payments', path)) return h(PaymentsPage, { path });
    if (match('/staff/scoring', path)) return h(ScoringPage, { path });
    if (match('/staff/dispatch', path)) return h(DispatchPage, { path });
    return h('div', null, [h('h1', { tabIndex: -1 }, '页面不存在'), h('a', { href: `#${homeFor(who)}` }, '返回工作台')]);
  }
  // The public board is its own page now (src/board/main.ts), at the same path without the #.
  return h(Redirect, { to: path, board: true });
}

/** Replaces the location (no history entry) with the role's own landing page. */
function Redirect(props: { to: string; board?: boolean }) {
  useEffect(() => location.replace(props.board ? props.to : `#${props.to}`), [props.to]);
  return null;
}

function App() {
  const path = useSignal(route);
  const who = useSignal(session);
  const notice = useSignal(retryNotice);
  const staff = path.startsWith('/staff');
  return h('div', { class: 'layout' }, [
    h('header', { class: 'top' }, [
      h('a', { href: staff ? `#${homeFor(who)}` : '#/', class: 'brand' }, staff ? '精准扶贫 · 工作台' : '精准扶贫 · 公示公告'),
      h('nav', { 'aria-label': '主导航' }, [
        staff && who
          ? h(
              'ul',
              null,
              pagesFor(who).map((n) => h('li', null, h('a', { href: `#${n.path}`, 'aria-current': path.startsWith(n.path) ? 'page' : undefined }, n.label))),
            )
          : null,
      ]),
      h('div', { class: 'who' }, [
        staff && who
          ? [
              h('span', null, `${who.name}（${ROLE_ZH[who.role] ?? who.role}）`),
              ' ',
              h(
                'button',
                {
                  type: 'button',
                  class: 'link',
                  onClick: () => {
                    signOut();
                    location.hash = '#/staff/login';
                  },
                },
                '退出登录',
              ),
            ]
          : null,
        !staff ? h('a', { href: '#/staff' }, '工作人员登录') : h('a', { href: '#/' }, '公示查询'),
      ]),
    ]),
    h('div', { class: 'status', role: 'status', 'aria-live': 'polite' }, notice ?? ''),
    h('main', { id: 'main' }, h(Page, { path })),
    h('footer', null, '依据山东省精准扶贫相关文件（2016–2020）。公开名单中的个人信息已脱敏；如有异议请在公示期内提出。'),
  ]);
}

window.addEventListener('unhandledrejection', (event) => {
  console.error(event.reason);
  retryNotice.set('操作未完成：页面出现意外错误，请重试');
});

// loadConfig also completes a Cognito sign-in that returns here with ?code=… (cognito.ts).
await loadConfig();
const root = document.getElementById('app') as HTMLElement;
root.textContent = '';
render(h(App, {}), root);
