import { supervisionApi } from '@jingzhun/types';
import { Alert, Button, DatePicker, Form, Input, Modal, Select, Space, Table, Tag } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useSearchParams } from 'react-router';
import { mayCall } from '../../../access.js';
import { ErrorAlert, PageTitle } from '../../app/Feedback.js';
import { showServerErrors } from '../../app/forms.js';
import { useCall, useCallMutation } from '../../app/query.js';
import { useSignedIn } from '../../app/session.js';
import { ESCALATION_ZH, FINDING_SOURCE_ZH, FINDING_STATUS_ZH, zhOf } from './labels.js';

const DISTRICT_OF = (region: string) => `${region.slice(0, 6)}000000`;
type Finding = {
  findingId: string;
  title: string;
  description: string;
  source: string;
  ownerUnitName: string;
  foundOn: string;
  deadline: string;
  status: string;
  escalation: number;
  version: number;
  progress: { measures: string }[];
  review?: { opinion: string; outcome: string };
};
type Dialog = { kind: 'create' } | { kind: 'progress' | 'review'; finding: Finding };

/** 整改台账: findings with owner, deadline, measures and evidence; 销号 by the reviewing office with its evidence. */
export default function FindingsPage() {
  const who = useSignedIn();
  const district = DISTRICT_OF(who.region);
  const [search, setSearch] = useSearchParams();
  const status = search.get('status') ?? undefined;
  const list = useCall(supervisionApi.listFindings, { params: { district }, query: status ? { status: status as 'open' } : {} });
  const [dialog, setDialog] = useState<Dialog>();
  const reviewer = who.role === 'county' || who.role === 'leading_group';
  return (
    <>
      <PageTitle title="整改台账">
        <Select
          aria-label="整改状态"
          allowClear
          placeholder="全部事项"
          style={{ width: 160 }}
          value={status}
          onChange={(value?: string) => setSearch(value ? { status: value } : {})}
          options={[...Object.entries(FINDING_STATUS_ZH).map(([value, label]) => ({ value, label })), { value: 'overdue', label: '已逾期' }]}
        />
        {mayCall(who, supervisionApi.createFinding) && (
          <Button type="primary" onClick={() => setDialog({ kind: 'create' })}>
            登记问题
          </Button>
        )}
      </PageTitle>
      <ErrorAlert error={list.error} onRetry={() => void list.refetch()} />
      <Table<Finding>
        rowKey="findingId"
        loading={list.isLoading}
        dataSource={(list.data?.items ?? []) as Finding[]}
        pagination={false}
        locale={{ emptyText: '没有整改事项' }}
        columns={[
          { title: '问题', dataIndex: 'title' },
          { title: '来源', dataIndex: 'source', render: (s: string) => zhOf(FINDING_SOURCE_ZH, s) },
          { title: '责任单位', dataIndex: 'ownerUnitName' },
          { title: '整改期限', dataIndex: 'deadline' },
          {
            title: '状态',
            render: (_: unknown, f) => (
              <Space>
                {zhOf(FINDING_STATUS_ZH, f.status)}
                {f.escalation > 0 && <Tag color={f.escalation > 1 ? 'red' : 'orange'}>{ESCALATION_ZH[f.escalation]}</Tag>}
              </Space>
            ),
          },
          { title: '整改措施', render: (_: unknown, f) => f.progress.at(-1)?.measures ?? '—' },
          { title: '复核意见', render: (_: unknown, f) => f.review?.opinion ?? '—' },
          {
            title: '操作',
            render: (_: unknown, f) => (
              <Space>
                {!reviewer && f.status !== 'closed' && mayCall(who, supervisionApi.reportProgress) && (
                  <Button size="small" onClick={() => setDialog({ kind: 'progress', finding: f })}>
                    报送整改情况
                  </Button>
                )}
                {reviewer && f.status === 'submitted' && (
                  <Button size="small" type="primary" onClick={() => setDialog({ kind: 'review', finding: f })}>
                    复核销号
                  </Button>
                )}
              </Space>
            ),
          },
        ]}
      />
      {dialog?.kind === 'create' && <CreateModal district={district} onClose={() => setDialog(undefined)} />}
      {dialog?.kind === 'progress' && <ProgressModal district={district} finding={dialog.finding} onClose={() => setDialog(undefined)} />}
      {dialog?.kind === 'review' && <ReviewModal district={district} finding={dialog.finding} onClose={() => setDialog(undefined)} />}
    </>
  );
}

function EvidenceFields() {
  return (
    <>
      <Form.Item name="title" label="佐证材料名称" rules={[{ required: true, message: '请填写佐证材料名称' }]}>
        <Input maxLength={100} />
      </Form.Item>
      <Form.Item name="reference" label="文号或编号" rules={[{ required: true, message: '请填写文号或编号' }]}>
        <Input maxLength={100} />
      </Form.Item>
    </>
  );
}

