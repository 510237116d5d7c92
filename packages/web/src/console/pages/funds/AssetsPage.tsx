import { fundsApi } from '@jingzhun/types';
import { Alert, Button, DatePicker, Form, Input, InputNumber, Modal, Space, Table } from 'antd';
import { useState } from 'react';
import { useSearchParams } from 'react-router';
import { mayCall } from '../../../access.js';
import { fen } from '../../../format.js';
import { ErrorAlert, PageTitle } from '../../app/Feedback.js';
import { showServerErrors } from '../../app/forms.js';
import { useCall, useCallMutation } from '../../app/query.js';
import { RegionName, RegionPicker } from '../../app/regions.js';
import { useSignedIn } from '../../app/session.js';
import { useConfirm } from './confirm.js';
import { EvidenceField, evidenceOf } from './Evidence.js';
import { COLLECTIVE_FUND_ZH, LINK_ZH, PROJECT_TYPE_ZH, toFen } from './labels.js';

type AssetRow = NonNullable<ReturnType<typeof useCall<typeof fundsApi.listAssets>>['data']>['items'][number];

/** 资产与收益分配: the asset register, income recorded and its distribution to households and the collective. */
export default function AssetsPage() {
  const who = useSignedIn();
  const [search, setSearch] = useSearchParams();
  const region = search.get('region') ?? who.region;
  const list = useCall(fundsApi.listAssets, { query: { region } });
  const [recording, setRecording] = useState<AssetRow | undefined>();
  const [distributing, setDistributing] = useState<AssetRow | undefined>();
  const mayWrite = mayCall(who, fundsApi.recordIncome);
  return (
    <>
      <PageTitle title="资产与收益分配" />
      <Form layout="inline" style={{ marginBottom: 16 }}>
        <Form.Item label="区划">
          <RegionPicker within={who.region} value={region} onChange={(code) => setSearch(code === who.region ? {} : { region: code })} />
        </Form.Item>
      </Form>
      <ErrorAlert error={list.error} onRetry={() => void list.refetch()} />
      <Table
        rowKey="assetId"
        loading={list.isLoading}
        dataSource={list.data?.items ?? []}
        pagination={false}
        locale={{ emptyText: '暂无登记资产' }}
        expandable={{ expandedRowRender: (asset) => <AssetDetail assetId={asset.assetId} /> }}
        columns={[
          { title: '资产名称', dataIndex: 'name' },
          { title: '类型', dataIndex: 'type', render: (t: string) => PROJECT_TYPE_ZH[t] ?? '其他' },
          { title: '所在', dataIndex: 'region', render: (code: string) => <RegionName code={code} /> },
          { title: '所有权', dataIndex: 'owner' },
          { title: '运营主体', dataIndex: 'operator', render: (o: string | null) => o ?? '未明确' },
          { title: '价值', dataIndex: 'valueFen', render: (v: number) => fen(v) },
          { title: '已登记收益', dataIndex: 'recordedFen', render: (v: number) => fen(v) },
          { title: '已分配', dataIndex: 'distributedFen', render: (v: number) => fen(v) },
          {
            title: '分配规则',
            render: (_: unknown, a: AssetRow) => `村集体 ${a.rule.collectivePercent}% 纳入${COLLECTIVE_FUND_ZH[a.rule.collectiveFund]}，其余按股分配到户`,
          },
          {
            title: '操作',
            render: (_: unknown, a: AssetRow) =>
              mayWrite ? (
                <Space>
                  <Button size="small" onClick={() => setRecording(a)}>
                    登记收益
                  </Button>
                  <Button size="small" disabled={a.recordedFen <= a.distributedFen} onClick={() => setDistributing(a)}>
                    分配收益
                  </Button>
                </Space>
              ) : null,
          },
        ]}
      />
      {recording && <IncomeModal asset={recording} onClose={() => setRecording(undefined)} />}
      {distributing && <DistributeModal asset={distributing} onClose={() => setDistributing(undefined)} />}
    </>
  );
}

