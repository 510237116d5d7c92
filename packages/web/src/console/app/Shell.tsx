import { Button, Layout, Menu, Space, Typography } from 'antd';
import { Suspense, useEffect } from 'react';
import { Outlet, useLocation, useNavigate } from 'react-router';
import { retryNotice, signOut } from '../../api.js';
import { ROLE_ZH } from '../../labels.js';
import { Loading } from './Feedback.js';
import { menuFor } from './pages.js';
import { RegionName } from './regions.js';
import { useSignalValue, useSignedIn } from './session.js';

/** The signed-in frame: the role's menu (from the contracts' roles), who is signed in, the page. */
export function Shell() {
  const who = useSignedIn();
  const navigate = useNavigate();
  const location = useLocation();
  const notice = useSignalValue(retryNotice);
  const groups = menuFor(who);
  const selected = groups.flatMap((g) => g.pages).find((p) => location.pathname === p.path || location.pathname.startsWith(`${p.path}/`));

  // Move focus to the new page's heading (screen readers and keyboards follow the navigation).
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs on each navigation, which the path names
  useEffect(() => {
    const id = requestAnimationFrame(() => (document.querySelector('main h1') as HTMLElement | null)?.focus?.());
    return () => cancelAnimationFrame(id);
  }, [location.pathname]);

  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Layout.Sider breakpoint="lg" collapsedWidth={0} width={208} theme="light" style={{ borderRight: '1px solid #f0f0f0' }}>
        <div style={{ padding: '16px 20px', fontWeight: 600, fontSize: 16 }}>精准扶贫 · 工作台</div>
        <nav aria-label="主导航">
          <Menu
            mode="inline"
            selectedKeys={selected ? [selected.path] : []}
            items={groups.map((g) => ({
              type: 'group' as const,
              key: g.group,
              label: g.group,
              children: g.pages.map((p) => ({ key: p.path, label: p.label })),
            }))}
            onClick={({ key }) => navigate(key)}
          />
        </nav>
      </Layout.Sider>
      <Layout>
        <Layout.Header style={{ background: '#fff', padding: '0 16px', display: 'flex', justifyContent: 'flex-end', alignItems: 'center', borderBottom: '1px solid #f0f0f0' }}>
          <Space wrap>
            <Typography.Text>
              {who.name}（{ROLE_ZH[who.role] ?? '工作人员'} · <RegionName code={who.region} />）
            </Typography.Text>
            <Button
              type="link"
              onClick={() => {
                signOut();
                navigate('/login');
              }}
            >
              退出登录
            </Button>
          </Space>
        </Layout.Header>
        <div role="status" aria-live="polite" style={{ minHeight: notice ? 24 : 0, padding: notice ? '4px 16px' : 0, background: notice ? '#fffbe6' : undefined }}>
          {notice ?? ''}
        </div>
        {/* Layout.Content is the page's <main>. */}
        <Layout.Content id="main" style={{ padding: 16 }}>
          <Suspense fallback={<Loading what="页面" />}>
            <Outlet />
          </Suspense>
        </Layout.Content>
      </Layout>
    </Layout>
  );
}
