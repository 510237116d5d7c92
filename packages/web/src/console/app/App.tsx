import { QueryClientProvider } from '@tanstack/react-query';
import { App as AntApp, Button, ConfigProvider } from 'antd';
import zhCN from 'antd/locale/zh_CN';
import { createHashRouter, Navigate, RouterProvider, useLocation, useNavigate, useRouteError } from 'react-router';
import { mayOpen } from '../../access.js';
import { ROLE_ZH } from '../../labels.js';
import { ErrorAlert, Forbidden } from './Feedback.js';
import { Login } from './Login.js';
import type { ConsolePage } from './page.js';
import { CONSOLE_PAGES, homePath } from './pages.js';
import { queryClient } from './query.js';
import { Shell } from './Shell.js';
import { useSession } from './session.js';

/** Without a session every page shows the sign-in in place; signing in stays on that page. */
function SignedIn() {
  const who = useSession();
  const location = useLocation();
  const navigate = useNavigate();
  if (!who) return <Login next={`${location.pathname}${location.search}`} onSignedIn={(next) => navigate(next, { replace: true })} />;
  return <Shell />;
}

function LoginRoute() {
  const navigate = useNavigate();
  const who = useSession();
  if (who) return <Navigate to={homePath(who)} replace />;
  return <Login next="/" onSignedIn={() => navigate('/', { replace: true })} />;
}

function Home() {
  return <Navigate to={homePath(useSession())} replace />;
}

/** A page the role may not open is not rendered (its reads would be refused anyway). */
function Guarded(props: { page: ConsolePage }) {
  const who = useSession();
  const navigate = useNavigate();
  if (!mayOpen(who, props.page)) return <Forbidden what={props.page.label} roleName={ROLE_ZH[who?.role ?? ''] ?? '当前账号'} home={() => navigate(homePath(who))} />;
  const Component = props.page.component;
  return <Component />;
}

function RouteError() {
  const error = useRouteError();
  console.error(error);
  return <ErrorAlert error={error} />;
}

function NotFound() {
  const navigate = useNavigate();
  return (
    <div>
      <h1 tabIndex={-1}>页面不存在</h1>
      <Button type="link" onClick={() => navigate('/')}>
        返回工作台
      </Button>
    </div>
  );
}

/**
 * Hash routes (/staff/#/households): the console is one HTML file that S3/CloudFront and npm
 * start serve as is, with no rewrite rules to keep in step (decisions: Web 1).
 */
const router = createHashRouter([
  { path: '/login', element: <LoginRoute /> },
  {
    path: '/',
    element: <SignedIn />,
    errorElement: <RouteError />,
    children: [
      { index: true, element: <Home /> },
      ...CONSOLE_PAGES.map((page) => ({ path: page.path, element: <Guarded page={page} />, errorElement: <RouteError /> })),
      { path: '*', element: <NotFound /> },
    ],
  },
]);

export function ConsoleApp() {
  return (
    // No space inserted between two Chinese characters on buttons ("登 录"): the label stays the word.
    <ConfigProvider locale={zhCN} button={{ autoInsertSpace: false }} theme={{ token: { colorPrimary: '#b7312c' } }}>
      <AntApp>
        <QueryClientProvider client={queryClient}>
          <RouterProvider router={router} />
        </QueryClientProvider>
      </AntApp>
    </ConfigProvider>
  );
}
