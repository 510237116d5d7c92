import { identificationApi } from '@jingzhun/types';
import { Alert, DatePicker, Form, type FormInstance, Input, InputNumber, Modal, Select } from 'antd';
import { useState } from 'react';
import { MEASURE_KIND_ZH } from '../../../labels.js';
import { showServerErrors } from '../../app/forms.js';
import { useCallMutation } from '../../app/query.js';
import { AFTER_STEP } from './ActionDialog.js';
import { EvidenceRows, type EvidenceValue, evidenceBody } from './evidence.js';
import { BasicFields, HousingFields, INCOME_FIELDS, IncomeFields, toFen, toYuan } from './fields.js';

type Household = identificationApi.Household;

/** A dialog around one form: validates, sends, shows the server's errors in place and the rest above the buttons. */
export function FormDialog<V>(props: {
  title: string;
  onClose: () => void;
  onDone: () => void;
  send: (values: V) => Promise<unknown>;
  pending: boolean;
  initialValues?: object;
  /** The form, when the dialog's fields watch each other (Form.useWatch needs the instance). */
  form?: FormInstance;
  children: React.ReactNode;
}) {
  const [form] = Form.useForm(props.form);
  const [rest, setRest] = useState<string>();
  const submit = async () => {
    const values = (await form.validateFields().catch(() => undefined)) as V | undefined;
    if (!values) return;
    setRest(undefined);
    try {
      await props.send(values);
      props.onDone();
    } catch (error) {
      setRest(showServerErrors(form, error));
    }
  };
  return (
    <Modal open title={props.title} okText="保存" cancelText="取消" onOk={() => void submit()} onCancel={props.onClose} confirmLoading={props.pending} width={760} destroyOnHidden>
      <Form form={form} layout="vertical" initialValues={props.initialValues}>
        {props.children}
      </Form>
      {rest ? <Alert type="error" showIcon role="alert" title={rest} /> : null}
    </Modal>
  );
}

interface EditValues {
  group: string;
  phone?: string;
  mainCause: string;
  secondaryCauses: string[];
  income: Record<string, number>;
  housing: Household['housing'];
  welfare: Household['welfare'];
  reason: string;
  evidence?: EvidenceValue[];
}

/**
 * 修改信息: only the fields that changed are sent (a field left alone keeps its value on the
 * server), with the reason and the evidence for the change.
 */
export function EditDialog(props: { household: Household; onClose: () => void; onDone: () => void }) {
  const hh = props.household;
  const mutation = useCallMutation(
    identificationApi.updateHousehold,
    (values: EditValues) => ({ params: { householdId: hh.householdId }, body: editBody(hh, values) }),
    AFTER_STEP,
  );
  const income = Object.fromEntries([['year', hh.income.year], ...INCOME_FIELDS.map((f) => [f.name, toYuan(hh.income[f.name])])]);
  return (
    <FormDialog<EditValues>
      title="修改农户信息"
      onClose={props.onClose}
      onDone={props.onDone}
      pending={mutation.isPending}
      send={(values) => mutation.mutateAsync(values)}
      initialValues={{
        group: hh.group,
        phone: hh.phone,
        mainCause: hh.mainCause,
        secondaryCauses: hh.secondaryCauses,
        income,
        housing: hh.housing,
        welfare: hh.welfare,
        evidence: [{ kind: 'other', ref: '' }],
      }}
    >
      <BasicFields />
      <IncomeFields />
      <HousingFields />
      <Form.Item label="修改理由" name="reason" rules={[{ required: true, whitespace: true, message: '请写明修改理由' }]}>
        <Input.TextArea rows={2} maxLength={200} />
      </Form.Item>
      <EvidenceRows householdId={hh.householdId} kinds={['other']} />
    </FormDialog>
  );
}

