import { identificationApi, subsidyApi } from '@jingzhun/types';
import { Alert, Button, Card, DatePicker, Form, Space, Table, Tag } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import type * as z from 'zod';
import { fen } from '../../../format.js';
import { LINE_STATUS_ZH, zh } from '../../../labels.js';
import { sourceText } from '../../../sources.js';
import { PageTitle } from '../../app/Feedback.js';
import { showServerErrors } from '../../app/forms.js';
import { useCall, useCallMutation } from '../../app/query.js';
import { useSignedIn } from '../../app/session.js';
import { HouseholdPicker } from './HouseholdPicker.js';
import { lastMonth, lineExplanation, monthText } from './text.js';

type Quote = z.infer<typeof subsidyApi.Quote>;
const STATUS_COLOUR: Record<string, string> = { payable: 'green', 'missing-facts': 'orange', excluded: 'default', 'not-quantified': 'default' };

/** 享受政策测算: one household's entitlements for a month, item by item, with whom each is for and its source. */
export default function QuotePage() {
  const who = useSignedIn();
  const [form] = Form.useForm<{ householdId: string; period: Dayjs }>();
  const [error, setError] = useState<string>();
  const [asked, setAsked] = useState<{ householdId: string; label: string; period: string }>();
  const [label, setLabel] = useState('');
  const quote = useCallMutation(subsidyApi.quote, (v: { householdId: string; period: string }) => ({ body: { householdId: v.householdId, period: v.period, claims: [] } }));
  const household = useCall(identificationApi.getHousehold, asked ? { params: { householdId: asked.householdId } } : undefined, { enabled: Boolean(asked) });
  const memberName = (subject: string) => {
    if (subject === 'household') return '全户';
    if (subject === 'applicant') return '申请人';
    return household.data?.members.find((m) => m.memberId === subject)?.name ?? '家庭成员';
  };

  const run = async (values: { householdId: string; period: Dayjs }) => {
    setError(undefined);
    const period = values.period.format('YYYY-MM');
    try {
      await quote.mutateAsync({ householdId: values.householdId, period });
      setAsked({ householdId: values.householdId, label, period });
    } catch (e) {
      setError(showServerErrors(form, e));
    }
  };
  const result: Quote | undefined = quote.data;
  const lines = [...(result?.lines ?? [])].sort((a, b) => Number(b.status === 'payable') - Number(a.status === 'payable'));

  return (
    <>
      <PageTitle title="享受政策测算" />
      <Card style={{ marginBottom: 16 }}>
        <Form form={form} layout="inline" onFinish={run} initialValues={{ period: dayjs(`${lastMonth()}-01`) }} style={{ rowGap: 8 }}>
          <Form.Item label="农户" name="householdId" htmlFor="quote-household" rules={[{ required: true, message: '请输入户主姓名并选择农户' }]}>
            <HouseholdPicker id="quote-household" within={who.region} onChange={(_id, text) => setLabel(text)} />
          </Form.Item>
          <Form.Item label="月份" name="period" rules={[{ required: true, message: '请选择月份' }]}>
            <DatePicker picker="month" allowClear={false} minDate={dayjs('2016-01-01')} />
          </Form.Item>
          <Form.Item>
            <Button type="primary" htmlType="submit" loading={quote.isPending}>
              测算
            </Button>
          </Form.Item>
        </Form>
        {error ? <Alert type="error" showIcon role="alert" title={error} style={{ marginTop: 12 }} /> : null}
      </Card>
      {result && asked ? (
        <Card title={<h2 style={{ margin: 0, fontSize: 16 }}>{`${asked.label.split('（')[0]}户 ${monthText(asked.period)}享受政策`}</h2>}>
          <p>
            应发合计：<strong id="quote-total">{fen(result.totalFen)}</strong>
          </p>
          <Table
            rowKey={(l) => `${l.itemId}-${l.subject}`}
            size="small"
            dataSource={lines}
            pagination={false}
            scroll={{ x: 960 }}
            columns={[
              { title: '项目', dataIndex: 'nameZh' },
              { title: '对象', dataIndex: 'subject', render: (s: string) => memberName(s) },
              { title: '状态', dataIndex: 'status', render: (s: string) => <Tag color={STATUS_COLOUR[s]}>{zh(LINE_STATUS_ZH, s)}</Tag> },
              { title: '金额', dataIndex: 'amountFen', render: (v: number) => fen(v) },
              { title: '说明', dataIndex: 'explanation', render: (t: string) => lineExplanation(t) },
              { title: '依据', dataIndex: 'source', render: (s: { seed: string; lines: string }) => sourceText(s) },
            ]}
          />
          {result.notQuantified.length > 0 ? (
            <Space direction="vertical" style={{ marginTop: 12 }}>
              <strong>文件未规定金额、不测算的政策：</strong>
              {result.notQuantified.map((n) => (
                <span key={n.id}>
                  {n.nameZh}（{sourceText(n.source)}）
                </span>
              ))}
            </Space>
          ) : null}
        </Card>
      ) : null}
    </>
  );
}
