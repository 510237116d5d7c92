import { identificationApi, noticesApi } from '@jingzhun/types';
import { Alert, App, Button, Card, Form, Input, Select, Space, Table, Tag } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { useNavigate, useSearchParams } from 'react-router';
import { api } from '../../../api.js';
import { NOTICE_TYPE_ZH, STATUS_ZH, zh } from '../../../labels.js';
import { ErrorAlert, Loading, PageTitle } from '../../app/Feedback.js';
import { showServerErrors } from '../../app/forms.js';
import { useCall } from '../../app/query.js';
import { RegionName, RegionPicker, regionPath, useRegions } from '../../app/regions.js';
import { useSignedIn } from '../../app/session.js';

type NoticeType = (typeof noticesApi.CreateNoticeBody.shape.type.options)[number];
type Entry = { entryId: string; fullName: string; group?: string; region: string; regionName?: string; fields: Record<string, string | number | boolean> };

/** Notices whose lines are households (workflows.md §4.2): the ones a list of households is drafted for. */
const HOUSEHOLD_TYPES: NoticeType[] = [
  'entry-first',
  'entry-second',
  'entry-announcement',
  'monitoring',
  'risk-elimination',
  'exit-village-notice',
  'exit-announcement',
  'exit-no-policy',
  'dibao-disclosure',
  'asset-income',
];

interface DraftValues {
  type: NoticeType;
  title: string;
  reason?: string;
}

/**
 * 起草公示: the type, where it is posted, and the households it lists — ticked from the register of
 * that region (names, groups and sizes come from the register, nothing is typed). Saved as a draft,
 * previewed as the board will show it, then published from the notice's page. With ?corrects=<id>
 * it starts from a published notice's list: the new notice replaces it and the old one is withdrawn
 * with the reason given (workflows.md §4.1 rule 3: a correction is a new full-length notice).
 */
