import { caseworkApi } from '@jingzhun/types';
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
import { CASE_ACTION_ZH, CASE_HISTORY_ZH, CASE_KIND_ZH, CASE_STATE_ZH, caseOffers } from './offers.js';

type Case = caseworkApi.AssistanceCase;
type CaseActionName = caseworkApi.CaseAction['action'];
type Kind = (typeof caseworkApi.CASE_KINDS)[number];
type State = (typeof caseworkApi.CASE_STATES)[number];
type Day = { format(f: string): string };

/** What the case waits for, and by when (the dates the rules set: 公示期, 复核, 渐退, 取消). */
export function nextStep(c: Case): string {
  switch (c.state) {
    case 'APPLIED':
      return c.relatedOfficials.length > 0 && !c.filing ? '入户核查；须备案' : '入户核查';
    case 'VERIFIED':
      return c.verification?.qualifies ? '民主评议' : '核查不符合条件，待作出不予纳入决定';
    case 'APPRAISED':
      return '张榜公示';
    case 'NOTICED':
      return c.notice ? `公示至${c.notice.endsOn}，期满后审批` : '审批';
    case 'IN_CARE':
      return c.nextReviewDue ? `复核，应于${c.nextReviewDue}前` : '定期复核';
    case 'GRADUAL_EXIT':
      return c.gradualExit ? `渐退至${c.gradualExit.endsOn}` : '渐退';
    case 'CANCELLATION_PENDING':
      return c.cancellation ? `取消待遇，应于${c.cancellation.cancelBy}前` : '取消待遇';
    default:
      return '已办结';
  }
}

