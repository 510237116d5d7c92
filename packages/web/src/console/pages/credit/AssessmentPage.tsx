import { scoringApi } from '@jingzhun/types';
import { Alert, Button, Card, Checkbox, DatePicker, Descriptions, Drawer, Form, Input, InputNumber, Modal, Select, Space, Table, Tag } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { mayCall } from '../../../access.js';
import { ErrorAlert, PageTitle } from '../../app/Feedback.js';
import { showServerErrors } from '../../app/forms.js';
import { useCall, useCallMutation } from '../../app/query.js';
import { useSignedIn } from '../../app/session.js';
import { ASSESSMENT_ITEM_ZH, ASSESSMENT_STATUS_ZH, OUTLET_FIELDS, PBOC_FIGURES } from './assessment-fields.js';

type Section = 'pboc' | 'tax' | 'routine';
const SECTION_ZH: Record<Section, string> = { pboc: '人民银行数据', tax: '地方税收贡献', routine: '日常工作考核' };
const SECTION_CONTRACT = { pboc: scoringApi.submitPboc, tax: scoringApi.submitTax, routine: scoringApi.submitRoutine } as const;

/** The workflow's steps in order, each with the contract that takes it and what it means. */
const STEPS = [
  { contract: scoringApi.lockYear, label: '锁定数据', confirm: '锁定后各单位不能再修改报送数据，确认锁定？' },
  { contract: scoringApi.computeAssessment, label: '计算结果', confirm: '按锁定的数据和本年度参数计算考核结果？' },
  { contract: scoringApi.reviewAssessment, label: '审核通过', confirm: '考核小组审核通过并提交区政府审批？' },
  { contract: scoringApi.approveAssessment, label: '批准', confirm: '批准后考核结果不可更改，确认批准？' },
  { contract: scoringApi.publishAssessment, label: '发布通报', confirm: '发布考核奖励通报，结果将对外公开，确认发布？' },
] as const;

/**
 * 银行业金融机构考核 (seed 000 L4150–4290; workflows.md §5): each data owner files its figures per
 * bank (人民银行, 区财政局, 区金融办), the 金融办 locks, computes and reviews, the district approves and
 * the result is published. Banks see their own result.
 */
