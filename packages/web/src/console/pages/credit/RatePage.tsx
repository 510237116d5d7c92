import { identificationApi, scoringApi } from '@jingzhun/types';
import { Alert, Button, Card, DatePicker, Descriptions, Form, Input, InputNumber, Radio, Result, Space, Switch } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { fen } from '../../../format.js';
import { BAND_ZH, CAUSE_ZH, CREDIT_ITEM_ZH, LABOR_ZH, RATING_ISSUE_ZH, STATUS_ZH, zh } from '../../../labels.js';
import { ErrorAlert, PageTitle } from '../../app/Feedback.js';
import { showServerErrors } from '../../app/forms.js';
import { useCall, useCallMutation } from '../../app/query.js';
import { RegionName } from '../../app/regions.js';

interface Applicant {
  householdId: string;
  memberId: string;
  name: string;
}

/**
 * 农户信用评级 (bank; workflows.md §5.4, 004 BANK-09 L1370): the bank finds the applicant's
 * household from the applicant's ID card, sees only the facts the rating tests (ages, labour
 * capacity, status, main cause), picks the borrower and scores the five items.
 */
export default function RatePage() {
  const [applicant, setApplicant] = useState<Applicant>();
  return (
    <>
      <PageTitle title="农户信用评级" />
      {applicant ? <RateForm applicant={applicant} onAgain={() => setApplicant(undefined)} /> : <FindApplicant onFound={setApplicant} />}
    </>
  );
}

function FindApplicant(props: { onFound: (a: Applicant) => void }) {
  const [form] = Form.useForm<{ idNumber: string; name: string }>();
  const [error, setError] = useState<string>();
  const lookup = useCallMutation(identificationApi.lookupBorrower, (values: { idNumber: string; name: string }) => ({ body: values }));
  return (
    <Card title="查找申请人" style={{ maxWidth: 560 }}>
      <p>核对申请人本人身份证后，填写身份证号码与姓名。系统只告知是否为建档立卡户成员及评级所需信息。</p>
      <Form
        form={form}
        layout="vertical"
        onFinish={(values) => {
          setError(undefined);
          lookup.mutate(values, {
            onSuccess: (found) => props.onFound({ householdId: found.householdId, memberId: found.memberId, name: values.name.trim() }),
            onError: (e) => setError(showServerErrors(form, e)),
          });
        }}
      >
        <Form.Item
          label="身份证号码"
          name="idNumber"
          rules={[
            { required: true, message: '请填写申请人身份证号码' },
            { pattern: /^\d{17}[\dXx]$/, message: '身份证号码为18位，最后一位可以是 X' },
          ]}
        >
          <Input maxLength={18} autoComplete="off" />
        </Form.Item>
        <Form.Item label="姓名" name="name" rules={[{ required: true, message: '请填写申请人姓名' }]}>
          <Input maxLength={40} autoComplete="off" />
        </Form.Item>
        {error ? <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} /> : null}
        <Button type="primary" htmlType="submit" loading={lookup.isPending}>
          查找
        </Button>
      </Form>
    </Card>
  );
}

interface RateValues {
  borrowerId: string;
  ratedOn: Dayjs;
  borrowerEmployed: boolean;
  scores: Record<string, number>;
}