/** 低保、特困案件 (seed 004 ID-29…ID-39 L320–346): the region's cases, each with its history and next steps. */
export default function CasesPage() {
  const who = useSignedIn();
  const [search] = useSearchParams();
  const region = search.get('region') ?? who.region;
  const kind = (search.get('kind') ?? undefined) as Kind | undefined;
  const state = (search.get('state') ?? undefined) as State | undefined;
  const [openId, setOpenId] = useState<string>();
  const [opening, setOpening] = useState(false);
  const { page, cursor, record, update } = useAddressPaging('assistance-cases', [region, kind, state]);
  const list = useCall(caseworkApi.listCases, {
    query: { region, limit: 20, ...(kind ? { kind } : {}), ...(state ? { state } : {}), ...(cursor ? { cursor } : {}) },
  });
  const next = list.data?.nextCursor;
  record(next);
  return (
    <>
      <PageTitle
        title="低保特困案件"
        extra={
          mayCall(who, caseworkApi.openCase) && (
            <Button type="primary" onClick={() => setOpening(true)}>
              受理申请
            </Button>
          )
        }
      />
      <Form layout="inline" style={{ marginBottom: 16, rowGap: 8 }}>
        <Form.Item label="区划">
          <RegionPicker within={who.region} value={region} onChange={(code) => update({ region: code === who.region ? undefined : code })} />
        </Form.Item>
        <Form.Item label="类别" htmlFor="cases-kind">
          <Select
            id="cases-kind"
            allowClear
            showSearch={{ optionFilterProp: 'label' }}
            placeholder="全部类别"
            style={{ width: 140 }}
            value={kind}
            onChange={(value?: string) => update({ kind: value })}
            options={caseworkApi.CASE_KINDS.map((k) => ({ value: k, label: CASE_KIND_ZH[k] }))}
          />
        </Form.Item>
        <Form.Item label="状态" htmlFor="cases-state">
          <Select
            id="cases-state"
            allowClear
            showSearch={{ optionFilterProp: 'label' }}
            placeholder="全部状态"
            style={{ width: 160 }}
            value={state}
            onChange={(value?: string) => update({ state: value })}
            options={caseworkApi.CASE_STATES.map((s) => ({ value: s, label: CASE_STATE_ZH[s] }))}
          />
        </Form.Item>
      </Form>
      <ErrorAlert error={list.error} onRetry={() => void list.refetch()} />
      <Table
        rowKey="caseId"
        size="small"
        loading={list.isLoading}
        dataSource={list.data?.items ?? []}
        pagination={false}
        scroll={{ x: 900 }}
        locale={{ emptyText: '辖区内暂无低保、特困案件' }}
        columns={[
          {
            title: '户主',
            dataIndex: 'headName',
            render: (name: string, c: Case) => (
              <Button type="link" style={{ padding: 0 }} onClick={() => setOpenId(c.caseId)}>
                {name}
              </Button>
            ),
          },
          { title: '村', dataIndex: 'region', render: (code: string) => <RegionName code={code} /> },
          { title: '类别', dataIndex: 'kind', render: (k: Kind) => CASE_KIND_ZH[k] },
          { title: '状态', dataIndex: 'stateZh' },
          {
            title: '下一步/期限',
            render: (_: unknown, c: Case) => (
              <>
                {nextStep(c)}
                {c.alerts.map((a) => (
                  <Tag key={a} color="red" style={{ marginLeft: 8 }}>
                    {a}
                  </Tag>
                ))}
              </>
            ),
          },
        ]}
      />
      <AddressPager page={page} hasNext={Boolean(next)} update={update} />
      {openId && <CaseDrawer caseId={openId} onClose={() => setOpenId(undefined)} />}
      {opening && (
        <OpenCaseModal
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

function CaseDrawer(props: { caseId: string; onClose: () => void }) {
  const who = useSignedIn();
  const loaded = useCall(caseworkApi.getCase, { params: { caseId: props.caseId } });
  const [acting, setActing] = useState<CaseActionName>();
  const c = loaded.data;
  const offers = c && mayCall(who, caseworkApi.caseAction) ? caseOffers(c, who) : [];
  return (
    <Drawer open size={720} title={c ? `${c.headName}户 ${c.kindZh}` : '案件'} onClose={props.onClose}>
      <ErrorAlert error={loaded.error} onRetry={() => void loaded.refetch()} />
      {c && (
        <>
          {c.alerts.map((a) => (
            <Alert key={a} type="warning" showIcon title={a} style={{ marginBottom: 8 }} />
          ))}
          <Descriptions
            size="small"
            column={2}
            bordered
            items={[
              { key: 'state', label: '状态', children: c.stateZh },
              { key: 'next', label: '下一步', children: nextStep(c) },
              { key: 'village', label: '村', children: <RegionName code={c.region} full /> },
              { key: 'basis', label: '认定方式', children: c.basis === 'income' ? '收入型' : '支出型' },
              { key: 'applied', label: '受理日期', children: date(c.appliedOn) },
              { key: 'hardship', label: '困难情况', children: c.hardship },
              ...(c.verification
                ? [
                    { key: 'per-capita', label: '家庭人均收入', children: `${fen(c.verification.perCapitaFen)}/年（标准 ${fen(c.verification.standardAnnualFen)}/年）` },
                    { key: 'qualifies', label: '核查结论', children: c.verification.qualifies ? '符合条件' : `不符合条件：${c.verification.reasonsZh.join('；')}` },
                  ]
                : []),
              ...(c.notice ? [{ key: 'notice', label: '公示期', children: `${c.notice.postedOn} 至 ${c.notice.endsOn}` }] : []),
              ...(c.monthlyAmountFen !== undefined ? [{ key: 'amount', label: '月保障金', children: fen(c.monthlyAmountFen) }] : []),
              ...(c.care
                ? [{ key: 'care', label: '供养方式', children: `${c.care.careLevel}，${c.care.centralised ? `集中供养（${c.care.institution ?? ''}）` : '分散供养'}` }]
                : []),
              ...(c.relatedOfficials.length > 0
                ? [
                    {
                      key: 'insiders',
                      label: '近亲属备案',
                      children: `${c.relatedOfficials.map((r) => `${r.name}（${r.post}，${r.relation}）`).join('；')}${c.filing ? `，已于${c.filing.on}备案` : '，尚未备案'}`,
                    },
                  ]
                : []),
            ]}
          />
          <Space wrap style={{ margin: '16px 0' }}>
            {offers.map((action) => (
              <Button key={action} type={action === 'REJECT' || action === 'MARK_INELIGIBLE' ? 'default' : 'primary'} onClick={() => setActing(action)}>
                {CASE_ACTION_ZH[action]}
              </Button>
            ))}
          </Space>
          <Table
            rowKey="key"
            size="small"
            pagination={false}
            title={() => '办理记录'}
            dataSource={c.history.map((h, key) => ({ ...h, key }))}
            columns={[
              { title: '日期', dataIndex: 'on', render: (on: string) => date(on) },
              { title: '步骤', dataIndex: 'action', render: (a: string) => CASE_HISTORY_ZH[a] ?? '其他' },
              { title: '经办', dataIndex: 'by' },
              { title: '办理后状态', dataIndex: 'state', render: (s: State) => CASE_STATE_ZH[s] },
              { title: '理由/材料', render: (_: unknown, h: Case['history'][number]) => [h.reason, ...h.evidence.map((e) => e.ref)].filter(Boolean).join('；') || '—' },
            ]}
          />
          {acting && <CaseActionModal case={c} action={acting} onClose={() => setActing(undefined)} />}
        </>
      )}
    </Drawer>
  );
}

/** The evidence kind a step's document is filed as. */
const EVIDENCE_OF: Record<CaseActionName, caseworkApi.CaseAction['evidence'][number]['kind']> = {
  VERIFY: 'verification',
  FILE: 'filing',
  APPRAISE: 'minutes',
  NOTICE: 'notice',
  APPROVE: 'approval',
  REJECT: 'decision',
  REVIEW: 'verification',
  MARK_INELIGIBLE: 'verification',
  CANCEL: 'decision',
  EXTEND_GRADUAL_EXIT: 'decision',
  CHANGE_CARE: 'decision',
};

interface ActionValues {
  document?: string;
  annualIncomeYuan?: number;
  rigidExpenditureYuan?: number;
  assetsQualify?: boolean;
  hardshipIndex?: number;
  tekun?: string[];
  ref?: string;
  meetingDate?: Day;
  total?: number;
  present?: number;
  inFavour?: number;
  postedOn?: Day;
  reason?: string;
  months?: number;
  careLevel?: '全自理' | '半护理' | '全护理';
  centralised?: boolean;
  institution?: string;
}

function careOf(v: ActionValues) {
  const level = v.careLevel ?? '全自理';
  return { canSelfCare: level === '全自理', careLevel: level, centralised: v.centralised === true, ...(v.centralised && v.institution ? { institution: v.institution } : {}) };
}

/** The body of a step from its form: 元 to fen, dates to ISO days, the document as the step's evidence. */
export function caseActionBody(c: Case, action: CaseActionName, v: ActionValues): caseworkApi.CaseAction {
  const evidence = v.document ? [{ kind: EVIDENCE_OF[action], ref: v.document }] : [];
  const base = { version: c.version, evidence };
  const verification = () => ({
    annualIncomeFen: toFen(v.annualIncomeYuan),
    rigidExpenditureFen: c.basis === 'expenditure' ? toFen(v.rigidExpenditureYuan) : 0,
    assetsQualify: v.assetsQualify === true,
    ...(v.hardshipIndex !== undefined && v.hardshipIndex !== null ? { hardshipIndex: v.hardshipIndex } : {}),
    ...(c.kind === 'tekun'
      ? {
          tekunConditions: {
            noLabourCapacity: !!v.tekun?.includes('noLabourCapacity'),
            noIncomeSource: !!v.tekun?.includes('noIncomeSource'),
            noSupporter: !!v.tekun?.includes('noSupporter'),
          },
        }
      : {}),
  });
  switch (action) {
    case 'VERIFY':
    case 'REVIEW':
      return { action, ...base, verification: verification() };
    case 'FILE':
      return { action, ...base, ref: v.ref ?? '' };
    case 'APPRAISE':
      return { action, ...base, meeting: { date: v.meetingDate?.format('YYYY-MM-DD') ?? '', total: v.total ?? 0, present: v.present ?? 0, inFavour: v.inFavour ?? 0 } };
    case 'NOTICE':
      return { action, ...base, postedOn: v.postedOn?.format('YYYY-MM-DD') ?? '' };
    case 'APPROVE':
      return { action, ...base, ...(c.kind === 'tekun' ? { care: careOf(v) } : {}) };
    case 'REJECT':
    case 'MARK_INELIGIBLE':
      return { action, ...base, reason: v.reason ?? '' };
    case 'CANCEL':
      return { action, ...base };
    case 'EXTEND_GRADUAL_EXIT':
      return { action, ...base, months: v.months ?? 0, reason: v.reason ?? '' };
    case 'CHANGE_CARE':
      return { action, ...base, care: careOf(v) };
  }
}

const required = (message: string) => [{ required: true, message }];

function CaseActionModal(props: { case: Case; action: CaseActionName; onClose: () => void }) {
  const c = props.case;
  const { action } = props;
  const [form] = Form.useForm<ActionValues>();
  const [error, setError] = useState<string>();
  const { message } = App.useApp();
  const centralised = Form.useWatch('centralised', form);
  const act = useCallMutation(caseworkApi.caseAction, (v: ActionValues) => ({ params: { caseId: c.caseId }, body: caseActionBody(c, action, v) }), [
    caseworkApi.listCases,
    caseworkApi.getCase,
  ]);
  const label = CASE_ACTION_ZH[action];
  const verifying = action === 'VERIFY' || action === 'REVIEW';
  const caring = action === 'CHANGE_CARE' || (action === 'APPROVE' && c.kind === 'tekun');
  return (
    <Modal open title={`${label}：${c.headName}户`} okText="确定" cancelText="取消" onCancel={props.onClose} onOk={() => form.submit()} confirmLoading={act.isPending}>
      <Form
        form={form}
        layout="vertical"
        initialValues={{ assetsQualify: true, careLevel: '全自理', centralised: false }}
        onFinish={(v) =>
          act.mutate(v, {
            onSuccess: (after) => {
              message.success(`已${label}，案件状态：${after.stateZh}`);
              props.onClose();
            },
            onError: (e) => setError(showServerErrors(form, e)),
          })
        }
      >
        {verifying && (
          <>
            <Form.Item label="家庭年收入（元）" name="annualIncomeYuan" rules={required('请填写家庭年收入')}>
              <InputNumber min={0} precision={2} style={{ width: '100%' }} />
            </Form.Item>
            {c.basis === 'expenditure' && (
              <Form.Item label="刚性支出（元/年）" name="rigidExpenditureYuan" rules={required('请填写医疗、教育等刚性支出')}>
                <InputNumber min={0} precision={2} style={{ width: '100%' }} />
              </Form.Item>
            )}
            <Form.Item label="家庭财产状况" name="assetsQualify" rules={required('请认定家庭财产状况')}>
              <Radio.Group
                options={[
                  { value: true, label: '符合规定' },
                  { value: false, label: '不符合规定' },
                ]}
              />
            </Form.Item>
            <Form.Item label="困难程度评分（0–100，可不填）" name="hardshipIndex">
              <InputNumber min={0} max={100} style={{ width: '100%' }} />
            </Form.Item>
            {c.kind === 'tekun' && (
              <Form.Item label="特困条件（逐项认定）" name="tekun">
                <Checkbox.Group
                  options={[
                    { value: 'noLabourCapacity', label: '无劳动能力' },
                    { value: 'noIncomeSource', label: '无生活来源' },
                    { value: 'noSupporter', label: '无法定赡养、抚养、扶养义务人或其无履行能力' },
                  ]}
                />
              </Form.Item>
            )}
          </>
        )}
        {action === 'FILE' && (
          <Form.Item label="备案文号或说明" name="ref" rules={required('请填写备案文号')}>
            <Input maxLength={200} placeholder="如：台民备〔2026〕3号" />
          </Form.Item>
        )}
        {action === 'APPRAISE' && (
          <>
            <Form.Item label="评议日期" name="meetingDate" rules={required('请选择评议日期')}>
              <DatePicker style={{ width: '100%' }} />
            </Form.Item>
            <Form.Item label="应到人数" name="total" rules={required('请填写应到人数')}>
              <InputNumber min={1} precision={0} style={{ width: '100%' }} />
            </Form.Item>
            <Form.Item label="实到人数" name="present" rules={required('请填写实到人数')}>
              <InputNumber min={0} precision={0} style={{ width: '100%' }} />
            </Form.Item>
            <Form.Item label="赞成人数" name="inFavour" rules={required('请填写赞成人数')}>
              <InputNumber min={0} precision={0} style={{ width: '100%' }} />
            </Form.Item>
          </>
        )}
        {action === 'NOTICE' && (
          <Form.Item label="张贴日期" name="postedOn" rules={required('请选择张贴日期')}>
            <DatePicker style={{ width: '100%' }} />
          </Form.Item>
        )}
        {caring && (
          <>
            <Form.Item label="照料护理等级" name="careLevel" rules={required('请选择照料护理等级')}>
              <Select options={['全自理', '半护理', '全护理'].map((l) => ({ value: l, label: l }))} />
            </Form.Item>
            <Form.Item label="供养方式" name="centralised">
              <Radio.Group
                options={[
                  { value: false, label: '分散供养' },
                  { value: true, label: '集中供养' },
                ]}
              />
            </Form.Item>
            {centralised && (
              <Form.Item label="供养机构" name="institution" rules={required('集中供养须写明供养机构')}>
                <Input maxLength={80} />
              </Form.Item>
            )}
          </>
        )}
        {action === 'EXTEND_GRADUAL_EXIT' && (
          <Form.Item label="延长月数" name="months" rules={required('请填写延长月数')}>
            <InputNumber min={1} max={24} precision={0} style={{ width: '100%' }} />
          </Form.Item>
        )}
        {(action === 'REJECT' || action === 'MARK_INELIGIBLE' || action === 'EXTEND_GRADUAL_EXIT') && (
          <Form.Item label="理由" name="reason" rules={required('请写明理由')}>
            <Input.TextArea maxLength={500} rows={3} />
          </Form.Item>
        )}
        {action === 'CANCEL' && <Alert type="warning" showIcon title="确认取消该户待遇？取消后本户的低保（特困）标识随之撤销。" style={{ marginBottom: 16 }} />}
        <Form.Item label="材料名称（可不填）" name="document">
          <Input maxLength={200} placeholder="如：入户核查表、评议记录" />
        </Form.Item>
        {error && <Alert type="error" showIcon title={error} />}
      </Form>
    </Modal>
  );
}

interface OpenValues {
  householdId: string;
  kind: Kind;
  basis: 'income' | 'expenditure';
  hardship: string;
  application: string;
  relatedOfficials?: { name: string; post: (typeof caseworkApi.INSIDER_POSTS)[number]; relation: (typeof caseworkApi.RELATIONS)[number] }[];
}

function OpenCaseModal(props: { within: string; onClose: (openedId?: string) => void }) {
  const [form] = Form.useForm<OpenValues>();
  const [error, setError] = useState<string>();
  const { message } = App.useApp();
  const kind = Form.useWatch('kind', form);
  const open = useCallMutation(
    caseworkApi.openCase,
    (v: OpenValues) => ({
      body: {
        householdId: v.householdId,
        kind: v.kind,
        basis: v.kind === 'tekun' ? 'income' : v.basis,
        hardship: v.hardship,
        relatedOfficials: v.relatedOfficials ?? [],
        evidence: [{ kind: 'application' as const, ref: v.application }],
      },
    }),
    [caseworkApi.listCases],
  );
  return (
    <Modal open width={640} title="受理低保、特困申请" okText="受理" cancelText="取消" onCancel={() => props.onClose()} onOk={() => form.submit()} confirmLoading={open.isPending}>
      <Form
        form={form}
        layout="vertical"
        initialValues={{ kind: 'dibao', basis: 'income', application: '低保申请书' }}
        onFinish={(v) =>
          open.mutate(v, {
            onSuccess: (c) => {
              message.success(`已受理${c.headName}户的${c.kindZh}申请`);
              props.onClose(c.caseId);
            },
            onError: (e) => setError(showServerErrors(form, e)),
          })
        }
      >
        <Form.Item label="申请户" name="householdId" htmlFor="case-household" rules={required('请输入户主姓名并选择农户')}>
          <HouseholdPicker id="case-household" within={props.within} />
        </Form.Item>
        <Form.Item label="申请类别" name="kind" rules={required('请选择申请类别')}>
          <Radio.Group options={caseworkApi.CASE_KINDS.map((k) => ({ value: k, label: CASE_KIND_ZH[k] }))} />
        </Form.Item>
        {kind !== 'tekun' && (
          <Form.Item label="认定方式" name="basis">
            <Radio.Group
              options={[
                { value: 'income', label: '收入型' },
                { value: 'expenditure', label: '支出型（因病、因学等刚性支出大）' },
              ]}
            />
          </Form.Item>
        )}
        <Form.Item label="困难情况" name="hardship" rules={required('请写明困难情况')}>
          <Input.TextArea maxLength={500} rows={3} />
        </Form.Item>
        <Form.Item label="申请书" name="application" rules={required('须附申请书')}>
          <Input maxLength={200} />
        </Form.Item>
        <Form.List name="relatedOfficials">
          {(fields, { add, remove }) => (
            <>
              {fields.map((field) => (
                <Space key={field.key} align="baseline" wrap>
                  <Form.Item name={[field.name, 'name']} rules={required('请填写姓名')}>
                    <Input placeholder="姓名" maxLength={40} style={{ width: 100 }} />
                  </Form.Item>
                  <Form.Item name={[field.name, 'post']} rules={required('请选择职务')}>
                    <Select placeholder="职务" style={{ width: 180 }} options={caseworkApi.INSIDER_POSTS.map((p) => ({ value: p, label: p }))} />
                  </Form.Item>
                  <Form.Item name={[field.name, 'relation']} rules={required('请选择关系')}>
                    <Select placeholder="与申请人关系" style={{ width: 160 }} options={caseworkApi.RELATIONS.map((r) => ({ value: r, label: r }))} />
                  </Form.Item>
                  <Button onClick={() => remove(field.name)}>删除</Button>
                </Space>
              ))}
              <Button style={{ marginBottom: 16 }} onClick={() => add()}>
                登记任职近亲属（须备案）
              </Button>
            </>
          )}
        </Form.List>
        {error && <Alert type="error" showIcon title={error} />}
      </Form>
    </Modal>
  );
}
