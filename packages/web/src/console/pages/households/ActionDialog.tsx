import { identificationApi } from '@jingzhun/types';
import { Alert, DatePicker, Form, Input, InputNumber, Modal, Select } from 'antd';
import { useState } from 'react';
import { toFen } from '../../../format.js';
import { ACTION_ZH, zh } from '../../../labels.js';
import { showServerErrors } from '../../app/forms.js';
import { useCallMutation } from '../../app/query.js';
import { EvidenceRows, type EvidenceValue, evidenceBody } from './evidence.js';

type Offered = identificationApi.OfferedAction;

interface Values {
  evidence?: EvidenceValue[];
  reason?: string;
  meeting?: { date?: { format(f: string): string }; total?: number; present?: number; inFavour?: number };
  monitorType?: string;
  referenceIncome?: { yuan?: number; source?: string };
}

/** The refetches after any step: the household, what may follow, its evidence and history. */
export const AFTER_STEP = [
  identificationApi.getHousehold,
  identificationApi.householdActions,
  identificationApi.householdHistory,
  identificationApi.listEvidence,
  identificationApi.listHouseholds,
];

/**
 * One offered step: asks for exactly what the step requires (its evidence kinds, the meeting with
 * its head counts, the reason, the monitoring type, the reference income), validated before
 * sending, the server's refusals next to their fields.
 */
export function ActionDialog(props: { householdId: string; version: number; step: Offered; onClose: () => void; onDone: (message: string) => void }) {
  const { step } = props;
  const [form] = Form.useForm<Values>();
  const [rest, setRest] = useState<string>();
  const mutation = useCallMutation(
    identificationApi.householdAction,
    (values: Values) => ({
      params: { householdId: props.householdId },
      body: {
        version: props.version,
        action: step.action,
        evidence: evidenceBody(values.evidence),
        ...(values.reason?.trim() ? { reason: values.reason.trim() } : {}),
        ...(step.meeting && values.meeting
          ? {
              meeting: {
                date: values.meeting.date?.format('YYYY-MM-DD') ?? '',
                total: values.meeting.total ?? 0,
                present: values.meeting.present ?? 0,
                inFavour: values.meeting.inFavour ?? 0,
              },
            }
          : {}),
        ...(step.monitorTypeRequired && values.monitorType ? { monitorType: values.monitorType as never } : {}),
        ...(step.referenceIncomeRequired && values.referenceIncome?.yuan
          ? { referenceIncome: { fen: toFen(values.referenceIncome.yuan), source: values.referenceIncome.source ?? '' } }
          : {}),
      },
    }),
    AFTER_STEP,
  );
  const title = zh(ACTION_ZH, step.action);
  const submit = async () => {
    // A refused check shows next to its field; nothing is sent.
    const values = await form.validateFields().catch(() => undefined);
    if (!values) return;
    setRest(undefined);
    try {
      await mutation.mutateAsync(values);
      props.onDone(step.notice ? `已${title}，公示 ${step.notice.days} 天` : `已完成：${title}`);
    } catch (error) {
      setRest(showServerErrors(form, error));
    }
  };
  return (
    <Modal open title={title} okText="提交" cancelText="取消" onOk={() => void submit()} onCancel={props.onClose} confirmLoading={mutation.isPending} width={760} destroyOnHidden>
      <Form form={form} layout="vertical" initialValues={{ evidence: step.evidence.map((kind) => ({ kind, ref: '' })) }}>
        {step.notice ? <p>提交后本户进入公示，公示 {step.notice.days} 天，期满无异议方可进入下一环节。</p> : null}
        {step.evidence.length > 0 ? <EvidenceRows householdId={props.householdId} kinds={step.evidence} /> : null}
        {step.meeting ? (
          <fieldset style={{ border: '1px solid #eee', padding: 12, marginBottom: 12 }}>
            <legend>村民代表会议（实到须达应到的三分之二，赞成须过实到半数）</legend>
            <Form.Item label="会议日期" name={['meeting', 'date']} rules={[{ required: true, message: '请选择会议日期' }]}>
              <DatePicker />
            </Form.Item>
            <Form.Item label="应到人数" name={['meeting', 'total']} rules={[{ required: true, message: '请填写应到人数' }]}>
              <InputNumber min={1} precision={0} />
            </Form.Item>
            <Form.Item
              label="实到人数"
              name={['meeting', 'present']}
              dependencies={[['meeting', 'total']]}
              rules={[
                { required: true, message: '请填写实到人数' },
                ({ getFieldValue }) => ({
                  validator: (_, v?: number) =>
                    v === undefined || v <= (getFieldValue(['meeting', 'total']) ?? 0) ? Promise.resolve() : Promise.reject(new Error('实到不能多于应到')),
                }),
              ]}
            >
              <InputNumber min={0} precision={0} />
            </Form.Item>
            <Form.Item
              label="赞成人数"
              name={['meeting', 'inFavour']}
              dependencies={[['meeting', 'present']]}
              rules={[
                { required: true, message: '请填写赞成人数' },
                ({ getFieldValue }) => ({
                  validator: (_, v?: number) =>
                    v === undefined || v <= (getFieldValue(['meeting', 'present']) ?? 0) ? Promise.resolve() : Promise.reject(new Error('赞成不能多于实到')),
                }),
              ]}
            >
              <InputNumber min={0} precision={0} />
            </Form.Item>
          </fieldset>
        ) : null}
        {step.monitorTypeRequired ? (
          <Form.Item label="监测对象类型" name="monitorType" rules={[{ required: true, message: '请选择监测对象类型' }]}>
            <Select options={['脱贫不稳定户', '边缘易致贫户', '突发严重困难户'].map((t) => ({ value: t, label: t }))} />
          </Form.Item>
        ) : null}
        {step.referenceIncomeRequired ? (
          <>
            <Form.Item label="农民人均收入（元）" name={['referenceIncome', 'yuan']}>
              <InputNumber min={0} precision={2} style={{ width: 200 }} />
            </Form.Item>
            <Form.Item label="收入来源（如：统计局上年全区农民人均可支配收入）" name={['referenceIncome', 'source']}>
              <Input maxLength={200} />
            </Form.Item>
          </>
        ) : null}
        <Form.Item
          label={step.reasonRequired ? '理由' : '说明（可不填）'}
          name="reason"
          rules={step.reasonRequired ? [{ required: true, whitespace: true, message: '此操作须写明理由' }] : []}
        >
          <Input.TextArea rows={2} maxLength={500} />
        </Form.Item>
      </Form>
      {rest ? <Alert type="error" showIcon role="alert" title={rest} /> : null}
    </Modal>
  );
}
