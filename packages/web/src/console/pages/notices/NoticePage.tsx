import { noticesApi } from '@jingzhun/types';
import { Alert, App, Button, Card, Descriptions, Empty, Form, Input, List, Radio, Select, Space, Table, Tabs, Tag } from 'antd';
import { useState } from 'react';
import { useNavigate, useParams } from 'react-router';
import type * as z from 'zod';
import { api } from '../../../api.js';
import { downloadFile, openFile } from '../../../download.js';
import { date } from '../../../format.js';
import { ENTRY_OUTCOME_ZH, NOTICE_FIELD_ZH, NOTICE_STATUS_ZH, OBJECTION_CHANNEL_ZH, OBJECTION_STATUS_ZH, zh } from '../../../labels.js';
import { ErrorAlert, Loading, PageTitle } from '../../app/Feedback.js';
import { showServerErrors } from '../../app/forms.js';
import { useCall, useCallMutation } from '../../app/query.js';
import { RegionName } from '../../app/regions.js';

type Notice = z.infer<typeof noticesApi.StaffNotice>;
type Objection = z.infer<typeof noticesApi.StaffObjection>;
type FieldValue = string | number | boolean;

const fieldText = (value: FieldValue | undefined) => (value === undefined ? '—' : typeof value === 'boolean' ? (value ? '是' : '否') : String(value));

/** The public fields present on some line, as columns named the board's way. */
function fieldColumns(lines: { fields: Record<string, FieldValue> }[]) {
  const keys = [...new Set(lines.flatMap((l) => Object.keys(l.fields)))].filter((k) => NOTICE_FIELD_ZH[k]);
  return keys.map((key) => ({ title: NOTICE_FIELD_ZH[key], key, render: (_: unknown, l: { fields: Record<string, FieldValue> }) => fieldText(l.fields[key]) }));
}

/**
 * One notice: what it is and its window; the preview of the online copy (masked, as the board shows
 * it); publishing (confirmed), withdrawal and correction (with a reason); the printable page and the
 * full-name export, fetched with the user's token; and the objections with their outcome.
 */
export default function NoticePage() {
  const { noticeId = '' } = useParams();
  const params = { noticeId };
  const notice = useCall(noticesApi.getNotice, { params });
  const n = notice.data;
  if (notice.isLoading) return <Loading what="公示" />;
  if (!n) return <ErrorAlert error={notice.error} onRetry={() => void notice.refetch()} />;
  return (
    <>
      <PageTitle title={n.title} />
      <Summary notice={n} />
      <Actions notice={n} />
      <Tabs
        items={[
          { key: 'preview', label: '公示栏预览（网上公开版本）', children: <Preview noticeId={noticeId} status={n.status} /> },
          { key: 'entries', label: '名单（含全名）', children: <Entries noticeId={noticeId} /> },
          { key: 'objections', label: `异议（待处理 ${n.objections.open}）`, children: <Objections notice={n} /> },
        ]}
      />
    </>
  );
}

function Summary(props: { notice: Notice }) {
  const n = props.notice;
  return (
    <Descriptions
      bordered
      size="small"
      column={{ xs: 1, md: 2 }}
      style={{ marginBottom: 16 }}
      items={[
        { key: 'type', label: '类型', children: n.typeName },
        { key: 'region', label: '发布区划', children: <RegionName code={n.region} full /> },
        { key: 'status', label: '状态', children: <span id="notice-status">{zh(NOTICE_STATUS_ZH, n.status)}</span> },
        { key: 'count', label: '条目', children: `${n.entryCount} 条` },
        {
          key: 'window',
          label: '公示期',
          children: n.window ? `${date(n.window.start)} 至 ${date(n.window.end)}（${date(n.window.closesAt)} 截止）` : '发布后自次日起算',
        },
        { key: 'objections', label: '异议', children: `待处理 ${n.objections.open} 件，成立 ${n.objections.upheld} 件，不成立 ${n.objections.rejected} 件` },
        ...(n.createdBy.name ? [{ key: 'by', label: '起草人', children: n.createdBy.name }] : []),
        ...(n.withdrawReason ? [{ key: 'withdrawn', label: '撤回原因', children: `${n.withdrawReason}（${date(n.withdrawnAt)}）` }] : []),
      ]}
    />
  );
}