export default function NoticeDraftPage() {
  const who = useSignedIn();
  const navigate = useNavigate();
  const { modal } = App.useApp();
  const [search] = useSearchParams();
  const corrects = search.get('corrects') ?? undefined;
  const original = useCall(noticesApi.getNotice, corrects ? { params: { noticeId: corrects } } : undefined, { enabled: Boolean(corrects) });
  const originalEntries = useCall(noticesApi.listEntries, corrects ? { params: { noticeId: corrects }, query: { limit: 100 } } : undefined, { enabled: Boolean(corrects) });
  const regions = useRegions();
  const [form] = Form.useForm<DraftValues>();
  const [region, setRegion] = useState(who.region);
  const [name, setName] = useState<string | undefined>();
  const [chosen, setChosen] = useState<Map<string, Entry>>(new Map());
  const [listError, setListError] = useState<string | undefined>();
  const [error, setError] = useState<string | undefined>();
  const [busy, setBusy] = useState(false);

  // A correction starts from the original's type, region, title and lines.
  useEffect(() => {
    const n = original.data;
    const lines = originalEntries.data?.items;
    if (!n || !lines) return;
    setRegion(n.region);
    form.setFieldsValue({ type: n.type as NoticeType, title: `${n.title}（更正）` });
    setChosen(
      new Map(
        lines
          .filter((e) => e.outcome !== 'upheld')
          .map((e) => [
            e.entryId,
            {
              entryId: e.entryId,
              fullName: e.fullName,
              ...(e.group ? { group: e.group } : {}),
              region: e.region,
              ...(e.regionName ? { regionName: e.regionName } : {}),
              fields: e.fields,
            },
          ]),
      ),
    );
  }, [original.data, originalEntries.data, form]);

  const households = useCall(identificationApi.listHouseholds, { query: { region, limit: 100, ...(name ? { name } : {}) } });
  const type = Form.useWatch('type', form);
  const suggestedTitle = useMemo(() => {
    const place = regionPath(regions.data, region).split(' / ').at(-1) ?? '';
    return type ? `${place}${new Date().getFullYear()}年${NOTICE_TYPE_ZH[type] ?? ''}` : '';
  }, [regions.data, region, type]);

  const toggle = (rows: { householdId: string; headName: string; group?: string | undefined; region: string; size: number; attribute: string }[], selected: boolean) => {
    const next = new Map(chosen);
    for (const h of rows) {
      if (!selected) next.delete(h.householdId);
      else
        next.set(h.householdId, {
          entryId: h.householdId,
          fullName: h.headName,
          ...(h.group ? { group: h.group } : {}),
          region: h.region,
          ...(regions.data?.find((r) => r.code === h.region) ? { regionName: regions.data.find((r) => r.code === h.region)?.name as string } : {}),
          fields: { size: h.size, attribute: h.attribute },
        });
    }
    setChosen(next);
    setListError(undefined);
  };

  const save = async (values: DraftValues) => {
    if (chosen.size === 0) {
      setListError('请在下方名单中勾选要公示的农户');
      return;
    }
    const send = async () => {
      setBusy(true);
      setError(undefined);
      try {
        const notice = await api().call(noticesApi.createNotice, {
          body: { type: values.type, region, title: values.title.trim(), entries: [...chosen.values()], publish: false },
          retries: 0,
        });
        if (corrects) await api().call(noticesApi.withdrawNotice, { params: { noticeId: corrects }, body: { reason: `更正：${values.reason?.trim() ?? ''}` }, retries: 0 });
        navigate(`/notices/${notice.noticeId}`);
      } catch (e) {
        setError(showServerErrors(form, e));
      } finally {
        setBusy(false);
      }
    };
    if (!corrects) return send();
    modal.confirm({
      title: '确认更正',
      content: `将保存新的公示草稿（${chosen.size} 户），并撤回原公示“${original.data?.title ?? ''}”，撤回原因：更正：${values.reason?.trim() ?? ''}。原公示撤回后不能恢复。`,
      okText: '保存并撤回原公示',
      cancelText: '取消',
      onOk: send,
    });
  };

  if (corrects && (original.isLoading || originalEntries.isLoading)) return <Loading what="原公示" />;
  return (
    <>
      <PageTitle title={corrects ? '更正公示' : '起草公示'} />
      <ErrorAlert error={original.error ?? originalEntries.error} />
      {corrects && original.data ? (
        <Alert type="info" showIcon style={{ marginBottom: 16 }} title={`更正“${original.data.title}”：调整名单后保存为新的草稿，原公示将被撤回（异议成立的条目已去掉）。`} />
      ) : null}
      <Card style={{ marginBottom: 16 }}>
        <Form form={form} layout="vertical" onFinish={save} initialValues={{ type: 'entry-announcement' }} style={{ maxWidth: 640 }}>
          <Form.Item label="公示类型" name="type" rules={[{ required: true, message: '请选择公示类型' }]}>
            <Select disabled={Boolean(corrects)} options={HOUSEHOLD_TYPES.map((t) => ({ value: t, label: NOTICE_TYPE_ZH[t] }))} />
          </Form.Item>
          <Form.Item label="发布区划" htmlFor="draft-region" required>
            {corrects ? <RegionName code={region} full /> : <RegionPicker id="draft-region" within={who.region} value={region} onChange={(code) => setRegion(code)} />}
          </Form.Item>
          <Form.Item
            label="标题"
            name="title"
            rules={[
              { required: true, whitespace: true, message: '请填写标题' },
              { max: 200, message: '标题不超过200字' },
            ]}
          >
            <Input placeholder={suggestedTitle || '如：冯庄村2026年贫困户识别公告'} maxLength={200} />
          </Form.Item>
          {!corrects && suggestedTitle ? (
            <Button type="link" style={{ padding: 0, marginTop: -16, marginBottom: 8 }} onClick={() => form.setFieldValue('title', suggestedTitle)}>
              使用“{suggestedTitle}”
            </Button>
          ) : null}
          {corrects ? (
            <Form.Item label="更正原因" name="reason" rules={[{ required: true, whitespace: true, message: '请填写更正原因' }]}>
              <Input.TextArea rows={2} maxLength={500} placeholder="如：经核实，某户人口数有误" />
            </Form.Item>
          ) : null}
          <Space wrap>
            <Button type="primary" htmlType="submit" loading={busy}>
              {corrects ? '保存更正草稿' : '保存草稿'}
            </Button>
            <span>已选 {chosen.size} 户</span>
          </Space>
          {error ? <Alert type="error" showIcon role="alert" title={error} style={{ marginTop: 16 }} /> : null}
        </Form>
      </Card>

      <Card title={<h2 style={{ margin: 0, fontSize: 16 }}>选择公示名单</h2>}>
        {listError ? <Alert type="error" showIcon role="alert" title={listError} style={{ marginBottom: 12 }} /> : null}
        {chosen.size > 0 ? (
          <section style={{ marginBottom: 12 }} aria-label="已选农户">
            {[...chosen.values()].map((e) => (
              <Tag key={e.entryId} closable onClose={() => toggle([{ householdId: e.entryId, headName: e.fullName, region: e.region, size: 0, attribute: '' }], false)}>
                {e.fullName}
              </Tag>
            ))}
          </section>
        ) : null}
        <Form layout="inline" style={{ marginBottom: 12 }} onFinish={(v: { name?: string }) => setName(v.name?.trim() || undefined)}>
          {corrects ? null : (
            <Form.Item label="区划">
              <RegionName code={region} full />
            </Form.Item>
          )}
          <Form.Item label="户主姓名" name="name">
            <Input allowClear placeholder="输入户主姓名筛选" maxLength={40} style={{ width: 180 }} />
          </Form.Item>
          <Form.Item>
            <Button htmlType="submit">筛选</Button>
          </Form.Item>
        </Form>
        <ErrorAlert error={households.error} onRetry={() => void households.refetch()} />
        <Table
          rowKey="householdId"
          size="small"
          loading={households.isLoading}
          dataSource={households.data?.items ?? []}
          pagination={{ pageSize: 20, showSizeChanger: false }}
          locale={{ emptyText: '该区划没有符合条件的农户' }}
          rowSelection={{
            selectedRowKeys: [...chosen.keys()],
            onSelect: (row, selected) => toggle([row], selected),
            onSelectAll: (selected, _rows, changed) => toggle(changed, selected),
            getCheckboxProps: (row) => ({ 'aria-label': `选择 ${row.headName}` }) as object,
          }}
          columns={[
            { title: '户主', dataIndex: 'headName' },
            { title: '所在村', dataIndex: 'region', render: (code: string) => <RegionName code={code} /> },
            { title: '组', dataIndex: 'group', render: (g?: string) => g ?? '—' },
            { title: '人口', dataIndex: 'size', render: (n: number) => `${n} 人` },
            { title: '属性', dataIndex: 'attribute' },
            { title: '状态', dataIndex: 'status', render: (s: string) => zh(STATUS_ZH, s) },
          ]}
        />
      </Card>
    </>
  );
}
