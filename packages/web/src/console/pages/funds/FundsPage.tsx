import { fundsApi } from '@jingzhun/types';
import { Alert, Button, DatePicker, Form, Input, InputNumber, Modal, Select, Space, Table, Tag } from 'antd';
import { useState } from 'react';
import { useSearchParams } from 'react-router';
import { mayCall } from '../../../access.js';
import { fen } from '../../../format.js';
import { ErrorAlert, PageTitle } from '../../app/Feedback.js';
import { showServerErrors } from '../../app/forms.js';
import { useCall, useCallMutation } from '../../app/query.js';
import { RegionName, RegionPicker, useRegions } from '../../app/regions.js';
import { useSignedIn } from '../../app/session.js';
import { useConfirm } from './confirm.js';
import { FUND_LEVEL_ZH, PROGRESS_ZH, toFen } from './labels.js';

type FundRow = NonNullable<ReturnType<typeof useFunds>['data']>['items'][number];
const useFunds = (region: string) => useCall(fundsApi.listFunds, { query: { region } });

/** 资金分配: funds received, the factor-method allocation with its explanation, and what each region holds and spent. */
export default function FundsPage() {
  const who = useSignedIn();
  const [search, setSearch] = useSearchParams();
  const region = search.get('region') ?? who.region;
  const funds = useFunds(region);
  const monitoring = useCall(fundsApi.monitoring, { query: { region } });
  const [receiving, setReceiving] = useState(false);
  const [allocating, setAllocating] = useState<FundRow | undefined>();
  const county = who.role === 'county';

  return (
    <>
      <PageTitle
        title="资金分配"
        extra={
          mayCall(who, fundsApi.receiveFund) && county ? (
            <Button type="primary" onClick={() => setReceiving(true)}>
              登记到位资金
            </Button>
          ) : undefined
        }
      />
      <Form layout="inline" style={{ marginBottom: 16 }}>
        <Form.Item label="区划">
          <RegionPicker within={who.region} value={region} onChange={(code) => setSearch(code === who.region ? {} : { region: code })} />
        </Form.Item>
      </Form>
      <ErrorAlert error={funds.error} onRetry={() => void funds.refetch()} />
      <Table
        rowKey="fundId"
        loading={funds.isLoading}
        dataSource={funds.data?.items ?? []}
        pagination={false}
        locale={{ emptyText: '暂无资金' }}
        expandable={{ expandedRowRender: (fund) => <FundDetail fund={fund} /> }}
        columns={[
          { title: '资金名称', dataIndex: 'title' },
          { title: '级次', dataIndex: 'level', render: (l: string) => FUND_LEVEL_ZH[l] ?? '其他' },
          { title: '文号', dataIndex: 'documentNo' },
          { title: '到位金额', dataIndex: 'amountFen', render: (v: number) => fen(v) },
          { title: '到位日期', dataIndex: 'receivedOn' },
          { title: '已支出', render: (_: unknown, fund: FundRow) => fen(fund.pots.reduce((s, p) => s + p.disbursedFen, 0)) },
          {
            title: '操作',
            render: (_: unknown, fund: FundRow) => {
              const pot = fund.pots.find((p) => p.region === fund.region);
              return county && pot && pot.availableFen > 0 ? (
                <Button size="small" onClick={() => setAllocating(fund)}>
                  因素法分配
                </Button>
              ) : null;
            },
          },
        ]}
      />
      <h2 style={{ marginTop: 24 }}>资金监控</h2>
      <ErrorAlert error={monitoring.error} />
      <Table
        rowKey={(row) => `${row.code}-${row.subject}-${row.detail}`}
        dataSource={monitoring.data?.flags ?? []}
        pagination={false}
        locale={{ emptyText: '未发现问题' }}
        columns={[
          { title: '问题', dataIndex: 'nameZh', render: (n: string) => <Tag color="red">{n}</Tag> },
          { title: '所在', dataIndex: 'region', render: (code: string) => <RegionName code={code} /> },
          { title: '情况', dataIndex: 'detail' },
        ]}
      />
      {receiving && <ReceiveModal county={who.region} onClose={() => setReceiving(false)} />}
      {allocating && <AllocateModal fund={allocating} onClose={() => setAllocating(undefined)} />}
    </>
  );
}