function CreateModal(props: { district: string; onClose: () => void }) {
  const [form] = Form.useForm();
  const [message, setMessage] = useState<string>();
  const units = useCall(supervisionApi.listUnits, { params: { district: props.district }, query: {} });
  const save = useCallMutation(
    supervisionApi.createFinding,
    (v: { source: 'inspection'; title: string; description: string; ownerUnitId: string; foundOn: dayjs.Dayjs; deadline: dayjs.Dayjs }) => ({
      params: { district: props.district },
      body: { ...v, foundOn: v.foundOn.format('YYYY-MM-DD'), deadline: v.deadline.format('YYYY-MM-DD') },
    }),
    [supervisionApi.listFindings],
  );
  return (
    <Modal
      open
      title="登记问题，列入整改台账"
      okText="登记"
      cancelText="取消"
      onCancel={props.onClose}
      confirmLoading={save.isPending}
      onOk={() => form.validateFields().then((v) => save.mutate(v, { onSuccess: props.onClose, onError: (e) => setMessage(showServerErrors(form, e)) }))}
    >
      <Form form={form} layout="vertical" initialValues={{ source: 'inspection', foundOn: dayjs() }}>
        <Form.Item name="source" label="问题来源">
          <Select options={Object.entries(FINDING_SOURCE_ZH).map(([value, label]) => ({ value, label }))} />
        </Form.Item>
        <Form.Item name="title" label="问题" rules={[{ required: true, message: '请填写问题' }]}>
          <Input maxLength={200} />
        </Form.Item>
        <Form.Item name="description" label="具体情况" rules={[{ required: true, message: '请填写具体情况' }]}>
          <Input.TextArea rows={3} maxLength={1000} />
        </Form.Item>
        <Form.Item name="ownerUnitId" label="整改责任单位" rules={[{ required: true, message: '请选择整改责任单位' }]}>
          <Select showSearch optionFilterProp="label" options={(units.data?.items ?? []).map((u) => ({ value: u.unitId, label: u.name }))} />
        </Form.Item>
        <Space>
          <Form.Item name="foundOn" label="发现日期" rules={[{ required: true, message: '请选择日期' }]}>
            <DatePicker />
          </Form.Item>
          <Form.Item name="deadline" label="整改期限" rules={[{ required: true, message: '请选择整改期限' }]}>
            <DatePicker />
          </Form.Item>
        </Space>
      </Form>
      {message && <Alert type="error" title={message} />}
    </Modal>
  );
}

function ProgressModal(props: { district: string; finding: Finding; onClose: () => void }) {
  const [form] = Form.useForm();
  const [message, setMessage] = useState<string>();
  const save = useCallMutation(
    supervisionApi.reportProgress,
    (v: { measures: string; title: string; reference: string }) => ({
      params: { district: props.district, findingId: props.finding.findingId },
      body: { measures: v.measures, evidence: [{ title: v.title, reference: v.reference }], expectedVersion: props.finding.version },
    }),
    [supervisionApi.listFindings],
  );
  return (
    <Modal
      open
      title={`报送整改情况：${props.finding.title}`}
      okText="报送"
      cancelText="取消"
      onCancel={props.onClose}
      confirmLoading={save.isPending}
      onOk={() => form.validateFields().then((v) => save.mutate(v, { onSuccess: props.onClose, onError: (e) => setMessage(showServerErrors(form, e)) }))}
    >
      <Form form={form} layout="vertical">
        <Form.Item name="measures" label="整改措施" rules={[{ required: true, message: '请填写整改措施' }]}>
          <Input.TextArea rows={3} maxLength={2000} />
        </Form.Item>
        <EvidenceFields />
      </Form>
      {message && <Alert type="error" title={message} />}
    </Modal>
  );
}

function ReviewModal(props: { district: string; finding: Finding; onClose: () => void }) {
  const [form] = Form.useForm();
  const [message, setMessage] = useState<string>();
  const outcome = Form.useWatch('outcome', form) ?? 'closed';
  const save = useCallMutation(
    supervisionApi.reviewFinding,
    (v: { outcome: 'closed' | 'returned'; opinion: string; title?: string; reference?: string }) => ({
      params: { district: props.district, findingId: props.finding.findingId },
      body: {
        outcome: v.outcome,
        opinion: v.opinion,
        evidence: v.title && v.reference ? [{ title: v.title, reference: v.reference }] : [],
        expectedVersion: props.finding.version,
      },
    }),
    [supervisionApi.listFindings],
  );
  return (
    <Modal
      open
      title={`复核：${props.finding.title}`}
      okText="确定"
      cancelText="取消"
      onCancel={props.onClose}
      confirmLoading={save.isPending}
      onOk={() => form.validateFields().then((v) => save.mutate(v, { onSuccess: props.onClose, onError: (e) => setMessage(showServerErrors(form, e)) }))}
    >
      <p>整改措施：{props.finding.progress.at(-1)?.measures}</p>
      <Form form={form} layout="vertical" initialValues={{ outcome: 'closed' }}>
        <Form.Item name="outcome" label="复核结果">
          <Select
            options={[
              { value: 'closed', label: '整改到位，销号' },
              { value: 'returned', label: '未整改到位，退回' },
            ]}
          />
        </Form.Item>
        <Form.Item name="opinion" label="复核意见" rules={[{ required: true, message: '请填写复核意见' }]}>
          <Input.TextArea rows={3} maxLength={1000} />
        </Form.Item>
        {outcome === 'closed' && <EvidenceFields />}
      </Form>
      {message && <Alert type="error" title={message} />}
    </Modal>
  );
}
