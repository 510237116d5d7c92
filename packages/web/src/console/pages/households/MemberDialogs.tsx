import { ACCOUNT_KINDS, accountNumberProblem, identificationApi, PAYING_BANKS } from '@jingzhun/types';
import { Checkbox, DatePicker, Form, Input, Radio, Select, Space } from 'antd';
import { MEMBER_STATUS_ZH, RELATION_ZH, zh } from '../../../labels.js';
import { useCallMutation } from '../../app/query.js';
import { AFTER_STEP } from './ActionDialog.js';
import { FormDialog } from './EditDialogs.js';
import { EvidenceRows, type EvidenceValue, evidenceBody } from './evidence.js';
import { memberBody, OneMemberFields } from './fields.js';

type Household = identificationApi.Household;
type Day = { format(f: string): string };

/**
 * 自然变更 (natural changes) of the members: a birth, a marriage or a move brings a member in; a
 * death, a marriage or a move takes one out. Each names its date and the certificate it rests on
 * (the register keeps it with the change, workflows.md §1.6), and the certificate's kind follows
 * the reason so the cadre never picks it.
 */
const JOIN_REASON_ZH = { birth: '出生', marriage: '婚入', 'move-in': '迁入', correction: '更正漏登' } as const;
const LEAVE_REASON_ZH = { death: '死亡', marriage: '婚出', 'move-out': '迁出' } as const;
const CERTIFICATE_FOR: Record<string, identificationApi.EvidenceKind> = {
  birth: 'birth-certificate',
  marriage: 'marriage-certificate',
  'move-in': 'hukou-record',
  correction: 'hukou-record',
  death: 'death-certificate',
  'move-out': 'hukou-record',
};
const ACCOUNT_KIND_ZH: Record<(typeof ACCOUNT_KINDS)[number], string> = { card: '银行卡（社保卡）', passbook: '存折' };

interface JoinValues {
  member: Parameters<typeof memberBody>[0];
  reason: keyof typeof JOIN_REASON_ZH;
  date: Day;
  evidence: EvidenceValue[];
}

export function AddMemberDialog(props: { household: Household; onClose: () => void; onDone: () => void }) {
  const hh = props.household;
  const mutation = useCallMutation(
    identificationApi.addMember,
    (v: JoinValues) => ({
      params: { householdId: hh.householdId },
      body: {
        version: hh.version,
        member: memberBody(v.member),
        reason: v.reason,
        ...dateAndCertificate(v),
      },
    }),
    AFTER_STEP,
  );
  return (
    <FormDialog<JoinValues>
      title="新增家庭成员"
      onClose={props.onClose}
      onDone={props.onDone}
      pending={mutation.isPending}
      send={(v) => mutation.mutateAsync(v)}
      initialValues={{ reason: 'birth', member: { relation: 'child' }, evidence: [{ kind: 'birth-certificate', ref: '' }] }}
    >
      <Form.Item label="变更原因" name="reason" rules={[{ required: true, message: '请选择变更原因' }]}>
        <Radio.Group options={Object.entries(JOIN_REASON_ZH).map(([value, label]) => ({ value, label }))} />
      </Form.Item>
      <Space wrap align="start">
        <OneMemberFields name={['member']} path={['member']} label="新成员" />
      </Space>
      <DateAndCertificateFields householdId={hh.householdId} />
    </FormDialog>
  );
}

interface LeaveValues {
  memberId: string;
  reason: keyof typeof LEAVE_REASON_ZH;
  date: Day;
  evidence: EvidenceValue[];
}

/** 成员减少: the member stays in the register with the status (已故 / 已迁出), never deleted. */
export function RemoveMemberDialog(props: { household: Household; onClose: () => void; onDone: () => void }) {
  const hh = props.household;
  const mutation = useCallMutation(
    identificationApi.changeMember,
    (v: LeaveValues) => ({
      params: { householdId: hh.householdId, memberId: v.memberId },
      body: {
        version: hh.version,
        status: v.reason === 'death' ? ('deceased' as const) : ('moved_out' as const),
        reason: v.reason,
        ...dateAndCertificate(v),
      },
    }),
    AFTER_STEP,
  );
  const active = hh.members.filter((m) => m.status === 'active');
  return (
    <FormDialog<LeaveValues>
      title="家庭成员减少"
      onClose={props.onClose}
      onDone={props.onDone}
      pending={mutation.isPending}
      send={(v) => mutation.mutateAsync(v)}
      initialValues={{ reason: 'death', evidence: [{ kind: 'death-certificate', ref: '' }] }}
    >
      <Form.Item label="成员" name="memberId" rules={[{ required: true, message: '请选择成员' }]}>
        <Select style={{ width: 260 }} options={active.map((m) => ({ value: m.memberId, label: `${m.name}（${zh(RELATION_ZH, m.relation)}，${m.birthYear} 年生）` }))} />
      </Form.Item>
      <Form.Item label="变更原因" name="reason" rules={[{ required: true, message: '请选择变更原因' }]}>
        <Radio.Group
          options={Object.entries(LEAVE_REASON_ZH).map(([value, label]) => ({
            value,
            label: `${label}（${value === 'death' ? MEMBER_STATUS_ZH.deceased : MEMBER_STATUS_ZH.moved_out}）`,
          }))}
        />
      </Form.Item>
      <DateAndCertificateFields householdId={hh.householdId} />
    </FormDialog>
  );
}