function FundDetail(props: { fund: FundRow }) {
  const detail = useCall(fundsApi.getFund, { params: { fundId: props.fund.fundId } }, { enabled: props.fund.pots.some((p) => p.region === props.fund.region) });
  const monitoring = useCall(fundsApi.monitoring, { query: { region: props.fund.region } });
  const progress = new Map((monitoring.data?.progress ?? []).map((p) => [p.potId, p]));
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Table
        rowKey="potId"
        size="small"
        pagination={false}
        dataSource={props.fund.pots}
        columns={[
          { title: '区划', dataIndex: 'region', render: (code: string) => <RegionName code={code} /> },
          { title: '分得', dataIndex: 'inFen', render: (v: number) => fen(v) },
          { title: '已下拨', dataIndex: 'allocatedOutFen', render: (v: number) => fen(v) },
          { title: '已安排项目', dataIndex: 'committedFen', render: (v: number) => fen(v) },
          { title: '已支出', dataIndex: 'disbursedFen', render: (v: number) => fen(v) },
          { title: '结余', dataIndex: 'availableFen', render: (v: number) => fen(v) },
          {
            title: '支出进度',
            dataIndex: 'potId',
            render: (potId: string) =>
              progress.get(potId) ? `${(progress.get(potId)?.progressPermille ?? 0) / 10}%（${PROGRESS_ZH[progress.get(potId)?.status ?? ''] ?? ''}）` : '—',
          },
        ]}
      />
      {(detail.data?.allocations ?? []).map((allocation) => (
        <Table
          key={allocation.allocationId}
          rowKey="region"
          size="small"
          pagination={false}
          title={() => `${allocation.allocatedOn} 因素法分配 ${fen(allocation.amountFen)}（第 ${allocation.factorSet.version} 版因素）`}
          dataSource={allocation.lines}
          columns={[
            { title: '分配对象', dataIndex: 'name' },
            { title: '分配金额', dataIndex: 'amountFen', render: (v: number) => fen(v) },
            {
              title: '计算说明',
              render: (_: unknown, line) =>
                line.explanation.map((e) => `${e.nameZh} ${e.value}，占比 ${(e.sharePpm / 10_000).toFixed(2)}%，权重 ${e.weight}，得 ${fen(e.contributionFen)}`).join('；'),
            },
          ]}
        />
      ))}
    </Space>
  );
}

function ReceiveModal(props: { county: string; onClose: () => void }) {
  const [form] = Form.useForm();
  const [error, setError] = useState<string>();
  const receive = useCallMutation(
    fundsApi.receiveFund,
    (v: {
      title: string;
      level: 'central' | 'province' | 'city' | 'county';
      documentNo: string;
      purpose: string;
      amountYuan: number;
      receivedOn: { format(f: string): string };
    }) => ({
      body: {
        region: props.county,
        year: Number(v.receivedOn.format('YYYY')),
        level: v.level,
        title: v.title,
        documentNo: v.documentNo,
        purpose: v.purpose,
        amountFen: toFen(v.amountYuan),
        receivedOn: v.receivedOn.format('YYYY-MM-DD'),
        pooled: true,
      },
    }),
    [fundsApi.listFunds, fundsApi.monitoring],
  );
  return (
    <Modal open title="登记到位资金" okText="登记" cancelText="取消" onCancel={props.onClose} onOk={() => form.submit()} confirmLoading={receive.isPending}>
      <Form form={form} layout="vertical" onFinish={(values) => receive.mutate(values, { onSuccess: props.onClose, onError: (e) => setError(showServerErrors(form, e)) })}>
        <Form.Item label="资金名称" name="title" rules={[{ required: true, message: '请填写资金名称' }]}>
          <Input maxLength={100} placeholder="如：2019年中央财政专项扶贫资金" />
        </Form.Item>
        <Form.Item label="级次" name="level" rules={[{ required: true, message: '请选择级次' }]}>
          <Select options={Object.entries(FUND_LEVEL_ZH).map(([value, label]) => ({ value, label }))} />
        </Form.Item>
        <Form.Item label="文号" name="documentNo" rules={[{ required: true, message: '请填写下达文号' }]}>
          <Input maxLength={60} />
        </Form.Item>
        <Form.Item label="用途" name="purpose" rules={[{ required: true, message: '请填写资金用途' }]}>
          <Input maxLength={200} />
        </Form.Item>
        <Form.Item label="金额（元）" name="amountYuan" rules={[{ required: true, message: '请填写金额' }]}>
          <InputNumber min={0.01} precision={2} style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item label="到位日期" name="receivedOn" rules={[{ required: true, message: '请选择到位日期' }]}>
          <DatePicker style={{ width: '100%' }} />
        </Form.Item>
        {error && <Alert type="error" showIcon message={error} />}
      </Form>
    </Modal>
  );
}