function RateForm(props: { applicant: Applicant; onAgain: () => void }) {
  const navigate = useNavigate();
  const [form] = Form.useForm<RateValues>();
  const [error, setError] = useState<string>();
  const facts = useCall(scoringApi.getRatingFacts, { params: { householdId: props.applicant.householdId } });
  const rate = useCallMutation(
    scoringApi.rateHousehold,
    (v: RateValues) => ({
      params: { householdId: props.applicant.householdId },
      body: {
        borrowerId: v.borrowerId,
        ratedOn: v.ratedOn.format('YYYY-MM-DD'),
        borrowerEmployed: v.borrowerEmployed,
        scores: v.scores as never,
        ...(v.borrowerId === props.applicant.memberId ? { borrowerName: props.applicant.name } : {}),
      },
    }),
    [scoringApi.getRatingFacts, scoringApi.listBankRatings],
  );
  if (facts.error) return <ErrorAlert error={facts.error} onRetry={() => void facts.refetch()} />;
  if (!facts.data) return <Card loading />;
  const f = facts.data;
  if (rate.data) {
    const r = rate.data;
    return (
      <Result
        status={r.band === 'NONE' ? 'warning' : 'success'}
        title={`评级完成：${zh(BAND_ZH, r.band)}`}
        subTitle={`总分 ${r.total} 分，授信额度 ${fen(r.creditLineFen)}`}
        extra={
          <Space>
            <Button type="primary" onClick={() => navigate('/credit/loans')}>
              去发放贷款
            </Button>
            <Button onClick={props.onAgain}>评级下一位申请人</Button>
          </Space>
        }
      />
    );
  }
  const memberLabel = (m: (typeof f.members)[number], index: number) =>
    `${m.memberId === props.applicant.memberId ? `${props.applicant.name}（申请人）` : `家庭成员${index + 1}`}，${m.age} 岁，${zh(LABOR_ZH, m.laborCapacity)}`;
  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }}>
      <Card title="评级所需信息">
        <Descriptions
          column={{ xs: 1, sm: 2 }}
          items={[
            { key: 'v', label: '所在村', children: <RegionName code={f.region} full /> },
            { key: 's', label: '户状态', children: zh(STATUS_ZH, f.status) },
            { key: 'c', label: '主要致贫原因', children: zh(CAUSE_ZH, f.mainCause) },
            { key: 'd', label: '信息截至', children: f.asOf },
          ]}
        />
        {f.ratings.length > 0 ? <Alert type="info" showIcon title={`本行已对该户评级 ${f.ratings.length} 次，最近一次 ${f.ratings.at(-1)?.ratedOn}`} /> : null}
      </Card>
      <Card title="评级">
        <Form
          form={form}
          layout="vertical"
          initialValues={{ borrowerId: props.applicant.memberId, ratedOn: dayjs(), borrowerEmployed: false }}
          onFinish={(values) => {
            setError(undefined);
            rate.mutate(values, { onError: (e) => setError(showServerErrors(form, e)) });
          }}
        >
          <Form.Item label="借款人" name="borrowerId" rules={[{ required: true, message: '请选择借款人' }]}>
            <Radio.Group>
              <Space orientation="vertical">
                {f.members.map((m, i) => (
                  <Radio key={m.memberId} value={m.memberId} disabled={m.issues.length > 0}>
                    {memberLabel(m, i)}
                    {m.issues.length > 0 ? `（不可评级：${m.issues.map((code) => zh(RATING_ISSUE_ZH, code)).join('；')}）` : ''}
                  </Radio>
                ))}
              </Space>
            </Radio.Group>
          </Form.Item>
          <Space wrap size="large">
            {f.scoreItems.map((s) => (
              <Form.Item
                key={s.item}
                label={`${zh(CREDIT_ITEM_ZH, s.item)}（0–${s.max} 分）`}
                name={['scores', s.item]}
                rules={[{ required: true, message: `请填写${zh(CREDIT_ITEM_ZH, s.item)}得分` }]}
              >
                <InputNumber min={0} max={s.max} precision={0} style={{ width: 140 }} />
              </Form.Item>
            ))}
          </Space>
          <Form.Item label="借款人是否已就业（公职或稳定工资性就业）" name="borrowerEmployed" valuePropName="checked">
            <Switch checkedChildren="已就业" unCheckedChildren="未就业" />
          </Form.Item>
          <Form.Item label="评级日期" name="ratedOn" rules={[{ required: true, message: '请选择评级日期' }]}>
            <DatePicker disabledDate={(d) => d.isAfter(dayjs(), 'day')} />
          </Form.Item>
          {error ? <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} /> : null}
          <Space>
            <Button type="primary" htmlType="submit" loading={rate.isPending}>
              提交评级
            </Button>
            <Button onClick={props.onAgain}>重新查找</Button>
          </Space>
        </Form>
      </Card>
    </Space>
  );
}