function AssetDetail(props: { assetId: string }) {
  const detail = useCall(fundsApi.getAsset, { params: { assetId: props.assetId } });
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Table
        rowKey="incomeId"
        size="small"
        pagination={false}
        title={() => '收益登记'}
        dataSource={detail.data?.incomes ?? []}
        columns={[
          { title: '期间', dataIndex: 'period' },
          { title: '金额', dataIndex: 'amountFen', render: (v: number) => fen(v) },
          { title: '来源', dataIndex: 'source' },
          { title: '经办', dataIndex: 'by' },
        ]}
      />
      {(detail.data?.distributions ?? []).map((d) => (
        <Table
          key={d.distributionId}
          rowKey="householdId"
          size="small"
          pagination={false}
          title={() => `${d.period} 分配 ${fen(d.amountFen)}：村集体 ${fen(d.collectiveFen)} 纳入${COLLECTIVE_FUND_ZH[d.collectiveFund]}`}
          dataSource={d.lines}
          columns={[
            { title: '户主', dataIndex: 'headName', render: (n?: string) => n ?? '—' },
            { title: '带贫方式', dataIndex: 'link', render: (l: string) => LINK_ZH[l] },
            { title: '股份', dataIndex: 'shares' },
            { title: '分得', dataIndex: 'amountFen', render: (v: number) => fen(v) },
          ]}
        />
      ))}
    </Space>
  );
}

function IncomeModal(props: { asset: AssetRow; onClose: () => void }) {
  const [form] = Form.useForm();
  const [error, setError] = useState<string>();
  const record = useCallMutation(
    fundsApi.recordIncome,
    (v: { period: { format(f: string): string }; amountYuan: number; source: string; files: never[] }) => ({
      params: { assetId: props.asset.assetId },
      body: { period: v.period.format('YYYY-MM'), amountFen: toFen(v.amountYuan), source: v.source, evidence: evidenceOf('other', v.files), expectedVersion: props.asset.version },
    }),
    [fundsApi.listAssets, fundsApi.getAsset],
  );
  return (
    <Modal open title={`登记收益：${props.asset.name}`} okText="登记" cancelText="取消" onCancel={props.onClose} onOk={() => form.submit()} confirmLoading={record.isPending}>
      <Form form={form} layout="vertical" onFinish={(v) => record.mutate(v, { onSuccess: props.onClose, onError: (e) => setError(showServerErrors(form, e)) })}>
        <Form.Item label="收益期间" name="period" rules={[{ required: true, message: '请选择月份' }]}>
          <DatePicker picker="month" style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item label="金额（元）" name="amountYuan" rules={[{ required: true, message: '请填写金额' }]}>
          <InputNumber min={0.01} precision={2} style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item label="收益来源" name="source" rules={[{ required: true, message: '请填写来源' }]}>
          <Input maxLength={100} placeholder="如：光伏发电电费" />
        </Form.Item>
        <EvidenceField kind="other" label="结算凭证" />
        {error && <Alert type="error" showIcon message={error} />}
      </Form>
    </Modal>
  );
}

function DistributeModal(props: { asset: AssetRow; onClose: () => void }) {
  const [confirm, confirmHolder] = useConfirm();
  const [form] = Form.useForm();
  const [error, setError] = useState<string>();
  const left = props.asset.recordedFen - props.asset.distributedFen;
  const distribute = useCallMutation(
    fundsApi.distributeIncome,
    (v: { period: { format(f: string): string }; amountYuan: number }) => ({
      params: { assetId: props.asset.assetId },
      body: { period: v.period.format('YYYY-MM'), amountFen: toFen(v.amountYuan), expectedVersion: props.asset.version },
    }),
    [fundsApi.listAssets, fundsApi.getAsset],
  );
  return (
    <Modal
      open
      title={`分配收益：${props.asset.name}`}
      okText="分配并公示"
      cancelText="取消"
      onCancel={props.onClose}
      confirmLoading={distribute.isPending}
      onOk={() => confirm({ title: '确认分配', content: '分配结果将记入受益户并在村内公示，不能撤回。', onOk: () => form.submit() })}
    >
      {confirmHolder}
      <p>可分配 {fen(left)}</p>
      <Form
        form={form}
        layout="vertical"
        initialValues={{ amountYuan: left / 100 }}
        onFinish={(v) => distribute.mutate(v, { onSuccess: props.onClose, onError: (e) => setError(showServerErrors(form, e)) })}
      >
        <Form.Item label="收益期间" name="period" rules={[{ required: true, message: '请选择月份' }]}>
          <DatePicker picker="month" style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item label="分配金额（元）" name="amountYuan" rules={[{ required: true, message: '请填写金额' }]}>
          <InputNumber min={0.01} precision={2} style={{ width: '100%' }} />
        </Form.Item>
        {error && <Alert type="error" showIcon message={error} />}
      </Form>
    </Modal>
  );
}
