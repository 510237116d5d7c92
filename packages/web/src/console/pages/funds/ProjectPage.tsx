import { fundsApi, isWithinRegion } from '@jingzhun/types';
import { Alert, Button, DatePicker, Descriptions, Form, Input, InputNumber, Modal, Select, Space, Steps, Table } from 'antd';
import { useState } from 'react';
import { useParams } from 'react-router';
import { mayCall } from '../../../access.js';
import { date, fen } from '../../../format.js';
import { ErrorAlert, Loading, PageTitle } from '../../app/Feedback.js';
import { showServerErrors } from '../../app/forms.js';
import { useCall, useCallMutation } from '../../app/query.js';
import { RegionName, useRegions } from '../../app/regions.js';
import { useSignedIn } from '../../app/session.js';
import { useConfirm } from './confirm.js';
import { EvidenceField, evidenceOf } from './Evidence.js';
import { COLLECTIVE_FUND_ZH, EVIDENCE_ZH, LINK_ZH, PROJECT_STATE_ZH, PROJECT_TYPE_ZH, STEP_ZH, toFen } from './labels.js';

type Action = 'approve' | 'reject' | 'start' | 'milestone' | 'accept' | 'handover' | 'pay';
const STAGES = ['RESERVE', 'APPROVED', 'IN_PROGRESS', 'ACCEPTED', 'HANDED_OVER'] as const;

/** What each stage offers, and to whom (domain/project.ts STEP_RULES in the service decides; this only offers). */
const ACTIONS: Record<string, { action: Action; label: string; roles: string[] }[]> = {
  RESERVE: [
    { action: 'approve', label: '遴选立项', roles: ['county'] },
    { action: 'reject', label: '不予立项', roles: ['county'] },
  ],
  APPROVED: [{ action: 'start', label: '开始实施', roles: ['village', 'town', 'department', 'county'] }],
  IN_PROGRESS: [
    { action: 'milestone', label: '登记进度', roles: ['village', 'town', 'department', 'county'] },
    { action: 'pay', label: '报账拨付', roles: ['county', 'department'] },
    { action: 'accept', label: '竣工验收', roles: ['county'] },
  ],
  ACCEPTED: [
    { action: 'pay', label: '结算拨付', roles: ['county', 'department'] },
    { action: 'handover', label: '资产移交', roles: ['county', 'town'] },
  ],
};
const EVIDENCE_FOR: Record<Action, (typeof fundsApi.EVIDENCE_KINDS)[number]> = {
  approve: 'meeting-minutes',
  reject: 'other',
  start: 'implementation-plan',
  milestone: 'progress-photo',
  accept: 'acceptance-report',
  handover: 'handover',
  pay: 'invoice',
};

