import { supervisionApi } from '@jingzhun/types';
import { Alert, App, Button, DatePicker, Descriptions, Form, Input, InputNumber, Modal, Select, Space, Steps, Table, Tag } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useSearchParams } from 'react-router';
import { mayCall } from '../../../access.js';
import { ErrorAlert, PageTitle } from '../../app/Feedback.js';
import { showServerErrors } from '../../app/forms.js';
import { useCall, useCallMutation } from '../../app/query.js';
import { useSignedIn } from '../../app/session.js';
import { ASSESSMENT_STATUS_ZH, CONSEQUENCE_SOURCE_ZH, CONSEQUENCE_STATUS_ZH, GRADE_COLOUR, VETO_SOURCE_ZH, zhOf } from './labels.js';

const DISTRICT_OF = (region: string) => `${region.slice(0, 6)}000000`;
const STEPS = ['draft', 'computed', 'reviewed', 'approved', 'published'];
type Result = {
  unitId: string;
  unitName: string;
  rank: number;
  grade: string;
  award: string | null;
  score: { total: number; items: { code: string; name: string; points: number; weight: number; explanation: string }[] };
  vetoes: { rule: string; name: string; basis: string[] }[];
};

/** 年度考核: scores with the explanation of each point, the one-vote veto, review, approval and the 通报; then 约谈 and the other consequences. */
export default function AssessmentPage() {
  const who = useSignedIn();
  const district = DISTRICT_OF(who.region);
  const [search, setSearch] = useSearchParams();
  const year = Number(search.get('year') ?? '2018');
  const params = { district, year };
  const assessment = useCall(supervisionApi.getAssessment, { params });
  const consequences = useCall(supervisionApi.listConsequences, { params });
  const refetch = [supervisionApi.getAssessment, supervisionApi.listConsequences, supervisionApi.listAudit];
  const input = (_?: undefined) => ({ params, body: {} });
  const compute = useCallMutation(supervisionApi.computeAssessment, input, refetch);
  const review = useCallMutation(supervisionApi.reviewAssessment, input, refetch);
  const approve = useCallMutation(supervisionApi.approveAssessment, input, refetch);
  const publish = useCallMutation(supervisionApi.publishAssessment, input, refetch);
  const [entering, setEntering] = useState<string | undefined>();
  const [deciding, setDeciding] = useState<{ consequenceId: string; name: string; unitName: string; version: number } | undefined>();
  const data = assessment.data;
  const status = data?.status ?? 'draft';
  const failed = compute.error ?? review.error ?? approve.error ?? publish.error;

  // The app's modal (not the static Modal.confirm) so the dialog has the console's locale and button settings.
  const { modal } = App.useApp();
  const confirm = (title: string, content: string, run: () => void) => modal.confirm({ title, content, okText: '确定', cancelText: '取消', onOk: run });

  return (
    <>
      <PageTitle title="年度考核">
        <Select
          aria-label="考核年度"
          style={{ width: 120 }}
          value={year}
          onChange={(value: number) => setSearch({ year: String(value) })}
          options={[2017, 2018, 2019, 2020, 2021].map((y) => ({ value: y, label: `${y}年度` }))}
        />
      </PageTitle>
      <ErrorAlert error={assessment.error} onRetry={() => void assessment.refetch()} />
      <ErrorAlert error={failed} />
      <Steps size="small" current={STEPS.indexOf(status)} style={{ marginBottom: 16 }} items={STEPS.map((s) => ({ title: ASSESSMENT_STATUS_ZH[s] }))} />
      <Space style={{ marginBottom: 16 }} wrap>
        {mayCall(who, supervisionApi.computeAssessment) && (
          <Button disabled={status === 'approved' || status === 'published'} loading={compute.isPending} onClick={() => compute.mutate()}>
            计算考核结果
          </Button>
        )}
        {mayCall(who, supervisionApi.reviewAssessment) && (
          <Button disabled={status !== 'computed'} loading={review.isPending} onClick={() => review.mutate()}>
            提交领导小组审批
          </Button>
        )}
        {mayCall(who, supervisionApi.approveAssessment) && (
          <Button
            type="primary"
            disabled={status !== 'reviewed'}
            loading={approve.isPending}
            onClick={() => confirm('批准考核结果', '批准后考核结果不能再修改，并生成约谈、组织调整建议和奖励记录。', () => approve.mutate())}
          >
            批准考核结果
          </Button>
        )}
        {mayCall(who, supervisionApi.publishAssessment) && (
          <Button
            disabled={status !== 'approved'}
            loading={publish.isPending}
            onClick={() => confirm('发布考核结果通报', '通报将在公示栏发布，被一票否决的单位予以通报批评。', () => publish.mutate())}
          >
            发布通报
          </Button>
        )}
      </Space>
      {data?.scheme && (
        <Alert
          style={{ marginBottom: 16 }}
          type="info"
          title={`${data.scheme.name}：${data.scheme.indicators.map((i) => `${i.name} ${i.weight} 分`).join('，')}。优秀 ${data.scheme.grades.excellent} 分以上，良好 ${data.scheme.grades.good} 分以上，合格 ${data.scheme.grades.pass} 分以上；一票否决的单位为不合格，取消评先树优资格。`}
        />
      )}
      <Table<Result>
        rowKey="unitId"
        loading={assessment.isLoading}
        dataSource={(data?.results ?? []) as Result[]}
        pagination={false}
        locale={{ emptyText: '尚未计算考核结果' }}
        expandable={{
          expandedRowRender: (r) => (
            <Descriptions size="small" column={1} bordered>
              {r.score.items.map((item) => (
                <Descriptions.Item key={item.code} label={item.name}>
                  {item.explanation}
                </Descriptions.Item>
              ))}
              {r.vetoes.map((v) => (
                <Descriptions.Item key={v.rule} label={<Tag color="red">一票否决</Tag>}>
                  {v.name}；{v.basis.join('；')}。依据：{VETO_SOURCE_ZH[v.rule] ?? '考核办法'}
                </Descriptions.Item>
              ))}
            </Descriptions>
          ),
        }}
        columns={[
          { title: '名次', dataIndex: 'rank', width: 70 },
          { title: '单位', dataIndex: 'unitName' },
          { title: '得分', render: (_: unknown, r) => r.score.total.toFixed(1) },
          { title: '等次', dataIndex: 'grade', render: (g: string) => <Tag color={GRADE_COLOUR[g]}>{g}</Tag> },
          {
            title: '一票否决',
            render: (_: unknown, r) =>
              r.vetoes.length
                ? r.vetoes.map((v) => (
                    <Tag key={v.rule} color="red">
                      {v.name}
                    </Tag>
                  ))
                : '无',
          },
          { title: '评先树优', render: (_: unknown, r) => (r.vetoes.length ? '取消资格' : (r.award ?? '—')) },
          ...(mayCall(who, supervisionApi.enterScores) && status !== 'approved' && status !== 'published'
            ? [
                {
                  title: '操作',
                  render: (_: unknown, r: Result) => (
                    <Button size="small" onClick={() => setEntering(r.unitId)}>
                      录入考核数据
                    </Button>
                  ),
                },
              ]
            : []),
        ]}
      />
      {entering && data && (
        <ScoresModal
          district={district}
          year={year}
          unitId={entering}
          unitName={(data.results as Result[]).find((r) => r.unitId === entering)?.unitName ?? ''}
          scheme={data.scheme}
          onClose={() => setEntering(undefined)}
        />
      )}

      <h2 style={{ fontSize: 16, marginTop: 24 }}>考核结果运用</h2>
      <p style={{ color: '#666' }}>{CONSEQUENCE_SOURCE_ZH}</p>
      <ErrorAlert error={consequences.error} />
      <Table
        rowKey="consequenceId"
        loading={consequences.isLoading}
        dataSource={consequences.data?.items ?? []}
        pagination={false}
        locale={{ emptyText: '批准考核结果后生成' }}
        columns={[
          { title: '单位', dataIndex: 'unitName' },
          { title: '事项', dataIndex: 'name' },
          { title: '对象', dataIndex: 'heads', render: (heads: { name: string; post: string }[]) => heads.map((h) => `${h.post} ${h.name}`).join('、') || '—' },
          { title: '原因', dataIndex: 'basis', render: (basis: string[]) => basis.join('；') },
          { title: '状态', dataIndex: 'status', render: (s: string) => zhOf(CONSEQUENCE_STATUS_ZH, s) },
          { title: '落实情况', dataIndex: 'decision', render: (d?: { on: string; summary: string }) => (d ? `${d.on}：${d.summary}` : '—') },
          ...(mayCall(who, supervisionApi.decideConsequence)
            ? [
                {
                  title: '操作',
                  render: (_: unknown, c: { consequenceId: string; name: string; unitName: string; version: number; status: string }) =>
                    c.status === 'proposed' ? (
                      <Button size="small" onClick={() => setDeciding(c)}>
                        登记落实
                      </Button>
                    ) : null,
                },
              ]
            : []),
        ]}
      />
      {deciding && <DecisionModal district={district} year={year} item={deciding} onClose={() => setDeciding(undefined)} />}
    </>
  );
}

