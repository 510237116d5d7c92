import { caseworkApi, type identificationApi } from '@jingzhun/types';
import { Alert, App, Button, Checkbox, DatePicker, Descriptions, Drawer, Form, Input, InputNumber, Modal, Radio, Select, Space, Table, Tag } from 'antd';
import { useState } from 'react';
import { useSearchParams } from 'react-router';
import { mayCall } from '../../../access.js';
import { date, fen, toFen } from '../../../format.js';
import { AddressPager } from '../../app/AddressPager.js';
import { ErrorAlert, PageTitle } from '../../app/Feedback.js';
import { showServerErrors } from '../../app/forms.js';
import { useAddressPaging } from '../../app/paging.js';
import { useCall, useCallMutation } from '../../app/query.js';
import { RegionName, RegionPicker } from '../../app/regions.js';
import { useSignedIn } from '../../app/session.js';
import { HouseholdPicker } from '../subsidy/HouseholdPicker.js';
import { AID_ACTION_ZH, AID_HISTORY_ZH, AID_STATE_ZH, aidOffers } from './offers.js';

type Aid = caseworkApi.AidCase;
type AidState = (typeof caseworkApi.AID_STATES)[number];
type AidActionName = keyof typeof AID_ACTION_ZH;

const required = (message: string) => [{ required: true, message }];

function deadlineOf(a: Aid): string {
  if (a.state === 'PAID' || a.state === 'REJECTED') return '已办结';
  return `${a.deadline.step}，应于${date(a.deadline.due)}前`;
}

/** 临时救助 (seed 004 ID-46…ID-48 L329): the region's aid, its deadlines, and the steps to take. */
export default function AidPage() {
  const who = useSignedIn();
  const [search] = useSearchParams();
  const region = search.get('region') ?? who.region;
  const state = (search.get('state') ?? undefined) as AidState | undefined;
  const { page, cursor, record, update } = useAddressPaging('temporary-aid', [region, state]);
  const list = useCall(caseworkApi.listAid, { query: { region, limit: 20, ...(state ? { state } : {}), ...(cursor ? { cursor } : {}) } });
  const next = list.data?.nextCursor;
  record(next);
  const [openId, setOpenId] = useState<string>();
  const [opening, setOpening] = useState(false);
  return (
    <>
      <PageTitle
        title="临时救助"
        extra={
          mayCall(who, caseworkApi.openAid) && (
            <Button type="primary" onClick={() => setOpening(true)}>
              受理临时救助
            </Button>
          )
        }
      />
      <Form layout="inline" style={{ marginBottom: 16, rowGap: 8 }}>
        <Form.Item label="区划">
          <RegionPicker within={who.region} value={region} onChange={(code) => update({ region: code === who.region ? undefined : code })} />
        </Form.Item>
        <Form.Item label="状态" htmlFor="aid-state">
          <Select
            id="aid-state"
            allowClear
            showSearch={{ optionFilterProp: 'label' }}
            placeholder="全部状态"
            style={{ width: 200 }}
            value={state}
            onChange={(value?: string) => update({ state: value })}
            options={caseworkApi.AID_STATES.map((s) => ({ value: s, label: AID_STATE_ZH[s] }))}
          />
        </Form.Item>
      </Form>
      <ErrorAlert error={list.error} onRetry={() => void list.refetch()} />
      <Table
        rowKey="aidId"
        size="small"
        loading={list.isLoading}
        dataSource={list.data?.items ?? []}
        pagination={false}
        scroll={{ x: 900 }}
        locale={{ emptyText: '辖区内暂无临时救助' }}
        columns={[
          {
            title: '户主',
            dataIndex: 'headName',
            render: (name: string, a: Aid) => (
              <Button type="link" style={{ padding: 0 }} onClick={() => setOpenId(a.aidId)}>
                {name}
              </Button>
            ),
          },
          { title: '村', dataIndex: 'region', render: (code: string) => <RegionName code={code} /> },
          { title: '类型', dataIndex: 'emergency', render: (e: boolean) => (e ? '急难型' : '支出型') },
          { title: '困难情况', dataIndex: 'hardship' },
          { title: '救助金额', dataIndex: 'amountFen', render: (v: number) => fen(v) },
          { title: '审批', dataIndex: 'approverZh' },
          { title: '状态', dataIndex: 'stateZh' },
          {
            title: '下一步/期限',
            render: (_: unknown, a: Aid) => (
              <>
                {deadlineOf(a)}
                {a.overdue && (
                  <Tag color="red" style={{ marginLeft: 8 }}>
                    已逾期
                  </Tag>
                )}
              </>
            ),
          },
        ]}
      />
      <AddressPager page={page} hasNext={Boolean(next)} update={update} />
      {openId && <AidDrawer aidId={openId} onClose={() => setOpenId(undefined)} />}
      {opening && (
        <OpenAidModal
          within={who.region}
          onClose={(opened) => {
            setOpening(false);
            if (opened) setOpenId(opened);
          }}
        />
      )}
    </>
  );
}