function Actions(props: { notice: Notice }) {
  const n = props.notice;
  const navigate = useNavigate();
  const { modal, message } = App.useApp();
  const [error, setError] = useState<unknown>();
  const [withdrawing, setWithdrawing] = useState(false);
  const params = { noticeId: n.noticeId };
  const publish = useCallMutation(noticesApi.publishNotice, (_: undefined) => ({ params }), [noticesApi.getNotice, noticesApi.listNotices, noticesApi.previewNotice]);
  const files = async (kind: 'print' | 'xlsx' | 'csv') => {
    setError(undefined);
    try {
      if (kind === 'print') await openFile(api().url(noticesApi.printNotice, { params }));
      else await downloadFile(api().url(noticesApi.exportNotice, { params, query: { format: kind } }), `${n.title}.${kind}`);
    } catch (e) {
      setError(e);
    }
  };
  const open = n.status === 'draft' || n.status === 'published';
  return (
    <Card size="small" style={{ marginBottom: 16 }}>
      <Space wrap>
        {n.status === 'draft' ? (
          <Button
            type="primary"
            loading={publish.isPending}
            onClick={() =>
              modal.confirm({
                title: '确认发布',
                content: `发布后，${n.entryCount} 条名单将在公示栏和网上公开（网上姓名脱敏），公示期自次日起算，发布后不能修改名单，只能撤回或更正。`,
                okText: '发布',
                cancelText: '取消',
                onOk: async () => {
                  setError(undefined);
                  try {
                    await publish.mutateAsync(undefined);
                    message.success('已发布');
                  } catch (e) {
                    setError(e);
                  }
                },
              })
            }
          >
            发布
          </Button>
        ) : null}
        {n.status === 'published' ? <Button onClick={() => navigate(`/notices/new?corrects=${n.noticeId}`)}>更正</Button> : null}
        {open ? (
          <Button danger onClick={() => setWithdrawing(true)}>
            撤回
          </Button>
        ) : null}
        <Button onClick={() => void files('print')}>打印版（含全名）</Button>
        <Button onClick={() => void files('xlsx')}>导出 Excel（含全名）</Button>
        <Button onClick={() => void files('csv')}>导出 CSV（含全名）</Button>
      </Space>
      <div style={{ marginTop: error ? 12 : 0 }}>
        <ErrorAlert error={error} />
      </div>
      {withdrawing ? <WithdrawForm notice={n} onDone={() => setWithdrawing(false)} /> : null}
    </Card>
  );
}

function WithdrawForm(props: { notice: Notice; onDone: () => void }) {
  const [form] = Form.useForm<{ reason: string }>();
  const { modal } = App.useApp();
  const [error, setError] = useState<string>();
  const withdraw = useCallMutation(noticesApi.withdrawNotice, (v: { reason: string }) => ({ params: { noticeId: props.notice.noticeId }, body: { reason: v.reason.trim() } }), [
    noticesApi.getNotice,
    noticesApi.listNotices,
  ]);
  return (
    <Form
      form={form}
      layout="vertical"
      style={{ marginTop: 16, maxWidth: 560 }}
      onFinish={(values) =>
        modal.confirm({
          title: '确认撤回',
          content: '撤回后公示从公示栏和网上撤下，名单上的农户不再按本公示进入下一环节，撤回不能恢复。',
          okText: '撤回',
          okButtonProps: { danger: true },
          cancelText: '取消',
          onOk: async () => {
            try {
              await withdraw.mutateAsync(values);
              props.onDone();
            } catch (e) {
              setError(showServerErrors(form, e));
            }
          },
        })
      }
    >
      <Form.Item label="撤回原因" name="reason" rules={[{ required: true, whitespace: true, message: '请填写撤回原因' }]}>
        <Input.TextArea rows={2} maxLength={500} />
      </Form.Item>
      <Space>
        <Button danger htmlType="submit" loading={withdraw.isPending}>
          确认撤回
        </Button>
        <Button onClick={props.onDone}>取消</Button>
      </Space>
      {error ? <Alert type="error" showIcon role="alert" title={error} style={{ marginTop: 12 }} /> : null}
    </Form>
  );
}