/** The change's date and its certificate, named for the chosen reason (出生证明, 死亡证明, 户籍记录 …). */
function DateAndCertificateFields(props: { householdId: string }) {
  const reason = Form.useWatch('reason') as string | undefined;
  return (
    <>
      <Form.Item label="变更日期" name="date" rules={[{ required: true, message: '请选择变更日期' }]}>
        <DatePicker />
      </Form.Item>
      <EvidenceRows householdId={props.householdId} kinds={[CERTIFICATE_FOR[reason ?? ''] ?? 'hukou-record']} />
    </>
  );
}

function dateAndCertificate(v: { reason: string; date: Day; evidence: EvidenceValue[] }) {
  const kind = CERTIFICATE_FOR[v.reason] ?? 'hukou-record';
  return { date: v.date.format('YYYY-MM-DD'), evidence: evidenceBody(v.evidence.map((e) => ({ ...e, kind }))) };
}

interface AccountValues {
  memberId: string;
  bank: (typeof PAYING_BANKS)[number];
  kind: (typeof ACCOUNT_KINDS)[number];
  number: string;
  reason: string;
  close?: boolean;
}

/**
 * 一卡通账户: registered or corrected with the bank, the kind and the number (checked as typed: a
 * card's Luhn digit), or closed. The page shows only the bank and the last four digits after.
 */
export function AccountDialog(props: { household: Household; onClose: () => void; onDone: () => void }) {
  const hh = props.household;
  const [form] = Form.useForm();
  const mutation = useCallMutation(
    identificationApi.setMemberAccount,
    (v: AccountValues) => ({
      params: { householdId: hh.householdId, memberId: v.memberId },
      body: {
        version: hh.version,
        account: v.close && hh.members.find((m) => m.memberId === v.memberId)?.accountMasked ? null : { bank: v.bank, kind: v.kind, number: v.number },
        reason: v.reason.trim(),
      },
    }),
    AFTER_STEP,
  );
  const active = hh.members.filter((m) => m.status === 'active');
  const memberId = Form.useWatch('memberId', form) as string | undefined;
  const chosen = active.find((m) => m.memberId === memberId);
  const closing = Boolean(Form.useWatch('close', form)) && Boolean(chosen?.accountMasked);
  return (
    <FormDialog<AccountValues>
      title="登记或更正一卡通账户"
      onClose={props.onClose}
      onDone={props.onDone}
      pending={mutation.isPending}
      send={(v) => mutation.mutateAsync(v)}
      initialValues={{ memberId: active.find((m) => m.relation === 'head')?.memberId, kind: 'card' }}
      form={form}
    >
      <Form.Item label="成员" name="memberId" rules={[{ required: true, message: '请选择成员' }]}>
        <Select style={{ width: 260 }} options={active.map((m) => ({ value: m.memberId, label: `${m.name}（${zh(RELATION_ZH, m.relation)}）` }))} />
      </Form.Item>
      {chosen?.accountMasked ? (
        <p>
          现有账户：{chosen.accountMasked.bank} {ACCOUNT_KIND_ZH[chosen.accountMasked.kind]} {chosen.accountMasked.numberMasked}
        </p>
      ) : null}
      {chosen?.accountMasked ? (
        <Form.Item name="close" valuePropName="checked">
          <Checkbox>注销该成员的一卡通账户（注销后补贴不再发往此账户）</Checkbox>
        </Form.Item>
      ) : null}
      {closing ? null : <AccountFields />}
      <Form.Item label={closing ? '注销理由' : '登记或更正理由'} name="reason" rules={[{ required: true, whitespace: true, message: '请写明理由' }]}>
        <Input maxLength={200} placeholder={closing ? '如：该卡已挂失' : '如：户主新办社保卡'} />
      </Form.Item>
    </FormDialog>
  );
}

function AccountFields() {
  return (
    <>
      <Form.Item label="开户银行" name="bank" rules={[{ required: true, message: '请选择开户银行' }]}>
        <Select style={{ width: 260 }} options={PAYING_BANKS.map((bank) => ({ value: bank, label: bank }))} />
      </Form.Item>
      <Form.Item label="账户类别" name="kind" rules={[{ required: true, message: '请选择账户类别' }]}>
        <Radio.Group options={ACCOUNT_KINDS.map((kind) => ({ value: kind, label: ACCOUNT_KIND_ZH[kind] }))} />
      </Form.Item>
      <Form.Item
        label="账号"
        name="number"
        dependencies={['kind']}
        rules={[
          { required: true, message: '请填写账号' },
          ({ getFieldValue }) => ({
            validator: async (_, value?: string) => {
              if (!value) return;
              const problem = accountNumberProblem(value.replace(/\s/g, ''), getFieldValue('kind'));
              if (problem) throw new Error(problem);
            },
          }),
        ]}
      >
        <Input maxLength={23} inputMode="numeric" style={{ width: 260 }} />
      </Form.Item>
    </>
  );
}