function AidDrawer(props: { aidId: string; onClose: () => void }) {
  const who = useSignedIn();
  const loaded = useCall(caseworkApi.getAid, { params: { aidId: props.aidId } });
  const [acting, setActing] = useState<AidActionName>();
  const a = loaded.data;
  const offers = a && mayCall(who, caseworkApi.aidAction) ? aidOffers(a, who) : [];
  return (
    <Drawer open size={720} title={a ? `${a.headName}户 临时救助` : '临时救助'} onClose={props.onClose}>
      <ErrorAlert error={loaded.error} onRetry={() => void loaded.refetch()} />
      {a && (
        <>
          {a.overdue && <Alert type="warning" showIcon title={`已超过办理期限（${a.deadline.step}应于${date(a.deadline.due)}前）`} style={{ marginBottom: 8 }} />}
          {a.late.map((l) => (
            <Alert key={l} type="warning" showIcon title={l} style={{ marginBottom: 8 }} />
          ))}
          <Descriptions
            size="small"
            column={2}
            bordered
            items={[
              { key: 'state', label: '状态', children: a.stateZh },
              { key: 'next', label: '下一步/期限', children: deadlineOf(a) },
              { key: 'village', label: '村', children: <RegionName code={a.region} full /> },
              { key: 'type', label: '类型', children: a.emergency ? '急难型（24小时内先行救助）' : '支出型' },
              { key: 'hardship', label: '困难情况', children: a.hardship },
              { key: 'reported', label: '求助时间', children: date(a.reportedAt) },
              { key: 'persons', label: '救助人口', children: `${a.persons} 人` },
              { key: 'months', label: '救助时限', children: `${a.aidMonths} 个月` },
              { key: 'formula', label: '按标准计算', children: `${fen(a.formulaFen)}（月低保标准 ${fen(a.monthlyStandardFen)}×人口×月数）` },
              { key: 'amount', label: '救助金额', children: fen(a.amountFen) },
              ...(a.caseByCase ? [{ key: 'cbc', label: '一事一议', children: `${fen(a.caseByCase.amountFen)}（${a.caseByCase.minutesRef}：${a.caseByCase.reason}）` }] : []),
              { key: 'approver', label: '审批', children: a.approverZh },
            ]}
          />
          <Space wrap style={{ margin: '16px 0' }}>
            {offers.map((action) => (
              <Button key={action} type={action === 'REJECT' ? 'default' : 'primary'} onClick={() => setActing(action)}>
                {action === 'APPROVE' && a.state === 'AIDED' ? '补齐手续' : AID_ACTION_ZH[action]}
              </Button>
            ))}
          </Space>
          <Table
            rowKey="key"
            size="small"
            pagination={false}
            title={() => '办理记录'}
            dataSource={a.history.map((h, key) => ({ ...h, key }))}
            columns={[
              { title: '时间', dataIndex: 'at', render: (at: string) => date(at) },
              { title: '步骤', dataIndex: 'action', render: (s: string) => AID_HISTORY_ZH[s] ?? '其他' },
              { title: '经办', dataIndex: 'by' },
              { title: '办理后状态', dataIndex: 'state', render: (s: AidState) => AID_STATE_ZH[s] },
              { title: '理由/材料', render: (_: unknown, h: Aid['history'][number]) => [h.reason, ...h.evidence.map((e) => e.ref)].filter(Boolean).join('；') || '—' },
            ]}
          />
          {acting && <AidActionModal aid={a} action={acting} onClose={() => setActing(undefined)} />}
        </>
      )}
    </Drawer>
  );
}

type EvidenceKind = identificationApi.EvidenceKind;

function AidActionModal(props: { aid: Aid; action: AidActionName; onClose: () => void }) {
  const a = props.aid;
  const { action } = props;
  const [form] = Form.useForm<{ document?: string; reason?: string }>();
  const [error, setError] = useState<string>();
  const { message } = App.useApp();
  // Completing an emergency's papers needs the application (004 ID-46 L329).
  const documenting = action === 'APPROVE' && a.state === 'AIDED';
  const label = documenting ? '补齐手续' : AID_ACTION_ZH[action];
  const kind: EvidenceKind = documenting ? 'application' : action === 'PAY' ? 'other' : action === 'AID_FIRST' ? 'hardship-report' : 'decision';
  const act = useCallMutation(
    caseworkApi.aidAction,
    (v: { document?: string; reason?: string }) => {
      const base = { version: a.version, evidence: v.document ? [{ kind, ref: v.document }] : [] };
      return { params: { aidId: a.aidId }, body: action === 'REJECT' ? { action, ...base, reason: v.reason ?? '' } : { action, ...base } };
    },
    [caseworkApi.listAid, caseworkApi.getAid],
  );
  return (
    <Modal open title={`${label}：${a.headName}户`} okText="确定" cancelText="取消" onCancel={props.onClose} onOk={() => form.submit()} confirmLoading={act.isPending}>
      <Form
        form={form}
        layout="vertical"
        onFinish={(v) =>
          act.mutate(v, {
            onSuccess: (after) => {
              message.success(`已${label}，救助状态：${after.stateZh}`);
              props.onClose();
            },
            onError: (e) => setError(showServerErrors(form, e)),
          })
        }
      >
        {action === 'REJECT' && (
          <Form.Item label="理由" name="reason" rules={required('请写明不予救助的理由')}>
            <Input.TextArea maxLength={500} rows={3} />
          </Form.Item>
        )}
        {action === 'PAY' && <p>确认已向该户发放 {fen(a.amountFen)}？</p>}
        <Form.Item label={documenting ? '救助申请书' : '材料名称（可不填）'} name="document" rules={documenting ? required('补齐手续须附救助申请书') : []}>
          <Input maxLength={200} placeholder={documenting ? '如：临时救助申请书' : '如：发放签收单'} />
        </Form.Item>
        {error && <Alert type="error" showIcon title={error} />}
      </Form>
    </Modal>
  );
}