function Preview(props: { noticeId: string; status: string }) {
  const preview = useCall(noticesApi.previewNotice, { params: { noticeId: props.noticeId }, query: { limit: 100 } });
  const items = preview.data?.items ?? [];
  const p = preview.data?.notice;
  return (
    <>
      <ErrorAlert error={preview.error} onRetry={() => void preview.refetch()} />
      <Alert
        type="info"
        showIcon
        style={{ marginBottom: 12 }}
        title={props.status === 'draft' ? '发布后公示栏网上版本将如下显示：姓名只显示姓氏，不显示身份证号、电话、收入和致贫原因。' : '公示栏网上版本如下显示（姓名脱敏）。'}
      />
      {p ? (
        <Card size="small" style={{ marginBottom: 12 }}>
          <strong>{p.title}</strong>
          <div>
            {p.publisher} · {p.kind}
            {p.windowStart ? ` · 公示期 ${date(p.windowStart)} 至 ${date(p.windowEnd)}` : ''}
            {p.objectionsAccepted ? ' · 接受异议' : ''}
          </div>
        </Card>
      ) : null}
      <Table
        rowKey="no"
        size="small"
        loading={preview.isLoading}
        dataSource={items}
        pagination={false}
        locale={{ emptyText: '没有条目' }}
        columns={[
          { title: '序号', dataIndex: 'no' },
          { title: '姓名', dataIndex: 'name' },
          { title: '村', dataIndex: 'village', render: (code: string, l) => l.villageName ?? <RegionName code={code} /> },
          { title: '组', dataIndex: 'group', render: (g?: string) => g ?? '—' },
          ...fieldColumns(items),
        ]}
      />
    </>
  );
}

function Entries(props: { noticeId: string }) {
  const entries = useCall(noticesApi.listEntries, { params: { noticeId: props.noticeId }, query: { limit: 100 } });
  const items = entries.data?.items ?? [];
  return (
    <>
      <ErrorAlert error={entries.error} onRetry={() => void entries.refetch()} />
      <Table
        rowKey="no"
        size="small"
        loading={entries.isLoading}
        dataSource={items}
        pagination={false}
        locale={{ emptyText: '没有条目' }}
        columns={[
          { title: '序号', dataIndex: 'no' },
          { title: '姓名', dataIndex: 'fullName' },
          { title: '村', dataIndex: 'region', render: (code: string, e) => e.regionName ?? <RegionName code={code} /> },
          { title: '组', dataIndex: 'group', render: (g?: string) => g ?? '—' },
          ...fieldColumns(items),
          {
            title: '异议',
            dataIndex: 'objections',
            render: (o: { open: number; upheld: number; rejected: number }) =>
              o.open + o.upheld + o.rejected > 0 ? `待处理 ${o.open}，成立 ${o.upheld}，不成立 ${o.rejected}` : '—',
          },
          { title: '结果', dataIndex: 'outcome', render: (o: string) => zh(ENTRY_OUTCOME_ZH, o) },
        ]}
      />
    </>
  );
}

