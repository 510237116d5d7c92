import { Alert, Button, Result, Spin } from 'antd';
import type { ReactNode } from 'react';
import { errorText } from '../../api.js';

/** A load or save that failed, in plain Chinese, with a retry where one makes sense. */
export function ErrorAlert(props: { error: unknown; onRetry?: () => void }) {
  if (!props.error) return null;
  return (
    <Alert
      type="error"
      showIcon
      role="alert"
      title={errorText(props.error)}
      action={
        props.onRetry ? (
          <Button size="small" onClick={props.onRetry}>
            重试
          </Button>
        ) : undefined
      }
      style={{ marginBottom: 16 }}
    />
  );
}

export function Loading(props: { what?: string }) {
  return (
    <div style={{ padding: 48, textAlign: 'center' }}>
      <Spin />
      <div style={{ marginTop: 8 }}>{props.what ? `正在加载${props.what}…` : '正在加载…'}</div>
    </div>
  );
}

/** A page's heading (the first focusable element after navigation) and its actions. */
export function PageTitle(props: { title: string; extra?: ReactNode; children?: ReactNode }) {
  return (
    <div style={{ display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: 12, marginBottom: 16 }}>
      <h1 tabIndex={-1} style={{ margin: 0, fontSize: 20, flex: '1 1 auto' }}>
        {props.title}
      </h1>
      {props.extra}
      {props.children}
    </div>
  );
}

export function Forbidden(props: { what: string; roleName: string; home: () => void }) {
  return (
    <Result
      // "warning", not "403": the 403 picture carries English text ("Unauthorized").
      status="warning"
      title={
        <h1 tabIndex={-1} style={{ fontSize: 24, margin: 0 }}>
          无权访问
        </h1>
      }
      subTitle={`${props.roleName}的职责不包括“${props.what}”。`}
      extra={
        <Button type="primary" onClick={props.home}>
          返回工作台
        </Button>
      }
    />
  );
}