interface OpenAidValues {
  householdId: string;
  emergency: boolean;
  hardship: string;
  persons: number;
  aidMonths: number;
  reportedAt?: { toISOString(): string };
  raised?: boolean;
  raisedYuan?: number;
  minutesRef?: string;
  raisedReason?: string;
  document?: string;
}

function OpenAidModal(props: { within: string; onClose: (openedId?: string) => void }) {
  const [form] = Form.useForm<OpenAidValues>();
  const [error, setError] = useState<string>();
  const { message } = App.useApp();
  const raised = Form.useWatch('raised', form);
  const emergency = Form.useWatch('emergency', form);
  const open = useCallMutation(
    caseworkApi.openAid,
    (v: OpenAidValues) => ({
      body: {
        householdId: v.householdId,
        emergency: v.emergency,
        hardship: v.hardship,
        persons: v.persons,
        aidMonths: v.aidMonths,
        reportedAt: v.reportedAt?.toISOString() ?? new Date().toISOString(),
        ...(v.raised ? { caseByCase: { amountFen: toFen(v.raisedYuan), minutesRef: v.minutesRef ?? '', reason: v.raisedReason ?? '' } } : {}),
        evidence: v.document ? [{ kind: v.emergency ? ('hardship-report' as const) : ('application' as const), ref: v.document }] : [],
      },
    }),
    [caseworkApi.listAid],
  );
  return (
    <Modal open width={640} title="受理临时救助" okText="受理" cancelText="取消" onCancel={() => props.onClose()} onOk={() => form.submit()} confirmLoading={open.isPending}>
      <Form
        form={form}
        layout="vertical"
        initialValues={{ emergency: false, aidMonths: 1, raised: false }}
        onFinish={(v) =>
          open.mutate(v, {
            onSuccess: (a) => {
              message.success(`已受理${a.headName}户的临时救助，金额 ${fen(a.amountFen)}`);
              props.onClose(a.aidId);
            },
            onError: (e) => setError(showServerErrors(form, e)),
          })
        }
      >
        <Form.Item label="求助户" name="householdId" htmlFor="aid-household" rules={required('请输入户主姓名并选择农户')}>
          <HouseholdPicker id="aid-household" within={props.within} />
        </Form.Item>
        <Form.Item label="类型" name="emergency">
          <Radio.Group
            options={[
              { value: false, label: '支出型' },
              { value: true, label: '急难型（24小时内先行救助）' },
            ]}
          />
        </Form.Item>
        <Form.Item label="困难情况" name="hardship" rules={required('请写明困难情况')}>
          <Input.TextArea maxLength={500} rows={3} />
        </Form.Item>
        <Form.Item label="救助人口" name="persons" rules={required('请填写救助人口')}>
          <InputNumber min={1} max={30} precision={0} style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item label="救助时限（月）" name="aidMonths" rules={required('请填写救助时限')}>
          <InputNumber min={1} max={24} precision={0} style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item label="求助时间（不填为现在）" name="reportedAt">
          <DatePicker showTime style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item label={emergency ? '情况报告（可不填）' : '申请书（可不填）'} name="document">
          <Input maxLength={200} placeholder={emergency ? '如：村委会情况报告' : '如：临时救助申请书'} />
        </Form.Item>
        <Form.Item name="raised" valuePropName="checked">
          <Checkbox>重大生活困难，一事一议提高救助额（由区县民政部门审批）</Checkbox>
        </Form.Item>
        {raised && (
          <>
            <Form.Item label="一事一议金额（元）" name="raisedYuan" rules={required('请填写一事一议金额')}>
              <InputNumber min={0.01} precision={2} style={{ width: '100%' }} />
            </Form.Item>
            <Form.Item label="会议纪要" name="minutesRef" rules={required('请填写会议纪要名称或文号')}>
              <Input maxLength={200} />
            </Form.Item>
            <Form.Item label="提高理由" name="raisedReason" rules={required('请写明提高理由')}>
              <Input.TextArea maxLength={500} rows={2} />
            </Form.Item>
          </>
        )}
        {error && <Alert type="error" showIcon title={error} />}
      </Form>
    </Modal>
  );
}
