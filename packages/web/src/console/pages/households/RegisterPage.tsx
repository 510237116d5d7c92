import { identificationApi } from '@jingzhun/types';
import { Alert, Button, Form, Input, Space, Steps } from 'antd';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { PageTitle } from '../../app/Feedback.js';
import { showServerErrors } from '../../app/forms.js';
import { useCallMutation } from '../../app/query.js';
import { RegionPicker } from '../../app/regions.js';
import { useSignedIn } from '../../app/session.js';
import { BasicFields, HousingFields, INCOME_FIELDS, IncomeFields, MemberFields, memberBody, toFen } from './fields.js';

/** The steps of the registration and the fields each holds (validated before moving on). */
const STEPS: { title: string; fields: string[] }[] = [
  { title: '基本情况', fields: ['region', 'group', 'phone', 'mainCause', 'secondaryCauses'] },
  { title: '家庭成员', fields: ['members'] },
  { title: '收入', fields: ['income'] },
  { title: '住房、三保障与申请材料', fields: ['housing', 'welfare', 'application', 'authorisation'] },
];

interface Values {
  region: string;
  group: string;
  phone?: string;
  mainCause: string;
  secondaryCauses?: string[];
  members: (Omit<identificationApi.MemberInput, 'disabilityGrade'> & { disabilityGrade?: number })[];
  income: Record<string, number>;
  housing: { dangerGrade?: 'A' | 'B' | 'C' | 'D'; safeDrinkingWater?: boolean };
  welfare: Record<string, boolean>;
  application: string;
  authorisation: string;
}

function bodyOf(v: Values): identificationApi.CreateHouseholdBody {
  return {
    region: v.region as identificationApi.CreateHouseholdBody['region'],
    group: v.group.trim(),
    ...(v.phone ? { phone: v.phone } : {}),
    mainCause: v.mainCause as never,
    secondaryCauses: (v.secondaryCauses ?? []) as never,
    members: v.members.map(memberBody),
    income: { year: v.income.year as number, ...Object.fromEntries(INCOME_FIELDS.map((f) => [f.name, toFen(v.income[f.name])])) } as identificationApi.IncomeInput,
    housing: { dangerGrade: v.housing.dangerGrade ?? null, safeDrinkingWater: Boolean(v.housing.safeDrinkingWater), electricity: true, roadAccess: true, sanitaryToilet: false },
    welfare: { food: false, clothing: false, education: false, medical: false, housing: false, water: false, ...v.welfare },
    // The household's own application and its authorisation to check its data (workflows.md §1.3 #1).
    evidence: [
      { kind: 'application', ref: v.application.trim() },
      { kind: 'authorisation', ref: v.authorisation.trim() },
    ],
    procedure: { kind: 'entry' },
  };
}

/**
 * 登记申请户 (建档立卡 application, workflows.md §1.3 #1): four steps in one form, each checked
 * before the next; the server's field errors return to their step and field.
 */
export default function RegisterPage() {
  const who = useSignedIn();
  const navigate = useNavigate();
  const [form] = Form.useForm<Values>();
  const [current, setCurrent] = useState(0);
  const [rest, setRest] = useState<string>();
  const create = useCallMutation(identificationApi.createHousehold, (values: Values) => ({ body: bodyOf(values) }), [identificationApi.listHouseholds]);
  const isVillage = who.region.slice(9) !== '000';

  const validateStep = (index: number) => form.validateFields((STEPS[index]?.fields ?? []).map((f) => [f]) as never, { recursive: true });
  const next = async () => {
    await validateStep(current);
    setCurrent(current + 1);
  };
  const submit = async () => {
    for (const index of STEPS.keys()) {
      try {
        await validateStep(index);
      } catch {
        setCurrent(index);
        return;
      }
    }
    setRest(undefined);
    try {
      const created = await create.mutateAsync(form.getFieldsValue(true) as Values);
      navigate(`/households/${created.householdId}`);
    } catch (error) {
      setRest(showServerErrors(form, error));
      // Back to the first step with an error next to its field.
      const withError = form.getFieldsError().find((f) => f.errors.length > 0);
      const step = STEPS.findIndex((s) => s.fields.includes(String(withError?.name[0])));
      if (step >= 0) setCurrent(step);
    }
  };

  return (
    <>
      <PageTitle title="登记申请户" />
      <Steps current={current} items={STEPS.map((s) => ({ title: s.title }))} style={{ marginBottom: 24 }} onChange={(index) => index < current && setCurrent(index)} />
      <Form
        form={form}
        layout="vertical"
        initialValues={{
          region: isVillage ? who.region : undefined,
          members: [{ relation: 'head', health: 'healthy', laborCapacity: 'full', schooling: 'none', education: 'none', medicalInsurance: true }],
          income: { year: new Date().getFullYear() - 1, ...Object.fromEntries(INCOME_FIELDS.map((f) => [f.name, 0])) },
          housing: { safeDrinkingWater: true },
          welfare: { food: true, clothing: true, education: true, medical: true, housing: true, water: true },
        }}
      >
        <div style={{ display: current === 0 ? 'block' : 'none' }}>
          <Form.Item
            label="所在村"
            name="region"
            rules={[
              { required: true, message: '请选择所在村' },
              { validator: async (_, code?: string) => (code && code.slice(9) === '000' ? Promise.reject(new Error('请选到村')) : undefined) },
            ]}
          >
            <RegionPicker within={who.region} placeholder="请选择镇、村" />
          </Form.Item>
          <BasicFields />
        </div>
        <div style={{ display: current === 1 ? 'block' : 'none' }}>
          <MemberFields />
        </div>
        <div style={{ display: current === 2 ? 'block' : 'none' }}>
          <IncomeFields />
        </div>
        <div style={{ display: current === 3 ? 'block' : 'none' }}>
          <HousingFields />
          <Form.Item label="申请书名称或编号" name="application" rules={[{ required: true, whitespace: true, message: '请填写农户申请书的名称或编号' }]} style={{ marginTop: 16 }}>
            <Input maxLength={200} placeholder="如：赵春生户建档立卡申请书" style={{ maxWidth: 360 }} />
          </Form.Item>
          <Form.Item label="授权书名称或编号" name="authorisation" rules={[{ required: true, whitespace: true, message: '请填写信息核查授权书的名称或编号' }]}>
            <Input maxLength={200} placeholder="如：赵春生户家庭经济状况核查授权书" style={{ maxWidth: 360 }} />
          </Form.Item>
          <p style={{ color: '#888' }}>申请书、授权书的照片或扫描件可在登记后于农户页面的“修改信息”中上传。</p>
        </div>
      </Form>
      {rest ? <Alert type="error" showIcon role="alert" title={rest} style={{ marginBottom: 16 }} /> : null}
      <Space>
        {current > 0 ? <Button onClick={() => setCurrent(current - 1)}>上一步</Button> : null}
        {current < STEPS.length - 1 ? (
          <Button type="primary" onClick={() => void next().catch(() => undefined)}>
            下一步
          </Button>
        ) : (
          <Button type="primary" loading={create.isPending} onClick={() => void submit()}>
            提交申请
          </Button>
        )}
      </Space>
    </>
  );
}