type Scheme = { indicators: { code: string; name: string; weight: number; method: string; source: string; min: number; max: number; basis: string }[] };

function ScoresModal(props: { district: string; year: number; unitId: string; unitName: string; scheme: Scheme; onClose: () => void }) {
  const [form] = Form.useForm();
  const [message, setMessage] = useState<string>();
  const save = useCallMutation(
    supervisionApi.enterScores,
    (inputs: { code: string; points?: number; achieved?: number; due?: number }[]) => ({
      params: { district: props.district, year: props.year, unitId: props.unitId },
      body: { inputs } as never,
    }),
    [supervisionApi.getAssessment],
  );
  const entered = props.scheme.indicators.filter((i) => i.source !== 'task-completion' && i.source !== 'rectification-closure');
  return (
    <Modal
      open
      title={`录入考核数据：${props.unitName}`}
      okText="保存"
      cancelText="取消"
      onCancel={props.onClose}
      confirmLoading={save.isPending}
      onOk={() =>
        form.validateFields().then((values: Record<string, number | undefined>) => {
          type Input = { code: string; points?: number; achieved?: number; due?: number };
          const inputs = entered.flatMap((i): Input[] => {
            if (i.method === 'points') return values[`${i.code}.points`] === undefined ? [] : [{ code: i.code, points: values[`${i.code}.points`] as number }];
            if (values[`${i.code}.due`] === undefined) return [];
            return [{ code: i.code, achieved: values[`${i.code}.achieved`] ?? 0, due: values[`${i.code}.due`] as number }];
          });
          save.mutate(inputs, { onSuccess: props.onClose, onError: (error) => setMessage(showServerErrors(form, error)) });
        })
      }
    >
      <p>年度任务完成和整改销号两项由任务台账、整改台账自动计算。</p>
      <Form form={form} layout="vertical">
        {entered.map((i) =>
          i.method === 'points' ? (
            <Form.Item
              key={i.code}
              name={`${i.code}.points`}
              label={`${i.name}（${i.min}—${i.max} 分）`}
              rules={[{ type: 'number', min: i.min, max: i.max, message: `得分须在 ${i.min} 至 ${i.max} 分之间` }]}
            >
              <InputNumber step={0.5} style={{ width: 160 }} />
            </Form.Item>
          ) : (
            <Space key={i.code} align="start">
              <Form.Item name={`${i.code}.achieved`} label={`${i.name}：完成数`}>
                <InputNumber min={0} precision={0} style={{ width: 150 }} />
              </Form.Item>
              <Form.Item name={`${i.code}.due`} label="应完成数">
                <InputNumber min={0} precision={0} style={{ width: 150 }} />
              </Form.Item>
            </Space>
          ),
        )}
      </Form>
      {message && <Alert type="error" title={message} />}
    </Modal>
  );
}

