import { wechatApi } from '@jingzhun/types';
import { Alert, Button, Card, Result, Typography } from 'antd';
import dayjs from 'dayjs';
import { ErrorAlert, PageTitle } from '../../app/Feedback.js';
import { useCallMutation } from '../../app/query.js';

/**
 * 绑定微信小程序 (issue 15; decisions WeChat 1): a staff member makes a one-time code here and types
 * it into the mini-program once, which binds that WeChat to this account.
 */
export default function BindWechatPage() {
  const create = useCallMutation(wechatApi.createBindingCode, () => ({ body: { app: 'miniprogram' as const } }));
  return (
    <>
      <PageTitle title="绑定微信小程序" />
      <Card style={{ maxWidth: 560 }}>
        <p>帮扶责任人和村两委在“精准扶贫”小程序中登录时，需要输入一次绑定码。绑定码 10 分钟内有效，只能使用一次；重新绑定会解除此前绑定的手机。</p>
        {create.data ? (
          <Result
            status="success"
            title={
              <Typography.Text copyable style={{ fontSize: 32, letterSpacing: 4 }} aria-label="绑定码">
                {create.data.code}
              </Typography.Text>
            }
            subTitle={`请在小程序“工作人员登录”中输入，${dayjs(create.data.expiresAt).format('HH:mm')} 前有效。`}
          />
        ) : (
          <Alert type="info" showIcon title="请在手机上打开小程序后再生成绑定码。" style={{ marginBottom: 16 }} />
        )}
        <ErrorAlert error={create.error} />
        <Button type="primary" loading={create.isPending} onClick={() => create.mutate(undefined as never)}>
          {create.data ? '重新生成绑定码' : '生成绑定码'}
        </Button>
      </Card>
    </>
  );
}
