import { subsidyApi } from '@jingzhun/types';
import { Alert, App, Button, Card, DatePicker, Form, Input, InputNumber, Space, Table } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useSearchParams } from 'react-router';
import type * as z from 'zod';
import { mayCall } from '../../../access.js';
import { date, fen, toFen } from '../../../format.js';
import { STANDARD_STATUS_ZH, zh } from '../../../labels.js';
import { jurisdictionOf } from '../../../regions.js';
import { sourceText } from '../../../sources.js';
import { ErrorAlert, PageTitle } from '../../app/Feedback.js';
import { showServerErrors } from '../../app/forms.js';
import { useCall, useCallMutation } from '../../app/query.js';
import { useSignedIn } from '../../app/session.js';
import { monthText } from './text.js';

type Standard = z.infer<typeof subsidyApi.StandardView>;
type Version = z.infer<typeof subsidyApi.StandardVersionView>;

const UNIT_ZH: Record<string, string> = { person: '人', household: '户', student: '生' };
const PERIOD_ZH: Record<string, string> = { monthly: '月', yearly: '年' };

/** 元/人•月 when the unit and the period are known, else 元. */
function amountUnit(s: Standard): string {
  const unit = UNIT_ZH[s.unit];
  const period = PERIOD_ZH[s.period];
  return unit && period ? `元/${unit}•${period}` : '元';
}

/** What a version sets, in 元 (an amount, one per band, or the formula's parameters). */
function termsText(s: Standard, v: Version): string {
  if (!s.editable) return '按区县参数计算';
  if (v.amountFen !== undefined) return fen(v.amountFen);
  if (v.bandAmountsFen) return (s.shape.bands ?? []).map((b) => `${b.labelZh} ${fen(v.bandAmountsFen?.[b.label])}`).join('；');
  if (v.valuesFen) return (s.shape.values ?? []).map((p) => `${p.labelZh} ${fen(v.valuesFen?.[p.name])}`).join('；');
  return '—';
}

function versionText(v: Version): string {
  return v.version === 0 ? '文件原定标准' : `第 ${v.version} 版（${v.document.number}，${date(v.effectiveFrom)} 起）`;
}

/**
 * 支付标准: the standards that carry forward after their documents' year, the version in force for
 * a month, new versions entered by the county office and reviewed by another person (maker–checker:
 * the service refuses a review by the one who entered it).
 */
export default function StandardsPage() {
  const who = useSignedIn();
  const jurisdiction = jurisdictionOf(who.region);
  const [search, setSearch] = useSearchParams();
  const period = search.get('period') ?? dayjs().format('YYYY-MM');
  const selected = search.get('item') ?? undefined;
  const list = useCall(subsidyApi.listStandards, { params: { jurisdiction: jurisdiction ?? '' }, query: { period } }, { enabled: Boolean(jurisdiction) });
  const standards = list.data?.standards ?? [];
  const current = standards.find((s) => s.itemId === selected);
  const mayReview = mayCall(who, subsidyApi.approveStandard);
  const mayPropose = mayCall(who, subsidyApi.proposeStandard);
  const choose = (itemId: string) => setSearch({ period, item: itemId });
  return (
    <>
      <PageTitle title="支付标准" />
      <p>按月发放的补贴标准在文件年度之后继续沿用，直到新的标准经审核生效。新标准由区县扶贫办录入，须由另一人（领导小组或区县另一名工作人员）审核通过后按生效日期适用。</p>
      {!jurisdiction ? <Alert type="warning" showIcon title="您所在的区划不在政策目录的辖区内，没有可维护的支付标准。" /> : null}
      <Space style={{ marginBottom: 16 }}>
        <span>查看月份</span>
        <DatePicker
          picker="month"
          allowClear={false}
          aria-label="查看月份"
          value={dayjs(`${period}-01`)}
          onChange={(d) => d && setSearch({ period: d.format('YYYY-MM'), ...(selected ? { item: selected } : {}) })}
        />
      </Space>
      <ErrorAlert error={list.error} onRetry={() => void list.refetch()} />
      <Table
        rowKey="itemId"
        size="small"
        loading={list.isLoading}
        dataSource={standards}
        pagination={false}
        scroll={{ x: 900 }}
        caption={`${monthText(period)}适用的支付标准`}
        locale={{ emptyText: '没有可续用的支付标准' }}
        columns={[
          { title: '标准', dataIndex: 'nameZh' },
          { title: '现行金额', key: 'terms', render: (_: unknown, s: Standard) => termsText(s, s.inForce) },
          { title: '现行版本', key: 'version', render: (_: unknown, s: Standard) => versionText(s.inForce) },
          { title: '沿用', dataIndex: 'carriedForward', render: (c?: string) => c ?? '—' },
          { title: '待审核', dataIndex: 'pending', render: (p: Version[]) => (p.length ? `${p.length} 项` : '—') },
          {
            title: '操作',
            key: 'open',
            render: (_: unknown, s: Standard) => (
              <Button type="link" aria-label={`查看 ${s.nameZh}`} onClick={() => choose(s.itemId)}>
                {s.pending.length && mayReview ? '审核' : '查看'}
                {mayPropose && s.editable ? ' / 录入' : ''}
              </Button>
            ),
          },
        ]}
      />
      {current && jurisdiction ? <StandardDetail key={current.itemId} standard={current} jurisdiction={jurisdiction} /> : null}
    </>
  );
}

