import { fundsApi, identificationApi } from '@jingzhun/types';
import { Alert, Button, DatePicker, Form, Input, InputNumber, Modal, Select, Table } from 'antd';
import { useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { mayCall } from '../../../access.js';
import { fen } from '../../../format.js';
import { ErrorAlert, PageTitle } from '../../app/Feedback.js';
import { showServerErrors } from '../../app/forms.js';
import { useCall, useCallMutation } from '../../app/query.js';
import { RegionName, RegionPicker } from '../../app/regions.js';
import { useSignedIn } from '../../app/session.js';
import { EvidenceField, evidenceOf } from './Evidence.js';
import { LINK_ZH, PROJECT_STATE_ZH, PROJECT_TYPE_ZH, toFen } from './labels.js';

/** 项目库: the region's projects by stage; a village or town proposes a new one with its beneficiaries. */
export default function ProjectsPage() {
  const who = useSignedIn();
  const [search, setSearch] = useSearchParams();
  const region = search.get('region') ?? who.region;
  const state = search.get('state') ?? undefined;
  const list = useCall(fundsApi.listProjects, { query: { region, ...(state ? { state: state as (typeof fundsApi.PROJECT_STATES)[number] } : {}) } });
  const [proposing, setProposing] = useState(false);
  const update = (changes: Record<string, string | undefined>) => {
    const params = new URLSearchParams(search);
    for (const [key, value] of Object.entries(changes)) value ? params.set(key, value) : params.delete(key);
    setSearch(params);
  };
  return (
    <>
      <PageTitle
        title="项目库"
        extra={
          mayCall(who, fundsApi.proposeProject) ? (
            <Button type="primary" onClick={() => setProposing(true)}>
              申报项目
            </Button>
          ) : undefined
        }
      />
      <Form layout="inline" style={{ marginBottom: 16, rowGap: 8 }}>
        <Form.Item label="区划">
          <RegionPicker within={who.region} value={region} onChange={(code) => update({ region: code === who.region ? undefined : code })} />
        </Form.Item>
        <Form.Item label="阶段">
          <Select
            allowClear
            aria-label="阶段"
            placeholder="全部阶段"
            style={{ width: 160 }}
            value={state}
            onChange={(value?: string) => update({ state: value })}
            options={Object.entries(PROJECT_STATE_ZH).map(([value, label]) => ({ value, label }))}
          />
        </Form.Item>
      </Form>
      <ErrorAlert error={list.error} onRetry={() => void list.refetch()} />
      <Table
        rowKey="projectId"
        loading={list.isLoading}
        dataSource={list.data?.items ?? []}
        pagination={{ pageSize: 20 }}
        locale={{ emptyText: '暂无项目' }}
        columns={[
          { title: '项目名称', dataIndex: 'name', render: (name: string, p) => <Link to={`/funds/projects/${p.projectId}`}>{name}</Link> },
          { title: '类型', dataIndex: 'type', render: (t: string) => PROJECT_TYPE_ZH[t] ?? '其他' },
          { title: '所在', dataIndex: 'region', render: (code: string) => <RegionName code={code} /> },
          { title: '预算', dataIndex: 'budgetFen', render: (v: number) => fen(v) },
          { title: '已拨付', dataIndex: 'disbursedFen', render: (v: number) => fen(v) },
          { title: '受益户', render: (_: unknown, p) => `${p.beneficiaries.length} 户` },
          { title: '阶段', dataIndex: 'state', render: (s: string) => PROJECT_STATE_ZH[s] ?? '办理中' },
        ]}
      />
      {proposing && <ProposeModal onClose={() => setProposing(false)} />}
    </>
  );
}

function ProposeModal(props: { onClose: () => void }) {
  const who = useSignedIn();
  const [form] = Form.useForm();
  const [error, setError] = useState<string>();
  const village = Form.useWatch('region', form) as string | undefined;
  const households = useCall(identificationApi.listHouseholds, { query: { region: village ?? who.region, limit: 100 } }, { enabled: Boolean(village) });
  type Values = {
    name: string;
    type: (typeof fundsApi.PROJECT_TYPES)[number];
    region: string;
    implementer: string;
    budgetYuan: number;
    period: [{ format(f: string): string }, { format(f: string): string }];
    description: string;
    beneficiaries?: string[];
    link: (typeof fundsApi.LINK_TYPES)[number];
    files: never[];
  };
  const propose = useCallMutation(
    fundsApi.proposeProject,
    (v: Values) => ({
      body: {
        name: v.name,
        type: v.type,
        region: v.region,
        implementer: v.implementer,
        year: Number(v.period[0].format('YYYY')),
        budgetFen: toFen(v.budgetYuan),
        plannedStart: v.period[0].format('YYYY-MM-DD'),
        plannedEnd: v.period[1].format('YYYY-MM-DD'),
        description: v.description,
        beneficiaries: (v.beneficiaries ?? []).map((householdId) => ({ householdId, link: v.link, shares: 1 })),
        evidence: evidenceOf('proposal', v.files),
      },
    }),
    [fundsApi.listProjects],
  );
  return (
    <Modal open width={720} title="申报项目入库" okText="申报" cancelText="取消" onCancel={props.onClose} onOk={() => form.submit()} confirmLoading={propose.isPending}>
      <Form
        form={form}
        layout="vertical"
        initialValues={{ region: who.role === 'village' ? who.region : undefined, link: 'shares' }}
        onFinish={(values: Values) => propose.mutate(values, { onSuccess: props.onClose, onError: (e) => setError(showServerErrors(form, e)) })}
      >
        <Form.Item label="项目名称" name="name" rules={[{ required: true, message: '请填写项目名称' }]}>
          <Input maxLength={80} />
        </Form.Item>
        <Form.Item label="项目类型" name="type" rules={[{ required: true, message: '请选择项目类型' }]}>
          <Select options={Object.entries(PROJECT_TYPE_ZH).map(([value, label]) => ({ value, label }))} />
        </Form.Item>
        <Form.Item label="建设地点" name="region" rules={[{ required: true, message: '请选择建设地点' }]}>
          <RegionPicker within={who.region} />
        </Form.Item>
        <Form.Item label="实施单位" name="implementer" rules={[{ required: true, message: '请填写实施单位' }]}>
          <Input maxLength={80} />
        </Form.Item>
        <Form.Item label="预算（元）" name="budgetYuan" rules={[{ required: true, message: '请填写预算' }]}>
          <InputNumber min={0.01} precision={2} style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item label="计划工期" name="period" rules={[{ required: true, message: '请选择计划开工和完工日期' }]}>
          <DatePicker.RangePicker style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item label="建设内容" name="description" rules={[{ required: true, message: '请填写建设内容' }]}>
          <Input.TextArea maxLength={1000} rows={3} />
        </Form.Item>
        <Form.Item label="受益贫困户" name="beneficiaries">
          <Select
            mode="multiple"
            showSearch
            optionFilterProp="label"
            placeholder={village ? '输入户主姓名查找' : '请先选择建设地点'}
            options={(households.data?.items ?? []).map((h) => ({ value: h.householdId, label: h.headName }))}
          />
        </Form.Item>
        <Form.Item label="带贫方式" name="link">
          <Select options={Object.entries(LINK_ZH).map(([value, label]) => ({ value, label }))} />
        </Form.Item>
        <EvidenceField kind="proposal" />
        {error && <Alert type="error" showIcon message={error} />}
      </Form>
    </Modal>
  );
}
