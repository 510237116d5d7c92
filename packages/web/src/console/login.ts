import { useState } from 'preact/hooks';
import { api, config, signIn, signInError } from '../api.js';
import { beginSignIn, type CognitoConfig } from '../cognito.js';
import { navigate } from '../router.js';
import { useSignal } from '../state.js';
import { ErrorBox, h, Loading, Select, submitTo, useAction, useLoad } from '../ui.js';

interface DemoUser {
  username: string;
  name: string;
  role: string;
  region: string;
}

/**
 * Staff sign-in. Locally: the demo users through POST /dev/login. In the cloud (config.json
 * {"auth":"cognito"}): the Cognito hosted UI with the authorization code and PKCE (cognito.ts);
 * api.ts finishes the sign-in when the hosted UI sends the browser back.
 */
export function LoginPage(props: { next: string }) {
  const cfg = useSignal(config);
  if (cfg.auth === 'cognito' && cfg.cognito) return h(CognitoLogin, { next: props.next, cognito: cfg.cognito });
  return h(DevLogin, props);
}

function CognitoLogin(props: { next: string; cognito: CognitoConfig }) {
  const returned = useSignal(signInError);
  const start = useAction(() => beginSignIn(props.cognito, props.next));
  return h('section', { class: 'card narrow', 'aria-labelledby': 'login-title' }, [
    h('h1', { id: 'login-title', tabIndex: -1 }, '工作人员登录'),
    h('p', null, '使用统一身份认证（含多因素验证）登录。'),
    ErrorBox({ error: returned }),
    h(
      'button',
      {
        type: 'button',
        disabled: start.busy,
        onClick: () => {
          signInError.set(undefined);
          void start.run();
        },
      },
      start.busy ? '正在前往统一身份认证…' : '前往登录',
    ),
    ErrorBox({ error: start.error }),
  ]);
}

function DevLogin(props: { next: string }) {
  const users = useLoad(() => api().request<{ items: DemoUser[] }>('GET', '/dev/users', { auth: false }), []);
  const [username, setUsername] = useState('county');
  const login = useAction(async () => {
    const result = await api().request<{ token: string }>('POST', '/dev/login', { body: { username }, auth: false, retries: 0 });
    signIn(result.token);
    navigate(props.next);
    return result;
  });
  return h('section', { class: 'card narrow', 'aria-labelledby': 'login-title' }, [
    h('h1', { id: 'login-title', tabIndex: -1 }, '工作人员登录'),
    h('p', { class: 'muted' }, '本地演示环境：选择一个演示账号登录。云上部署使用统一身份认证（Cognito）。'),
    users.loading ? Loading({}) : null,
    users.error ? ErrorBox({ error: users.error, onRetry: users.reload }) : null,
    // The form appears once the list has loaded (or failed, with the county account to fall back on):
    // a form that moves when the list arrives would take a click meant for 登录 somewhere else.
    users.loading
      ? null
      : h('form', { onSubmit: submitTo(() => login.run()) }, [
          Select({
            id: 'login-user',
            label: '演示账号',
            value: username,
            onChange: setUsername,
            options: (users.data?.items ?? [{ username: 'county', name: '台儿庄区扶贫办（演示）', role: 'county', region: '' }]).map((u) => ({
              value: u.username,
              label: `${u.name}（${u.username}）`,
            })),
          }),
          h('button', { type: 'submit', disabled: login.busy }, login.busy ? '正在登录…' : '登录'),
          ErrorBox({ error: login.error }),
        ]),
  ]);
}