function StandardDetail(props: { standard: Standard; jurisdiction: string }) {
  const who = useSignedIn();
  const s = props.standard;
  return (
    <Card title={<h2 style={{ margin: 0, fontSize: 16 }}>{s.nameZh}</h2>} style={{ marginTop: 16 }}>
      <p>
        现行标准：<strong id="standard-in-force">{termsText(s, s.inForce)}</strong>，{versionText(s.inForce)}
        {s.carriedForward ? `，${s.carriedForward}` : ''}
      </p>
      <p>
        依据：{sourceText(s.source)}：“{s.source.quoteZh}”
      </p>
      <h3 style={{ fontSize: 15 }}>待审核的新标准</h3>
      {s.pending.length === 0 ? <p>没有待审核的新标准</p> : s.pending.map((v) => <PendingVersion key={v.version} standard={s} version={v} jurisdiction={props.jurisdiction} />)}
      {mayCall(who, subsidyApi.proposeStandard) ? (
        s.editable ? (
          <ProposeForm standard={s} jurisdiction={props.jurisdiction} />
        ) : (
          <p>此项金额由区县参数决定，请在区县参数中修改。</p>
        )
      ) : null}
      <h3 style={{ fontSize: 15, marginTop: 16 }}>历史版本</h3>
      <Table
        rowKey="version"
        size="small"
        pagination={false}
        dataSource={s.versions}
        columns={[
          { title: '版本', dataIndex: 'version', render: (n: number) => (n === 0 ? '文件原定' : `第 ${n} 版`) },
          { title: '生效日期', dataIndex: 'effectiveFrom', render: (d: string) => date(d) },
          { title: '标准', key: 'terms', render: (_: unknown, v: Version) => termsText(s, v) },
          // Version 0 is the policy document itself (its reference is the catalog's, not a 文号).
          { title: '文件', key: 'document', render: (_: unknown, v: Version) => (v.version === 0 ? sourceText(s.source) : `${v.document.number}《${v.document.title}》`) },
          { title: '状态', dataIndex: 'status', render: (st: string, v: Version) => `${zh(STANDARD_STATUS_ZH, st)}${v.rejectionReason ? `（${v.rejectionReason}）` : ''}` },
          { title: '录入人', dataIndex: 'enteredByName', render: (n?: string) => n ?? '—' },
          { title: '审核人', dataIndex: 'reviewedByName', render: (n?: string) => n ?? '—' },
        ]}
      />
    </Card>
  );
}

function PendingVersion(props: { standard: Standard; version: Version; jurisdiction: string }) {
  const who = useSignedIn();
  const v = props.version;
  const { modal } = App.useApp();
  const [form] = Form.useForm<{ reason: string }>();
  const [rejecting, setRejecting] = useState(false);
  const [error, setError] = useState<string>();
  const params = { jurisdiction: props.jurisdiction, itemId: props.standard.itemId, version: v.version };
  const approve = useCallMutation(subsidyApi.approveStandard, (_: undefined) => ({ params }), [subsidyApi.listStandards]);
  const reject = useCallMutation(subsidyApi.rejectStandard, (values: { reason: string }) => ({ params, body: { reason: values.reason.trim() } }), [subsidyApi.listStandards]);
  const mayReview = mayCall(who, subsidyApi.approveStandard);
  return (
    <Card size="small" id={`pending-${v.version}`} style={{ marginBottom: 12 }}>
      <p>
        <strong>第 {v.version} 版（待审核）</strong>：{termsText(props.standard, v)}，{date(v.effectiveFrom)} 起生效；文件 {v.document.number}《{v.document.title}》；录入人{' '}
        {v.enteredByName ?? '—'}
      </p>
      {mayReview ? (
        <Space>
          <Button
            type="primary"
            loading={approve.isPending}
            onClick={() =>
              modal.confirm({
                title: '确认审核通过',
                content: `${props.standard.nameZh}自 ${date(v.effectiveFrom)} 起按“${termsText(props.standard, v)}”计算发放。`,
                okText: '审核通过',
                cancelText: '取消',
                onOk: async () => {
                  setError(undefined);
                  try {
                    await approve.mutateAsync(undefined);
                  } catch (e) {
                    setError(showServerErrors(form, e));
                  }
                },
              })
            }
          >
            审核通过
          </Button>
          <Button onClick={() => setRejecting(!rejecting)}>退回</Button>
        </Space>
      ) : null}
      {rejecting ? (
        <Form
          form={form}
          layout="vertical"
          style={{ marginTop: 12, maxWidth: 480 }}
          onFinish={async (values) => {
            setError(undefined);
            try {
              await reject.mutateAsync(values);
            } catch (e) {
              setError(showServerErrors(form, e));
            }
          }}
        >
          <Form.Item label="退回理由" name="reason" rules={[{ required: true, whitespace: true, message: '请填写退回理由' }]}>
            <Input maxLength={500} />
          </Form.Item>
          <Button htmlType="submit" loading={reject.isPending}>
            确认退回
          </Button>
        </Form>
      ) : null}
      {error ? <Alert type="error" showIcon role="alert" title={error} style={{ marginTop: 12 }} /> : null}
    </Card>
  );
}