function Objections(props: { notice: Notice }) {
  const params = { noticeId: props.notice.noticeId };
  const objections = useCall(noticesApi.listObjections, { params });
  const entries = useCall(noticesApi.listEntries, { params, query: { limit: 100 } });
  const nameOf = (no: number) => entries.data?.items.find((e) => e.no === no)?.fullName;
  const items = objections.data?.items ?? [];
  return (
    <>
      <ErrorAlert error={objections.error} onRetry={() => void objections.refetch()} />
      {items.length === 0 && !objections.isLoading ? <Empty description="暂无异议" /> : null}
      <List
        dataSource={items}
        renderItem={(o) => (
          <List.Item key={o.objectionId}>
            <ObjectionCard notice={props.notice} objection={o} name={nameOf(o.entryNo)} />
          </List.Item>
        )}
      />
      {props.notice.status === 'published' ? <RecordObjection notice={props.notice} entries={entries.data?.items ?? []} /> : null}
    </>
  );
}

function ObjectionCard(props: { notice: Notice; objection: Objection; name: string | undefined }) {
  const o = props.objection;
  const params = { noticeId: props.notice.noticeId, objectionId: o.objectionId };
  const refetch = [noticesApi.listObjections, noticesApi.getNotice, noticesApi.listEntries];
  const [decideForm] = Form.useForm<{ outcome: 'upheld' | 'rejected'; reason: string }>();
  const [noteForm] = Form.useForm<{ note: string }>();
  const { modal } = App.useApp();
  const [error, setError] = useState<string>();
  const decide = useCallMutation(
    noticesApi.decideObjection,
    (v: { outcome: 'upheld' | 'rejected'; reason: string }) => ({ params, body: { outcome: v.outcome, reason: v.reason.trim() } }),
    refetch,
  );
  const investigate = useCallMutation(noticesApi.recordInvestigation, (v: { note: string }) => ({ params, body: { note: v.note.trim() } }), refetch);
  return (
    <Card
      size="small"
      style={{ width: '100%' }}
      title={`第 ${o.entryNo} 条${props.name ? `（${props.name}）` : ''}的异议`}
      extra={<Tag color={o.status === 'open' ? 'orange' : o.status === 'upheld' ? 'red' : 'green'}>{zh(OBJECTION_STATUS_ZH, o.status)}</Tag>}
    >
      <p>{o.reason}</p>
      <p style={{ color: '#666' }}>
        {zh(OBJECTION_CHANNEL_ZH, o.channel)} · {date(o.lodgedAt)}
        {o.objectorName ? ` · 异议人 ${o.objectorName}` : ''}
        {o.contact ? ` · 联系方式 ${o.contact}` : ''}
        {o.status === 'open' ? ` · 应于 ${date(o.dueBy)} 前调查处理` : ''}
      </p>
      {o.investigation.length > 0 ? (
        <ul>
          {o.investigation.map((i) => (
            <li key={i.at}>
              {date(i.at)} 调查情况：{i.note}
            </li>
          ))}
        </ul>
      ) : null}
      {o.decision ? (
        <Alert
          type={o.decision.outcome === 'upheld' ? 'warning' : 'success'}
          title={`处理结论：${o.decision.outcome === 'upheld' ? '异议成立，该条目撤回' : '异议不成立，该条目继续'}。理由：${o.decision.reason}（${date(o.decision.at)}）`}
        />
      ) : null}
      {o.status === 'open' ? (
        <Space align="start" wrap style={{ width: '100%' }}>
          <Form
            form={noteForm}
            layout="vertical"
            style={{ minWidth: 280 }}
            onFinish={async (v) => {
              try {
                await investigate.mutateAsync(v);
                noteForm.resetFields();
              } catch (e) {
                setError(showServerErrors(noteForm, e));
              }
            }}
          >
            <Form.Item label="调查情况" name="note" rules={[{ required: true, whitespace: true, message: '请填写调查情况' }]}>
              <Input.TextArea rows={2} maxLength={2000} />
            </Form.Item>
            <Button htmlType="submit" loading={investigate.isPending}>
              记录调查情况
            </Button>
          </Form>
          <Form
            form={decideForm}
            layout="vertical"
            style={{ minWidth: 320 }}
            initialValues={{ outcome: 'rejected' }}
            onFinish={(v) =>
              modal.confirm({
                title: '确认处理结论',
                content: v.outcome === 'upheld' ? '异议成立：该条目从公示中撤回，农户按规定退回上一环节。' : '异议不成立：该条目继续，须书面答复异议人。',
                okText: '提交结论',
                cancelText: '取消',
                onOk: async () => {
                  try {
                    await decide.mutateAsync(v);
                  } catch (e) {
                    setError(showServerErrors(decideForm, e));
                  }
                },
              })
            }
          >
            <Form.Item label="结论" name="outcome">
              <Radio.Group
                options={[
                  { value: 'rejected', label: '不成立（条目继续）' },
                  { value: 'upheld', label: '成立（条目撤回）' },
                ]}
              />
            </Form.Item>
            <Form.Item label="结论理由" name="reason" rules={[{ required: true, whitespace: true, message: '请填写结论理由' }]}>
              <Input.TextArea rows={2} maxLength={2000} />
            </Form.Item>
            <Button type="primary" htmlType="submit" loading={decide.isPending}>
              提交结论
            </Button>
          </Form>
        </Space>
      ) : null}
      {error ? <Alert type="error" showIcon role="alert" title={error} style={{ marginTop: 12 }} /> : null}
    </Card>
  );
}