export default function ProjectPage() {
  const who = useSignedIn();
  const { projectId = '' } = useParams();
  const project = useCall(fundsApi.getProject, { params: { projectId } });
  const [acting, setActing] = useState<Action | undefined>();
  if (project.isLoading) return <Loading what="项目" />;
  if (!project.data) return <ErrorAlert error={project.error} onRetry={() => void project.refetch()} />;
  const p = project.data;
  const offered = (ACTIONS[p.state] ?? []).filter((a) => a.roles.includes(who.role) && (a.action !== 'pay' || mayCall(who, fundsApi.payProject)));
  const stage = STAGES.indexOf(p.state as (typeof STAGES)[number]);
  return (
    <>
      <PageTitle
        title={p.name}
        extra={
          <Space>
            {offered.map((a) => (
              <Button key={a.action} type={a.action === 'reject' ? 'default' : 'primary'} onClick={() => setActing(a.action)}>
                {a.label}
              </Button>
            ))}
          </Space>
        }
      />
      <Steps
        style={{ marginBottom: 24 }}
        current={p.state === 'REJECTED' ? 0 : stage}
        status={p.state === 'REJECTED' ? 'error' : 'process'}
        items={STAGES.map((s) => ({ title: PROJECT_STATE_ZH[s] }))}
      />
      <Descriptions bordered size="small" column={2}>
        <Descriptions.Item label="类型">{PROJECT_TYPE_ZH[p.type]}</Descriptions.Item>
        <Descriptions.Item label="所在">
          <RegionName code={p.region} full />
        </Descriptions.Item>
        <Descriptions.Item label="阶段">{PROJECT_STATE_ZH[p.state]}</Descriptions.Item>
        <Descriptions.Item label="实施单位">{p.implementer}</Descriptions.Item>
        <Descriptions.Item label="预算">{fen(p.budgetFen)}</Descriptions.Item>
        <Descriptions.Item label="已安排未拨付">{fen(p.committedFen)}</Descriptions.Item>
        <Descriptions.Item label="已拨付">{fen(p.disbursedFen)}</Descriptions.Item>
        <Descriptions.Item label="计划工期">
          {p.plannedStart} 至 {p.plannedEnd}
        </Descriptions.Item>
        <Descriptions.Item label="建设内容" span={2}>
          {p.description}
        </Descriptions.Item>
        {p.meeting && (
          <Descriptions.Item label="立项会议" span={2}>
            {p.meeting.date} {p.meeting.body}：{p.meeting.decision}
          </Descriptions.Item>
        )}
      </Descriptions>
      <h2>受益贫困户</h2>
      <Table
        rowKey="householdId"
        size="small"
        pagination={false}
        dataSource={p.beneficiaries}
        locale={{ emptyText: '无' }}
        columns={[
          { title: '户主', dataIndex: 'headName', render: (n?: string) => n ?? '—' },
          { title: '带贫方式', dataIndex: 'link', render: (l: string) => LINK_ZH[l] },
          { title: '股份', dataIndex: 'shares' },
        ]}
      />
      <h2>办理记录</h2>
      <Table
        rowKey={(s) => `${s.at}-${s.action}`}
        size="small"
        pagination={false}
        dataSource={p.steps}
        columns={[
          { title: '环节', dataIndex: 'action', render: (a: string) => STEP_ZH[a] ?? '办理' },
          { title: '时间', dataIndex: 'at', render: (at: string) => date(at) },
          { title: '经办', dataIndex: 'by' },
          { title: '材料', dataIndex: 'evidence', render: (ev: { kind: string; ref: string }[]) => ev.map((e) => `${EVIDENCE_ZH[e.kind] ?? '材料'}：${e.ref}`).join('；') || '—' },
          { title: '说明', dataIndex: 'note', render: (n?: string) => n ?? '' },
        ]}
      />
      <h2>进度与拨付</h2>
      <Table
        rowKey={(m) => `${m.date}-${m.name}`}
        size="small"
        pagination={false}
        dataSource={p.milestones}
        locale={{ emptyText: '尚无进度节点' }}
        columns={[
          { title: '节点', dataIndex: 'name' },
          { title: '日期', dataIndex: 'date' },
          { title: '完成进度', dataIndex: 'progressPercent', render: (v: number) => `${v}%` },
        ]}
      />
      <Table
        rowKey="paymentId"
        size="small"
        pagination={false}
        style={{ marginTop: 12 }}
        dataSource={p.payments}
        locale={{ emptyText: '尚未拨付' }}
        columns={[
          { title: '拨付日期', dataIndex: 'paidOn' },
          { title: '金额', dataIndex: 'amountFen', render: (v: number) => fen(v) },
          { title: '收款单位', dataIndex: 'payee' },
          { title: '经办', dataIndex: 'by' },
        ]}
      />
      {acting && <StepModal project={p} action={acting} onClose={() => setActing(undefined)} />}
    </>
  );
}

type Project = NonNullable<ReturnType<typeof useCall<typeof fundsApi.getProject>>['data']>;

