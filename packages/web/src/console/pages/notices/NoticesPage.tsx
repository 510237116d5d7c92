import { noticesApi } from '@jingzhun/types';
import { Button, Form, Select, Table } from 'antd';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { date } from '../../../format.js';
import { NOTICE_STATUS_ZH, zh } from '../../../labels.js';
import { AddressPager } from '../../app/AddressPager.js';
import { ErrorAlert, PageTitle } from '../../app/Feedback.js';
import { useAddressPaging } from '../../app/paging.js';
import { useCall } from '../../app/query.js';
import { RegionName, RegionPicker } from '../../app/regions.js';
import { useSignedIn } from '../../app/session.js';

type NoticeStatus = (typeof noticesApi.NoticeStatus.options)[number];

/** 公示公告: the notices of the user's region, newest region order, with their window and open objections. */
export default function NoticesPage() {
  const who = useSignedIn();
  const navigate = useNavigate();
  const [search] = useSearchParams();
  const region = search.get('region') ?? who.region;
  const status = (search.get('status') ?? undefined) as NoticeStatus | undefined;
  const { page, cursor, record, update } = useAddressPaging('notices', [region, status]);
  const list = useCall(noticesApi.listNotices, { query: { region, limit: 20, ...(status ? { status } : {}), ...(cursor ? { cursor } : {}) } });
  const next = list.data?.nextCursor;
  record(next);

  return (
    <>
      <PageTitle
        title="公示公告"
        extra={
          <Button type="primary" onClick={() => navigate('/notices/new')}>
            起草公示
          </Button>
        }
      />
      <Form layout="inline" style={{ marginBottom: 16, rowGap: 8 }}>
        <Form.Item label="区划">
          <RegionPicker within={who.region} value={region} onChange={(code) => update({ region: code === who.region ? undefined : code })} />
        </Form.Item>
        <Form.Item label="状态" htmlFor="notices-status">
          <Select
            id="notices-status"
            allowClear
            placeholder="全部状态"
            style={{ width: 160 }}
            value={status}
            onChange={(value?: string) => update({ status: value })}
            options={noticesApi.NoticeStatus.options.map((s) => ({ value: s, label: zh(NOTICE_STATUS_ZH, s) }))}
          />
        </Form.Item>
      </Form>
      <ErrorAlert error={list.error} onRetry={() => void list.refetch()} />
      <Table
        rowKey="noticeId"
        loading={list.isLoading}
        dataSource={list.data?.items ?? []}
        pagination={false}
        scroll={{ x: 900 }}
        locale={{ emptyText: '辖区内暂无公示' }}
        columns={[
          { title: '标题', dataIndex: 'title', render: (title: string, n) => <Link to={`/notices/${n.noticeId}`}>{title}</Link> },
          { title: '类型', dataIndex: 'typeName' },
          { title: '发布区划', dataIndex: 'region', render: (code: string) => <RegionName code={code} /> },
          { title: '状态', dataIndex: 'status', render: (s: string) => zh(NOTICE_STATUS_ZH, s) },
          { title: '条目', dataIndex: 'entryCount', render: (n: number) => `${n} 条` },
          { title: '公示期', dataIndex: 'window', render: (w?: { start: string; end: string }) => (w ? `${date(w.start)} 至 ${date(w.end)}` : '—') },
          { title: '待处理异议', dataIndex: 'objections', render: (o: { open: number }) => (o.open > 0 ? `${o.open} 件` : '—') },
        ]}
      />
      <AddressPager page={page} hasNext={Boolean(next)} update={update} />
    </>
  );
}