export default function AssessmentPage() {
  const who = useSignedIn();
  const thisYear = new Date().getFullYear();
  const [year, setYear] = useState(thisYear - 1);
  const params = { district: who.region, year };
  const assessment = useCall(scoringApi.getAssessment, { params });
  const banks = useCall(scoringApi.listBanks, { params: { district: who.region } });
  const submissions = useCall(scoringApi.listSubmissions, { params }, { enabled: who.role !== 'bank' });
  const [filing, setFiling] = useState<{ bankId: string; name: string; section: Section }>();
  const a = assessment.data;
  const sections = (['pboc', 'tax', 'routine'] as const).filter((s) => mayCall(who, SECTION_CONTRACT[s]));
  const filed = (bankId: string, section: Section) => submissions.data?.items.some((i) => i.bankId === bankId && i.section === section);
  return (
    <>
      <PageTitle title="银行业金融机构考核">
        <Select
          aria-label="考核年度"
          value={year}
          onChange={setYear}
          style={{ width: 140 }}
          options={Array.from({ length: 6 }, (_, i) => thisYear - i).map((y) => ({ value: y, label: `${y} 年度` }))}
        />
      </PageTitle>
      <ErrorAlert error={assessment.error} onRetry={() => void assessment.refetch()} />
      {a ? (
        <Card style={{ marginBottom: 16 }}>
          <Descriptions
            column={{ xs: 1, sm: 3 }}
            items={[
              { key: 's', label: '状态', children: <Tag color="blue">{ASSESSMENT_STATUS_ZH[a.status] ?? '办理中'}</Tag> },
              { key: 'l', label: '报送数据', children: a.locked ? '已锁定' : '可填报' },
              { key: 'r', label: '奖励兑现期限', children: a.rewardsDueBy },
            ]}
          />
          {a.flags.length > 0 ? <Alert type="warning" showIcon title="计算提示" description={a.flags.map((f) => f.message).join('；')} style={{ marginTop: 12 }} /> : null}
          <StepButtons district={who.region} year={year} status={a.status} locked={a.locked} />
        </Card>
      ) : null}
      {sections.length > 0 ? (
        <Card title="数据填报" style={{ marginBottom: 16 }}>
          <ErrorAlert error={banks.error} />
          <Table
            rowKey="bankId"
            loading={banks.isLoading}
            pagination={false}
            dataSource={(banks.data?.items ?? []).filter((b) => b.active)}
            columns={[
              { title: '银行机构', dataIndex: 'name' },
              ...sections.map((section) => ({
                title: SECTION_ZH[section],
                key: section,
                render: (_: unknown, b: { bankId: string; name: string }) => (
                  <Space>
                    {filed(b.bankId, section) ? <Tag color="green">已报送</Tag> : <Tag>未报送</Tag>}
                    <Button size="small" disabled={a?.locked} onClick={() => setFiling({ bankId: b.bankId, name: b.name, section })}>
                      {filed(b.bankId, section) ? '更正' : '填报'}
                    </Button>
                  </Space>
                ),
              })),
            ]}
          />
        </Card>
      ) : null}
      {a && a.banks.length > 0 ? (
        <Card title="考核结果">
          <Table
            rowKey="bankId"
            pagination={false}
            scroll={{ x: 900 }}
            dataSource={a.banks}
            expandable={{
              expandedRowRender: (bank) => (
                <Table
                  size="small"
                  rowKey="item"
                  pagination={false}
                  dataSource={bank.items}
                  columns={[
                    { title: '考核项目', dataIndex: 'item', render: (item: string) => ASSESSMENT_ITEM_ZH[item] ?? '其他项目' },
                    { title: '指标值', dataIndex: 'value', render: (v: string | null) => v ?? '—' },
                    { title: '名次', dataIndex: 'rank', render: (r: number | null) => (r === null ? '不参与排名' : `第 ${r} 名`) },
                    { title: '得分', dataIndex: 'points' },
                  ]}
                />
              ),
            }}
            columns={[
              { title: '银行机构', dataIndex: 'name' },
              { title: '总分', dataIndex: 'total' },
              { title: '名次', dataIndex: 'totalRank', render: (r: number | null) => (r === null ? '—' : `第 ${r} 名`) },
              { title: '奖项', dataIndex: 'prize', render: (p: string | null) => p ?? '—' },
              { title: '评先资格', dataIndex: 'disqualified', render: (d: boolean) => (d ? <Tag color="red">取消（重大违规或风险事件）</Tag> : '正常') },
            ]}
          />
        </Card>
      ) : null}
      {filing ? <FilingDrawer district={who.region} year={year} {...filing} onClose={() => setFiling(undefined)} /> : null}
    </>
  );
}