interface ProposeValues {
  terms: Record<string, number>;
  effectiveFrom: Dayjs;
  documentNumber: string;
  documentTitle: string;
}

/** The server's refusals that concern a field of the form (they carry no field path). */
const FIELD_OF_CODE: Record<string, string> = { EFFECTIVE_BEFORE_CATALOG: 'effectiveFrom' };

function ProposeForm(props: { standard: Standard; jurisdiction: string }) {
  const s = props.standard;
  const [form] = Form.useForm<ProposeValues>();
  const [error, setError] = useState<string>();
  const [saved, setSaved] = useState(false);
  const terms: { key: string; label: string; current: number }[] =
    s.shape.kind === 'amount'
      ? [{ key: 'amount', label: `金额（${amountUnit(s)}）`, current: s.inForce.amountFen ?? s.shape.amountFen ?? 0 }]
      : s.shape.kind === 'bands'
        ? (s.shape.bands ?? []).map((b) => ({ key: b.label, label: `${b.labelZh}（${amountUnit(s)}）`, current: s.inForce.bandAmountsFen?.[b.label] ?? b.amountFen }))
        : (s.shape.values ?? []).map((p) => ({ key: p.name, label: `${p.labelZh}（${amountUnit(s)}）`, current: s.inForce.valuesFen?.[p.name] ?? p.amountFen }));
  const propose = useCallMutation(
    subsidyApi.proposeStandard,
    (v: ProposeValues) => {
      const fenOf = Object.fromEntries(terms.map((t) => [t.key, toFen(v.terms[t.key])]));
      return {
        params: { jurisdiction: props.jurisdiction, itemId: s.itemId },
        body: {
          effectiveFrom: v.effectiveFrom.format('YYYY-MM-DD'),
          documentNumber: v.documentNumber.trim(),
          documentTitle: v.documentTitle.trim(),
          ...(s.shape.kind === 'amount' ? { amountFen: fenOf.amount } : s.shape.kind === 'bands' ? { bandAmountsFen: fenOf } : { valuesFen: fenOf }),
        },
      };
    },
    [subsidyApi.listStandards],
  );
  return (
    <Form
      form={form}
      layout="vertical"
      style={{ maxWidth: 560, marginTop: 16 }}
      initialValues={{ terms: Object.fromEntries(terms.map((t) => [t.key, t.current / 100])) }}
      onFinish={async (values) => {
        setError(undefined);
        setSaved(false);
        try {
          await propose.mutateAsync(values);
          setSaved(true);
        } catch (e) {
          const code = (e as { code?: string }).code ?? '';
          const field = FIELD_OF_CODE[code];
          if (field) form.setFields([{ name: field as 'effectiveFrom', errors: [(e as Error).message] }]);
          else setError(showServerErrors(form, e));
        }
      }}
    >
      <h3 style={{ fontSize: 15 }}>录入新标准</h3>
      {terms.map((t) => (
        <Form.Item key={t.key} label={t.label} name={['terms', t.key]} rules={[{ required: true, message: '请填写金额（元）' }]}>
          <InputNumber min={0} max={9_999_999} precision={2} step={1} style={{ width: 200 }} />
        </Form.Item>
      ))}
      <Form.Item label="生效日期" name="effectiveFrom" rules={[{ required: true, message: '请选择生效日期' }]}>
        <DatePicker minDate={dayjs('2016-01-01')} />
      </Form.Item>
      <Form.Item label="文件文号" name="documentNumber" rules={[{ required: true, whitespace: true, message: '请填写文件文号' }]}>
        <Input maxLength={100} placeholder="如 台政办发〔2019〕12号" />
      </Form.Item>
      <Form.Item label="文件标题" name="documentTitle" rules={[{ required: true, whitespace: true, message: '请填写文件标题' }]}>
        <Input maxLength={300} />
      </Form.Item>
      <Button type="primary" htmlType="submit" loading={propose.isPending}>
        提交审核
      </Button>
      {saved ? <Alert type="success" showIcon role="status" title="已提交，待另一人审核后生效。" style={{ marginTop: 12 }} /> : null}
      {error ? <Alert type="error" showIcon role="alert" title={error} style={{ marginTop: 12 }} /> : null}
    </Form>
  );
}