/** An oral or written objection, recorded by the publisher (workflows.md §4.1 rule 1): the line is picked by name. */
function RecordObjection(props: { notice: Notice; entries: { no: number; fullName: string }[] }) {
  const [form] = Form.useForm<{ entryNo: number; name?: string; contact?: string; reason: string }>();
  const [error, setError] = useState<string>();
  const record = useCallMutation(
    noticesApi.recordObjection,
    (v: { entryNo: number; name?: string; contact?: string; reason: string }) => ({
      params: { noticeId: props.notice.noticeId },
      body: { entryNo: v.entryNo, reason: v.reason.trim(), ...(v.name?.trim() ? { name: v.name.trim() } : {}), ...(v.contact?.trim() ? { contact: v.contact.trim() } : {}) },
    }),
    [noticesApi.listObjections, noticesApi.getNotice, noticesApi.listEntries],
  );
  return (
    <Card size="small" title={<h2 style={{ margin: 0, fontSize: 15 }}>代录异议（口头或书面提出）</h2>} style={{ marginTop: 16 }}>
      <Form
        form={form}
        layout="vertical"
        style={{ maxWidth: 560 }}
        onFinish={async (v) => {
          setError(undefined);
          try {
            await record.mutateAsync(v);
            form.resetFields();
          } catch (e) {
            setError(showServerErrors(form, e));
          }
        }}
      >
        <Form.Item label="针对条目" name="entryNo" rules={[{ required: true, message: '请选择异议针对的条目' }]}>
          <Select showSearch={{ optionFilterProp: 'label' }} options={props.entries.map((e) => ({ value: e.no, label: `第 ${e.no} 条 ${e.fullName}` }))} />
        </Form.Item>
        <Form.Item label="异议人姓名（可不填）" name="name">
          <Input maxLength={50} />
        </Form.Item>
        <Form.Item label="联系方式（可不填）" name="contact" rules={[{ pattern: /^(1\d{10}|0\d{2,3}-?\d{7,8})$/, message: '请填写11位手机号或带区号的固定电话' }]}>
          <Input maxLength={20} />
        </Form.Item>
        <Form.Item label="异议内容" name="reason" rules={[{ required: true, whitespace: true, message: '请填写异议内容' }]}>
          <Input.TextArea rows={3} maxLength={2000} />
        </Form.Item>
        <Button htmlType="submit" loading={record.isPending}>
          登记异议
        </Button>
        {error ? <Alert type="error" showIcon role="alert" title={error} style={{ marginTop: 12 }} /> : null}
      </Form>
    </Card>
  );
}