function StepButtons(props: { district: string; year: number; status: string; locked: boolean }) {
  const who = useSignedIn();
  const [error, setError] = useState<unknown>();
  const params = { district: props.district, year: props.year };
  const invalidate = [scoringApi.getAssessment, scoringApi.listSubmissions];
  const mutations = {
    lock: useCallMutation(scoringApi.lockYear, () => ({ params, body: {} }), invalidate),
    compute: useCallMutation(scoringApi.computeAssessment, () => ({ params, body: {} }), invalidate),
    review: useCallMutation(scoringApi.reviewAssessment, () => ({ params, body: {} }), invalidate),
    approve: useCallMutation(scoringApi.approveAssessment, () => ({ params, body: {} }), invalidate),
    publish: useCallMutation(scoringApi.publishAssessment, () => ({ params, body: {} }), invalidate),
  };
  const order = [mutations.lock, mutations.compute, mutations.review, mutations.approve, mutations.publish];
  // Which step is next for this year: not locked → lock; locked draft → compute; then in order.
  const next = !props.locked ? 0 : ({ draft: 1, computed: 2, reviewed: 3, approved: 4 } as Record<string, number>)[props.status];
  return (
    <>
      <Space wrap style={{ marginTop: 12 }}>
        {STEPS.map((step, i) => {
          if (!mayCall(who, step.contract)) return null;
          const m = order[i];
          return (
            <Button
              key={step.label}
              type={i === next ? 'primary' : 'default'}
              disabled={i !== next}
              loading={m?.isPending}
              onClick={() =>
                Modal.confirm({
                  title: step.label,
                  content: step.confirm,
                  okText: '确认',
                  cancelText: '取消',
                  onOk: () => m?.mutateAsync(undefined as never).then(() => setError(undefined), setError),
                })
              }
            >
              {step.label}
            </Button>
          );
        })}
      </Space>
      <ErrorAlert error={error} />
    </>
  );
}

interface FilingValues {
  figures?: Record<string, string>;
  outletsPrev?: Record<string, number>;
  outletsEnd?: Record<string, number>;
  nplAroseDuringYear?: boolean;
  localTax?: string;
  routineScore?: string;
  violation?: boolean;
  violationNote?: string;
  opinion?: { title: string; issuedBy: string; signedOn: Dayjs; documentRef: string };
  reason?: string;
}

const decimal = [
  { required: true, message: '请填写' },
  { pattern: /^-?\d+(\.\d+)?$/, message: '请填写数字，如 12345.67' },
];

