import { identificationApi, identificationEvents } from '@jingzhun/types';
import { Button, Form, Input, Select, Table, Tag } from 'antd';
import { Link, useSearchParams } from 'react-router';
import { mayCall } from '../../../access.js';
import { fen } from '../../../format.js';
import { COLOUR_ZH, STATUS_ZH, WORKFLOW_STATE_ZH, zh } from '../../../labels.js';
import { AddressPager } from '../../app/AddressPager.js';
import { ErrorAlert, PageTitle } from '../../app/Feedback.js';
import { useCall } from '../../app/query.js';
import { RegionName, RegionPicker } from '../../app/regions.js';
import { useSignedIn } from '../../app/session.js';

/**
 * Page cursors seen per filter, so 上一页 works and a return to the list (back) finds the page it
 * left: the filters and the page number live in the address (?region=…&status=…&page=3).
 */
const cursorsByFilter = new Map<string, (string | undefined)[]>();

const COLOUR_TAG: Record<string, string> = { RED: 'red', ORANGE: 'orange', YELLOW: 'gold', GREEN: 'green' };

export default function HouseholdsPage() {
  const who = useSignedIn();
  const [search, setSearch] = useSearchParams();
  const region = search.get('region') ?? who.region;
  const status = search.get('status') ?? undefined;
  const name = search.get('name') ?? undefined;
  const idNumber = search.get('id') ?? undefined;
  const filterKey = JSON.stringify([region, status, name, idNumber]);
  const cursors = cursorsByFilter.get(filterKey) ?? [undefined];
  cursorsByFilter.set(filterKey, cursors);
  const requested = Math.max(1, Number(search.get('page') ?? '1') || 1);
  // A page whose cursor this tab never saw (an address typed or bookmarked) starts from the first.
  const page = requested <= cursors.length ? requested : 1;
  const cursor = cursors[page - 1];

  const list = useCall(identificationApi.listHouseholds, {
    query: {
      region,
      limit: 20,
      ...(status ? { status: status as (typeof identificationEvents.REGISTER_STATUSES)[number] } : {}),
      ...(name ? { name } : {}),
      ...(idNumber ? { idNumber } : {}),
      ...(cursor ? { cursor } : {}),
    },
  });
  const next = list.data?.nextCursor;
  if (next && cursors.length === page) cursors.push(next);

  const update = (changes: Record<string, string | undefined>) => {
    const params = new URLSearchParams(search);
    for (const [key, value] of Object.entries(changes)) {
      if (value) params.set(key, value);
      else params.delete(key);
    }
    if (!('page' in changes)) params.delete('page');
    setSearch(params);
  };

  return (
    <>
      <PageTitle
        title="农户名册"
        extra={
          mayCall(who, identificationApi.createHousehold) ? (
            <Link to="/households/new">
              <Button type="primary">登记申请户</Button>
            </Link>
          ) : undefined
        }
      />
      <Form
        layout="inline"
        style={{ marginBottom: 16, rowGap: 8 }}
        onFinish={(values: { name?: string }) => {
          // One box for both: a full ID number (18 characters) searches by member, anything else by head's name.
          const text = values.name?.trim() ?? '';
          const byId = /^\d{17}[\dXx]$/.test(text);
          update({ name: byId ? undefined : text || undefined, id: byId ? text.toUpperCase() : undefined });
        }}
        initialValues={{ name: name ?? idNumber }}
      >
        <Form.Item label="区划">
          <RegionPicker within={who.region} value={region} onChange={(code) => update({ region: code === who.region ? undefined : code })} />
        </Form.Item>
        <Form.Item label="状态">
          <Select
            allowClear
            placeholder="全部状态"
            style={{ width: 180 }}
            value={status}
            onChange={(value?: string) => update({ status: value })}
            options={identificationEvents.REGISTER_STATUSES.map((s) => ({ value: s, label: STATUS_ZH[s] ?? '其他' }))}
          />
        </Form.Item>
        <Form.Item label="户主姓名或身份证号" name="name">
          <Input allowClear placeholder="户主姓名或成员身份证号" style={{ width: 220 }} maxLength={40} />
        </Form.Item>
        <Form.Item>
          <Button htmlType="submit">查询</Button>
        </Form.Item>
      </Form>
      <ErrorAlert error={list.error} onRetry={() => void list.refetch()} />
      <Table
        rowKey="householdId"
        loading={list.isLoading}
        dataSource={list.data?.items ?? []}
        pagination={false}
        scroll={{ x: 720 }}
        locale={{ emptyText: '没有符合条件的农户' }}
        columns={[
          { title: '户主', dataIndex: 'headName', render: (head: string, h) => <Link to={`/households/${h.householdId}`}>{head}</Link> },
          { title: '所在村', dataIndex: 'region', render: (code: string) => <RegionName code={code} /> },
          { title: '人口', dataIndex: 'size', render: (n: number) => `${n} 人` },
          { title: '状态', dataIndex: 'status', render: (s: string) => zh(STATUS_ZH, s) },
          { title: '属性', dataIndex: 'attribute' },
          { title: '四色', dataIndex: 'colour', render: (c?: string) => (c ? <Tag color={COLOUR_TAG[c]}>{(COLOUR_ZH[c] ?? '').split('（')[0]}</Tag> : '—') },
          { title: '人均纯收入', dataIndex: 'incomePerCapitaFen', render: (v?: number) => fen(v) },
          { title: '当前环节', dataIndex: 'workflowState', render: (s?: string) => (s ? (WORKFLOW_STATE_ZH[s.split(':')[1] ?? ''] ?? '办理中') : '—') },
        ]}
      />
      <AddressPager page={page} hasNext={Boolean(next)} update={update} />
    </>
  );
}