function editBody(hh: Household, values: EditValues) {
  const changes: Record<string, unknown> = {};
  if (values.group.trim() !== hh.group) changes.group = values.group.trim();
  if ((values.phone || undefined) !== hh.phone && values.phone) changes.phone = values.phone;
  if (values.mainCause !== hh.mainCause) changes.mainCause = values.mainCause;
  if (JSON.stringify(values.secondaryCauses ?? []) !== JSON.stringify(hh.secondaryCauses)) changes.secondaryCauses = values.secondaryCauses ?? [];
  const income = { year: values.income.year as number, ...Object.fromEntries(INCOME_FIELDS.map((f) => [f.name, toFen(values.income[f.name])])) };
  if (JSON.stringify(income) !== JSON.stringify({ year: hh.income.year, ...Object.fromEntries(INCOME_FIELDS.map((f) => [f.name, hh.income[f.name]])) })) changes.income = income;
  const housing = { ...hh.housing, ...values.housing, dangerGrade: values.housing.dangerGrade ?? null };
  if (JSON.stringify(housing) !== JSON.stringify(hh.housing)) changes.housing = housing;
  const welfare = { ...hh.welfare, ...values.welfare };
  if (JSON.stringify(welfare) !== JSON.stringify(hh.welfare)) changes.welfare = welfare;
  const evidence = evidenceBody(values.evidence).filter((e) => e.ref);
  return { version: hh.version, changes: changes as identificationApi.UpdateHouseholdChanges, reason: values.reason.trim(), evidence };
}

interface MeasureValues {
  kind: string;
  description: string;
  year: number;
  amountYuan?: number;
}

export function MeasureDialog(props: { household: Household; onClose: () => void; onDone: () => void }) {
  const hh = props.household;
  const mutation = useCallMutation(
    identificationApi.addMeasure,
    (v: MeasureValues) => ({
      params: { householdId: hh.householdId },
      body: {
        version: hh.version,
        measure: { kind: v.kind as never, description: v.description.trim(), year: v.year, ...(v.amountYuan ? { amountFen: toFen(v.amountYuan) } : {}) },
      },
    }),
    AFTER_STEP,
  );
  return (
    <FormDialog<MeasureValues>
      title="登记帮扶措施"
      onClose={props.onClose}
      onDone={props.onDone}
      pending={mutation.isPending}
      send={(v) => mutation.mutateAsync(v)}
      initialValues={{ year: new Date().getFullYear() }}
    >
      <Form.Item label="措施类别" name="kind" rules={[{ required: true, message: '请选择措施类别' }]}>
        <Select options={Object.entries(MEASURE_KIND_ZH).map(([value, label]) => ({ value, label }))} style={{ width: 240 }} />
      </Form.Item>
      <Form.Item label="措施内容" name="description" rules={[{ required: true, whitespace: true, message: '请填写措施内容' }]}>
        <Input maxLength={200} />
      </Form.Item>
      <Form.Item label="年度" name="year" rules={[{ required: true, message: '请填写年度' }]}>
        <InputNumber min={2014} max={2030} precision={0} />
      </Form.Item>
      <Form.Item label="金额（元，可不填）" name="amountYuan">
        <InputNumber min={0} precision={2} style={{ width: 200 }} />
      </Form.Item>
    </FormDialog>
  );
}

interface HelperValues {
  name: string;
  unit: string;
  phone?: string;
  from: { format(f: string): string };
}

export function HelperDialog(props: { household: Household; onClose: () => void; onDone: () => void }) {
  const hh = props.household;
  const mutation = useCallMutation(
    identificationApi.handOverHelper,
    (v: HelperValues) => ({
      params: { householdId: hh.householdId },
      body: { version: hh.version, helper: { name: v.name.trim(), unit: v.unit.trim(), from: v.from.format('YYYY-MM-DD'), ...(v.phone ? { phone: v.phone } : {}) }, evidence: [] },
    }),
    AFTER_STEP,
  );
  return (
    <FormDialog<HelperValues> title="帮扶责任人交接" onClose={props.onClose} onDone={props.onDone} pending={mutation.isPending} send={(v) => mutation.mutateAsync(v)}>
      <Form.Item label="新帮扶责任人姓名" name="name" rules={[{ required: true, whitespace: true, message: '请填写姓名' }]}>
        <Input maxLength={40} />
      </Form.Item>
      <Form.Item label="所在单位" name="unit" rules={[{ required: true, whitespace: true, message: '请填写所在单位' }]}>
        <Input maxLength={80} />
      </Form.Item>
      <Form.Item label="联系电话" name="phone" rules={[{ pattern: /^\d{7,12}$/, message: '电话须为 7 至 12 位数字' }]}>
        <Input maxLength={12} inputMode="numeric" />
      </Form.Item>
      <Form.Item label="交接日期" name="from" rules={[{ required: true, message: '请选择交接日期' }]}>
        <DatePicker />
      </Form.Item>
    </FormDialog>
  );
}