function DecisionModal(props: { district: string; year: number; item: { consequenceId: string; name: string; unitName: string; version: number }; onClose: () => void }) {
  const [form] = Form.useForm();
  const [message, setMessage] = useState<string>();
  const save = useCallMutation(
    supervisionApi.decideConsequence,
    (v: { outcome: 'done' | 'declined'; on: dayjs.Dayjs; summary: string; title: string; reference: string }) => ({
      params: { district: props.district, year: props.year, consequenceId: props.item.consequenceId },
      body: { outcome: v.outcome, on: v.on.format('YYYY-MM-DD'), summary: v.summary, evidence: [{ title: v.title, reference: v.reference }], expectedVersion: props.item.version },
    }),
    [supervisionApi.listConsequences],
  );
  return (
    <Modal
      open
      title={`${props.item.unitName}：${props.item.name}`}
      okText="登记"
      cancelText="取消"
      onCancel={props.onClose}
      confirmLoading={save.isPending}
      onOk={() => form.validateFields().then((v) => save.mutate(v, { onSuccess: props.onClose, onError: (error) => setMessage(showServerErrors(form, error)) }))}
    >
      <Form form={form} layout="vertical" initialValues={{ outcome: 'done', on: dayjs() }}>
        <Form.Item name="outcome" label="结果">
          <Select
            options={[
              { value: 'done', label: '已落实' },
              { value: 'declined', label: '不予实施' },
            ]}
          />
        </Form.Item>
        <Form.Item name="on" label="日期" rules={[{ required: true, message: '请选择日期' }]}>
          <DatePicker />
        </Form.Item>
        <Form.Item name="summary" label="情况说明" rules={[{ required: true, message: '请填写情况说明' }]}>
          <Input.TextArea rows={3} maxLength={1000} />
        </Form.Item>
        <Form.Item name="title" label="记录或文件名称" rules={[{ required: true, message: '请填写记录或文件名称' }]}>
          <Input maxLength={100} placeholder="如：约谈记录" />
        </Form.Item>
        <Form.Item name="reference" label="文号或编号" rules={[{ required: true, message: '请填写文号或编号' }]}>
          <Input maxLength={100} />
        </Form.Item>
      </Form>
      {message && <Alert type="error" title={message} />}
    </Modal>
  );
}
