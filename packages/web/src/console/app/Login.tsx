import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Card, Form, Select } from 'antd';
import { useState } from 'react';
import { api, config, signIn, signInError } from '../../api.js';
import { beginSignIn } from '../../cognito.js';
import { ROLE_ZH } from '../../labels.js';
import { ErrorAlert } from './Feedback.js';
import { useSignalValue } from './session.js';

interface DemoUser {
  username: string;
  name: string;
  role: string;
  region: string;
}

/**
 * Staff sign-in, shown in place of any page opened without a session: after signing in the user
 * is on the page they asked for (`next`). Locally: the demo accounts (POST /dev/login); in the
 * cloud: the identity provider's own page (authorization code + PKCE, cognito.ts).
 */
export function Login(props: { next: string; onSignedIn: (next: string) => void }) {
  const cfg = useSignalValue(config);
  return (
    <div style={{ display: 'grid', placeItems: 'center', minHeight: '70vh', padding: 16 }}>
      <Card title={<h1 style={{ margin: 0, fontSize: 20 }}>工作人员登录</h1>} style={{ width: 'min(440px, 100%)' }}>
        {cfg.auth === 'cognito' && cfg.cognito ? <ProviderLogin next={props.next} /> : <DemoLogin {...props} />}
      </Card>
    </div>
  );
}

function ProviderLogin(props: { next: string }) {
  const returned = useSignalValue(signInError);
  const cognito = useSignalValue(config).cognito;
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>();
  return (
    <>
      <p>使用统一身份认证（含多因素验证）登录。</p>
      <ErrorAlert error={returned} />
      <Button
        type="primary"
        loading={busy}
        onClick={() => {
          if (!cognito) return;
          setBusy(true);
          signInError.set(undefined);
          beginSignIn(cognito, props.next).catch((e: unknown) => {
            setError(e);
            setBusy(false);
          });
        }}
      >
        前往登录
      </Button>
      <ErrorAlert error={error} />
    </>
  );
}

function DemoLogin(props: { next: string; onSignedIn: (next: string) => void }) {
  const users = useQuery({ queryKey: ['dev-users'], queryFn: () => api().request<{ items: DemoUser[] }>('GET', '/dev/users', { auth: false }) });
  const [username, setUsername] = useState<string>('county');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>();
  const submit = async () => {
    setBusy(true);
    setError(undefined);
    try {
      const result = await api().request<{ token: string }>('POST', '/dev/login', { body: { username }, auth: false, retries: 0 });
      signIn(result.token);
      props.onSignedIn(props.next);
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Form layout="vertical" onFinish={submit}>
      <Alert type="info" showIcon title="本地演示环境：选择一个演示账号登录。" style={{ marginBottom: 16 }} />
      <ErrorAlert error={users.error} onRetry={() => void users.refetch()} />
      <Form.Item label="演示账号" htmlFor="login-user">
        <Select
          id="login-user"
          loading={users.isLoading}
          value={username}
          onChange={setUsername}
          showSearch={{ optionFilterProp: 'label' }}
          options={(users.data?.items ?? []).map((u) => ({ value: u.username, label: `${u.name}（${ROLE_ZH[u.role] ?? '工作人员'}）` }))}
        />
      </Form.Item>
      <Button type="primary" htmlType="submit" loading={busy} disabled={users.isLoading} block>
        登录
      </Button>
      <ErrorAlert error={error} />
    </Form>
  );
}