function AllocateModal(props: { fund: FundRow; onClose: () => void }) {
  const [confirm, confirmHolder] = useConfirm();
  const [form] = Form.useForm();
  const [error, setError] = useState<string>();
  const regions = useRegions();
  const factors = useCall(fundsApi.getFactorSet, { params: { region: props.fund.region } });
  const [chosen, setChosen] = useState<string[]>([]);
  const pot = props.fund.pots.find((p) => p.region === props.fund.region);
  const towns = (regions.data ?? []).filter((r) => r.parent === props.fund.region);
  const set = factors.data?.current;
  type Values = { amountYuan: number; values: Record<string, Record<string, number>> };
  const toBody = (v: Values) => ({
    fromRegion: props.fund.region,
    amountFen: toFen(v.amountYuan),
    factorSetVersion: set?.version ?? 1,
    recipients: chosen.map((code) => ({ region: code, name: towns.find((t) => t.code === code)?.name ?? '', values: v.values?.[code] ?? {} })),
  });
  const preview = useCallMutation(fundsApi.previewAllocation, (v: Values) => ({ params: { fundId: props.fund.fundId }, body: toBody(v) }));
  const allocate = useCallMutation(
    fundsApi.allocateFund,
    (v: Values) => ({ params: { fundId: props.fund.fundId }, body: { ...toBody(v), expectedPotVersion: pot?.version ?? 1 } }),
    [fundsApi.listFunds, fundsApi.getFund, fundsApi.monitoring],
  );
  return (
    <Modal
      open
      width={760}
      title={`因素法分配：${props.fund.title}`}
      okText="确认分配并公开"
      cancelText="取消"
      onCancel={props.onClose}
      onOk={() =>
        confirm({
          title: '确认分配',
          content: '分配结果将记入资金台账并在公示栏公开，公开后不能修改。',
          onOk: () => form.validateFields().then((v: Values) => allocate.mutate(v, { onSuccess: props.onClose, onError: (e) => setError(showServerErrors(form, e)) })),
        })
      }
      confirmLoading={allocate.isPending}
    >
      {confirmHolder}
      <p>
        可分配余额 {fen(pot?.availableFen)}；分配因素：{set?.factors.map((f) => `${f.nameZh}（权重 ${f.weight}）`).join('，')}
      </p>
      <Form form={form} layout="vertical">
        <Form.Item label="分配金额（元）" name="amountYuan" rules={[{ required: true, message: '请填写分配金额' }]}>
          <InputNumber min={0.01} precision={2} style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item label="分配对象">
          <Select
            mode="multiple"
            aria-label="分配对象"
            value={chosen}
            onChange={setChosen}
            options={towns.map((t) => ({ value: t.code, label: t.name }))}
            placeholder="选择镇（街）"
          />
        </Form.Item>
        {chosen.map((code) => (
          <Space key={code} wrap>
            <strong>{towns.find((t) => t.code === code)?.name}</strong>
            {set?.factors.map((f) => (
              <Form.Item key={f.code} label={f.nameZh} name={['values', code, f.code]} rules={[{ required: true, message: '请填写' }]}>
                <InputNumber min={0} />
              </Form.Item>
            ))}
          </Space>
        ))}
        <Button onClick={() => form.validateFields().then((v: Values) => preview.mutate(v, { onError: (e) => setError(showServerErrors(form, e)) }))}>试算</Button>
        {preview.data && (
          <Table
            rowKey="region"
            size="small"
            pagination={false}
            style={{ marginTop: 12 }}
            dataSource={preview.data.lines}
            columns={[
              { title: '分配对象', dataIndex: 'name' },
              { title: '分配金额', dataIndex: 'amountFen', render: (v: number) => fen(v) },
            ]}
          />
        )}
        {error && <Alert type="error" showIcon message={error} style={{ marginTop: 12 }} />}
      </Form>
    </Modal>
  );
}