function StepModal(props: { project: Project; action: Action; onClose: () => void }) {
  const [confirm, confirmHolder] = useConfirm();
  const { project, action } = props;
  const [form] = Form.useForm();
  const [error, setError] = useState<string>();
  const regions = useRegions();
  const funds = useCall(fundsApi.listFunds, { query: { region: project.region } }, { enabled: action === 'approve' || action === 'pay' });
  const pots = (funds.data?.items ?? []).flatMap((f) =>
    f.pots
      .filter((pot) => isWithinRegion(project.region, pot.region))
      .map((pot) => ({ value: pot.potId, label: `${f.title}（${regions.data?.find((r) => r.code === pot.region)?.name ?? ''}，结余 ${fen(pot.availableFen)}）` })),
  );
  const projectPots = Object.keys(project.accounts).map((potId) => pots.find((o) => o.value === potId) ?? { value: potId, label: '已安排资金' });
  const refresh = [fundsApi.getProject, fundsApi.listProjects, fundsApi.listFunds, fundsApi.listAssets];
  // biome-ignore lint/suspicious/noExplicitAny: the form's values per action
  const step = useCallMutation(fundsApi.stepProject, (body: any) => ({ params: { projectId: project.projectId }, body: { ...body, expectedVersion: project.version } }), refresh);
  // biome-ignore lint/suspicious/noExplicitAny: as above
  const pay = useCallMutation(fundsApi.payProject, (body: any) => ({ params: { projectId: project.projectId }, body: { ...body, expectedVersion: project.version } }), refresh);
  // biome-ignore lint/suspicious/noExplicitAny: the form's values
  const submit = (v: any) => {
    const evidence = evidenceOf(EVIDENCE_FOR[action], v.files);
    const done = { onSuccess: props.onClose, onError: (e: unknown) => setError(showServerErrors(form, e)) };
    if (action === 'pay') return pay.mutate({ potId: v.potId, amountFen: toFen(v.amountYuan), payee: v.payee, paidOn: v.paidOn.format('YYYY-MM-DD'), evidence }, done);
    if (action === 'approve')
      return step.mutate(
        {
          action,
          evidence,
          meeting: { date: v.meetingDate.format('YYYY-MM-DD'), body: v.meetingBody, decision: v.decision },
          commitments: v.potId ? [{ potId: v.potId, amountFen: toFen(v.amountYuan) }] : [],
        },
        done,
      );
    if (action === 'milestone') return step.mutate({ action, evidence, milestone: { name: v.name, date: v.date.format('YYYY-MM-DD'), progressPercent: v.progressPercent } }, done);
    if (action === 'handover')
      return step.mutate(
        {
          action,
          evidence,
          asset: {
            name: v.name,
            operator: v.operator,
            maintainer: v.maintainer,
            valueFen: toFen(v.valueYuan),
            rule: { collectivePercent: v.collectivePercent, collectiveFund: v.collectiveFund },
          },
        },
        done,
      );
    return step.mutate({ action, evidence, ...(v.note ? { note: v.note } : {}) }, done);
  };
  const title = { approve: '遴选立项', reject: '不予立项', start: '开始实施', milestone: '登记进度', accept: '竣工验收', handover: '资产移交', pay: '报账拨付' }[action];
  return (
    <Modal
      open
      title={`${title}：${project.name}`}
      okText="提交"
      cancelText="取消"
      onCancel={props.onClose}
      confirmLoading={step.isPending || pay.isPending}
      onOk={() =>
        confirm({
          title: `确认${title}`,
          content: action === 'accept' ? '验收后项目内容不能再修改。' : action === 'pay' ? '拨付将记入资金台账，不能撤回。' : '提交后进入下一环节。',
          onOk: () => form.submit(),
        })
      }
    >
      {confirmHolder}
      <Form
        form={form}
        layout="vertical"
        onFinish={submit}
        initialValues={{ collectivePercent: 20, collectiveFund: 'filial-piety-fund', name: action === 'handover' ? project.name : undefined, payee: project.implementer }}
      >
        {action === 'approve' && (
          <>
            <Form.Item label="会议日期" name="meetingDate" rules={[{ required: true, message: '请选择会议日期' }]}>
              <DatePicker style={{ width: '100%' }} />
            </Form.Item>
            <Form.Item label="会议" name="meetingBody" rules={[{ required: true, message: '请填写会议名称' }]}>
              <Input maxLength={80} placeholder="如：区扶贫开发领导小组会议" />
            </Form.Item>
            <Form.Item label="会议决定" name="decision" rules={[{ required: true, message: '请填写会议决定' }]}>
              <Input maxLength={300} />
            </Form.Item>
            <Form.Item label="安排资金" name="potId">
              <Select allowClear options={pots} placeholder="选择资金" />
            </Form.Item>
            <Form.Item label="安排金额（元）" name="amountYuan">
              <InputNumber min={0.01} precision={2} style={{ width: '100%' }} />
            </Form.Item>
          </>
        )}
        {action === 'reject' && (
          <Form.Item label="不予立项理由" name="note" rules={[{ required: true, message: '请填写理由' }]}>
            <Input.TextArea maxLength={500} />
          </Form.Item>
        )}
        {action === 'milestone' && (
          <>
            <Form.Item label="节点名称" name="name" rules={[{ required: true, message: '请填写节点名称' }]}>
              <Input maxLength={60} />
            </Form.Item>
            <Form.Item label="日期" name="date" rules={[{ required: true, message: '请选择日期' }]}>
              <DatePicker style={{ width: '100%' }} />
            </Form.Item>
            <Form.Item label="完成进度（%）" name="progressPercent" rules={[{ required: true, message: '请填写完成进度' }]}>
              <InputNumber min={1} max={100} style={{ width: '100%' }} />
            </Form.Item>
          </>
        )}
        {action === 'pay' && (
          <>
            <Form.Item label="资金" name="potId" rules={[{ required: true, message: '请选择资金' }]}>
              <Select options={projectPots} />
            </Form.Item>
            <Form.Item label="拨付金额（元）" name="amountYuan" rules={[{ required: true, message: '请填写金额' }]}>
              <InputNumber min={0.01} precision={2} style={{ width: '100%' }} />
            </Form.Item>
            <Form.Item label="收款单位" name="payee" rules={[{ required: true, message: '请填写收款单位' }]}>
              <Input maxLength={80} />
            </Form.Item>
            <Form.Item label="拨付日期" name="paidOn" rules={[{ required: true, message: '请选择日期' }]}>
              <DatePicker style={{ width: '100%' }} />
            </Form.Item>
          </>
        )}
        {action === 'handover' && (
          <>
            <Form.Item label="资产名称" name="name" rules={[{ required: true, message: '请填写资产名称' }]}>
              <Input maxLength={80} />
            </Form.Item>
            <Form.Item label="运营主体" name="operator">
              <Input maxLength={80} />
            </Form.Item>
            <Form.Item label="管护主体" name="maintainer">
              <Input maxLength={80} />
            </Form.Item>
            <Form.Item label="资产价值（元）" name="valueYuan" rules={[{ required: true, message: '请填写资产价值' }]}>
              <InputNumber min={0.01} precision={2} style={{ width: '100%' }} />
            </Form.Item>
            <Form.Item label="村集体留存比例（%）" name="collectivePercent" rules={[{ required: true, message: '请填写比例' }]}>
              <InputNumber min={0} max={49} style={{ width: '100%' }} />
            </Form.Item>
            <Form.Item label="村集体部分纳入" name="collectiveFund">
              <Select options={Object.entries(COLLECTIVE_FUND_ZH).map(([value, label]) => ({ value, label }))} />
            </Form.Item>
          </>
        )}
        <EvidenceField kind={EVIDENCE_FOR[action]} required={action !== 'reject'} />
        {error && <Alert type="error" showIcon message={error} />}
      </Form>
    </Modal>
  );
}
