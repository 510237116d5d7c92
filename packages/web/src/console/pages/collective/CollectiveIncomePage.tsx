import { collectiveApi } from '@jingzhun/types';
import { Alert, Button, Descriptions, Form, Input, InputNumber, Modal, Select, Table, Tag } from 'antd';
import { useState } from 'react';
import { useSearchParams } from 'react-router';
import { mayCall } from '../../../access.js';
import { fen } from '../../../format.js';
import { ErrorAlert, PageTitle } from '../../app/Feedback.js';
import { showServerErrors } from '../../app/forms.js';
import { useCall, useCallMutation } from '../../app/query.js';
import { RegionPicker } from '../../app/regions.js';
import { useSignedIn } from '../../app/session.js';
import { toFen } from '../funds/labels.js';

/** The sources a person enters (资产收益 arrives from the asset income distribution). */
const ENTERED_SOURCE_ZH: Record<(typeof collectiveApi.ENTERED_SOURCES)[number], string> = {
  operation: '集体经营收入',
  contracting: '发包收入',
  leasing: '租赁收入',
  service: '社会服务收入',
  'poverty-project': '扶贫项目收益',
};

const isVillage = (code: string) => /^\d{12}$/.test(code) && !code.endsWith('000');

/** 村级集体经济台账 (seed 004 L75): a village's collective income by year and source, and whether it meets the exit floor. */
export default function CollectiveIncomePage() {
  const who = useSignedIn();
  const [search, setSearch] = useSearchParams();
  const region = search.get('region') ?? who.region;
  return (
    <>
      <PageTitle title="村级集体经济台账" />
      <Form layout="inline" style={{ marginBottom: 16 }}>
        <Form.Item label="村" htmlFor="collective-village">
          <RegionPicker
            id="collective-village"
            within={who.region}
            value={region}
            placeholder="请选择镇（街）和村"
            onChange={(code) => setSearch(code === who.region ? {} : { region: code })}
          />
        </Form.Item>
      </Form>
      {isVillage(region) ? <Ledger village={region} /> : <Alert type="info" showIcon title="请选择一个村查看其集体经济台账" />}
    </>
  );
}

function Ledger(props: { village: string }) {
  const who = useSignedIn();
  const ledger = useCall(collectiveApi.getLedger, { params: { code: props.village } });
  const [recording, setRecording] = useState(false);
  const mayWrite = mayCall(who, collectiveApi.recordIncome);
  const data = ledger.data;
  return (
    <>
      <ErrorAlert error={ledger.error} onRetry={() => void ledger.refetch()} />
      {data && (
        <>
          <Descriptions size="small" style={{ marginBottom: 12 }} items={[{ key: 'name', label: '村', children: data.villageName }]} />
          {mayWrite && (
            <Button type="primary" style={{ marginBottom: 12 }} onClick={() => setRecording(true)}>
              登记集体收入
            </Button>
          )}
          <Table
            rowKey="year"
            size="small"
            pagination={false}
            title={() => '各年度集体收入'}
            dataSource={data.years}
            columns={[
              { title: '年度', dataIndex: 'year', render: (y: number) => `${y}年` },
              { title: '集体收入合计', dataIndex: 'totalFen', render: (v: number) => fen(v) },
              {
                title: '来源构成',
                render: (_: unknown, y: (typeof data.years)[number]) => (y.bySource.length === 0 ? '无' : y.bySource.map((s) => `${s.sourceZh} ${fen(s.amountFen)}`).join('；')),
              },
              {
                title: '状况',
                render: (_: unknown, y: (typeof data.years)[number]) => (
                  <>
                    {y.hollow && <Tag color="red">空壳村</Tag>}
                    {y.exitFloorFen !== undefined &&
                      (y.meetsExitFloor ? <Tag color="green">达到退出标准（{fen(y.exitFloorFen)}）</Tag> : <Tag color="orange">低于退出标准（{fen(y.exitFloorFen)}）</Tag>)}
                    {y.exitFloorFen === undefined && !y.hollow && <Tag>本地未设收入下限</Tag>}
                  </>
                ),
              },
            ]}
          />
          <Table
            rowKey="entryId"
            size="small"
            style={{ marginTop: 16 }}
            pagination={{ pageSize: 20 }}
            title={() => '收入登记明细'}
            locale={{ emptyText: '暂无登记' }}
            dataSource={data.entries}
            columns={[
              { title: '年度', dataIndex: 'year', render: (y: number) => `${y}年` },
              { title: '来源', dataIndex: 'sourceZh' },
              { title: '金额', dataIndex: 'amountFen', render: (v: number) => fen(v) },
              { title: '说明', dataIndex: 'note' },
              { title: '登记日期', dataIndex: 'recordedOn' },
              { title: '经办', dataIndex: 'by', render: (by: string, e: (typeof data.entries)[number]) => (e.fromFunds ? '资产收益分配（自动）' : by) },
            ]}
          />
        </>
      )}
      {recording && <RecordModal village={props.village} onClose={() => setRecording(false)} />}
    </>
  );
}

function RecordModal(props: { village: string; onClose: () => void }) {
  const [form] = Form.useForm();
  const [error, setError] = useState<string>();
  const thisYear = new Date().getFullYear();
  // From the first year of the register (2014) to this one; the server refuses a future year.
  const years = Array.from({ length: thisYear - 2013 }, (_, i) => thisYear - i);
  const record = useCallMutation(
    collectiveApi.recordIncome,
    (v: { year: number; source: (typeof collectiveApi.ENTERED_SOURCES)[number]; amountYuan: number; note: string }) => ({
      params: { code: props.village },
      body: { year: v.year, source: v.source, amountFen: toFen(v.amountYuan), note: v.note },
    }),
    [collectiveApi.getLedger],
  );
  return (
    <Modal open title="登记集体收入" okText="登记" cancelText="取消" onCancel={props.onClose} onOk={() => form.submit()} confirmLoading={record.isPending}>
      <Form form={form} layout="vertical" onFinish={(v) => record.mutate(v, { onSuccess: props.onClose, onError: (e) => setError(showServerErrors(form, e)) })}>
        <Form.Item label="年度" name="year" rules={[{ required: true, message: '请选择年度' }]}>
          <Select showSearch={{ optionFilterProp: 'label' }} options={years.map((y) => ({ value: y, label: `${y}年` }))} />
        </Form.Item>
        <Form.Item label="收入来源" name="source" rules={[{ required: true, message: '请选择收入来源' }]}>
          <Select options={Object.entries(ENTERED_SOURCE_ZH).map(([value, label]) => ({ value, label }))} />
        </Form.Item>
        <Form.Item label="金额（元）" name="amountYuan" rules={[{ required: true, message: '请填写金额' }]}>
          <InputNumber min={0.01} precision={2} style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item label="说明" name="note" rules={[{ required: true, message: '请写明收入说明' }]}>
          <Input maxLength={200} placeholder="如：集体机动地发包合同" />
        </Form.Item>
        {error && <Alert type="error" showIcon title={error} />}
      </Form>
    </Modal>
  );
}