function FilingDrawer(props: { district: string; year: number; bankId: string; name: string; section: Section; onClose: () => void }) {
  const [form] = Form.useForm<FilingValues>();
  const [error, setError] = useState<string>();
  const submissions = useCall(scoringApi.listSubmissions, { params: { district: props.district, year: props.year } });
  const existing = submissions.data?.items.find((i) => i.bankId === props.bankId && i.section === props.section);
  const params = { district: props.district, year: props.year, bankId: props.bankId };
  const correction = existing ? { expectedVersion: existing.version } : {};
  const toBody = (v: FilingValues) => {
    const reason = v.reason ? { reason: v.reason } : {};
    if (props.section === 'tax') return { localTax: v.localTax ?? '', ...correction, ...reason };
    if (props.section === 'routine') {
      // The form requires the opinion's fields before it submits.
      const opinion = v.opinion as NonNullable<FilingValues['opinion']>;
      return {
        routine: { kind: 'score' as const, value: v.routineScore ?? '' },
        opinion: { ...opinion, signedOn: opinion.signedOn.format('YYYY-MM-DD') },
        violation: v.violation ?? false,
        ...(v.violationNote ? { violationNote: v.violationNote } : {}),
        ...correction,
        ...reason,
      };
    }
    return { ...(v.figures ?? {}), nplAroseDuringYear: v.nplAroseDuringYear ?? false, outletsPrev: v.outletsPrev ?? {}, outletsEnd: v.outletsEnd ?? {}, ...correction, ...reason };
  };
  const submit = useCallMutation(SECTION_CONTRACT[props.section] as typeof scoringApi.submitTax, (v: FilingValues) => ({ params, body: toBody(v) as never }), [
    scoringApi.listSubmissions,
    scoringApi.getAssessment,
  ]);
  return (
    <Drawer open title={`${props.name} · ${SECTION_ZH[props.section]}（${props.year} 年度）`} size={640} onClose={props.onClose} destroyOnHidden>
      {submissions.isLoading ? null : (
        <Form
          form={form}
          layout="vertical"
          initialValues={existing ? fromExisting(props.section, existing.data) : { nplAroseDuringYear: false, violation: false }}
          onFinish={(values) => {
            setError(undefined);
            submit.mutate(values, { onSuccess: props.onClose, onError: (e) => setError(showServerErrors(form, e)) });
          }}
        >
          {props.section === 'tax' ? (
            <Form.Item label="当年纳税额地方留成部分（万元）" name="localTax" rules={decimal}>
              <Input style={{ width: 240 }} />
            </Form.Item>
          ) : null}
          {props.section === 'pboc' ? (
            <>
              {PBOC_FIGURES.map((f) => (
                <Form.Item key={f.name} label={f.label} name={['figures', f.name]} rules={decimal}>
                  <Input style={{ width: 240 }} />
                </Form.Item>
              ))}
              <Form.Item name="nplAroseDuringYear" valuePropName="checked">
                <Checkbox>当年新发生不良贷款</Checkbox>
              </Form.Item>
              {(['outletsPrev', 'outletsEnd'] as const).map((group) => (
                <Card key={group} size="small" title={group === 'outletsPrev' ? '上年末网点数' : '本年末网点数'} style={{ marginBottom: 12 }}>
                  <Space wrap>
                    {OUTLET_FIELDS.map((o) => (
                      <Form.Item key={o.name} label={o.label} name={[group, o.name]} initialValue={0}>
                        <InputNumber min={0} precision={0} />
                      </Form.Item>
                    ))}
                  </Space>
                </Card>
              ))}
            </>
          ) : null}
          {props.section === 'routine' ? (
            <>
              <Form.Item label="日常工作考核得分（0–5 分）" name="routineScore" rules={decimal}>
                <Input style={{ width: 160 }} />
              </Form.Item>
              <Form.Item name="violation" valuePropName="checked">
                <Checkbox>当年发生重大违规或风险事件（取消评先资格）</Checkbox>
              </Form.Item>
              <Form.Item label="违规情况说明" name="violationNote">
                <Input.TextArea rows={2} maxLength={500} />
              </Form.Item>
              <Card size="small" title="考核意见（须附签署的意见）">
                <Form.Item label="意见标题" name={['opinion', 'title']} rules={[{ required: true, min: 2, message: '请填写意见标题' }]}>
                  <Input />
                </Form.Item>
                <Form.Item label="出具单位" name={['opinion', 'issuedBy']} rules={[{ required: true, min: 2, message: '请填写出具单位' }]}>
                  <Input />
                </Form.Item>
                <Form.Item label="签署日期" name={['opinion', 'signedOn']} rules={[{ required: true, message: '请选择签署日期' }]}>
                  <DatePicker />
                </Form.Item>
                <Form.Item label="文号" name={['opinion', 'documentRef']} rules={[{ required: true, min: 2, message: '请填写意见的文号' }]}>
                  <Input placeholder="如：台金办发〔2019〕3号" />
                </Form.Item>
              </Card>
            </>
          ) : null}
          {existing ? (
            <Form.Item label="更正理由" name="reason" rules={[{ required: true, min: 2, message: '更正已报送的数据须说明理由' }]}>
              <Input.TextArea rows={2} maxLength={500} />
            </Form.Item>
          ) : null}
          {error ? <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} /> : null}
          <Button type="primary" htmlType="submit" loading={submit.isPending}>
            {existing ? '提交更正' : '报送'}
          </Button>
        </Form>
      )}
    </Drawer>
  );
}

function fromExisting(section: Section, data: Record<string, unknown>): FilingValues {
  if (section === 'tax') return { localTax: String(data.localTax ?? '') };
  if (section === 'routine') {
    const routine = data.routine as { value?: unknown } | undefined;
    return { routineScore: String(routine?.value ?? ''), violation: Boolean(data.violation), violationNote: (data.violationNote as string | undefined) ?? '' };
  }
  const figures: Record<string, string> = {};
  for (const f of PBOC_FIGURES) figures[f.name] = String(data[f.name] ?? '');
  return {
    figures,
    nplAroseDuringYear: Boolean(data.nplAroseDuringYear),
    outletsPrev: data.outletsPrev as Record<string, number>,
    outletsEnd: data.outletsEnd as Record<string, number>,
  };
}
