import 'dayjs/locale/zh-cn';
import dayjs from 'dayjs';
import { createRoot } from 'react-dom/client';
import * as z from 'zod';
import zhCN from 'zod/v4/locales/zh-CN.js';
import { loadConfig, retryNotice } from '../../api.js';
import { ConsoleApp } from './App.js';

dayjs.locale('zh-cn');

// A path under the console (/staff/dispatch, an old link or a typed address) is the hash route of
// the console's page: /staff/#/dispatch.
const rest = location.pathname.replace(/^\/staff\/?/, '');
if (rest && !location.hash) history.replaceState(null, '', `/staff/${location.search}#/${rest}`);
// Validation messages from the contracts in Chinese (the client checks requests before sending).
z.config(zhCN());

window.addEventListener('unhandledrejection', (event) => {
  console.error(event.reason);
  retryNotice.set('操作未完成：页面出现意外错误，请重试');
});

// loadConfig also completes an identity-provider sign-in that returns here with ?code=….
await loadConfig();
const root = document.getElementById('console') as HTMLElement;
root.textContent = '';
createRoot(root).render(<ConsoleApp />);
