import { subsidyApi } from '@jingzhun/types';
import { Alert, App, Button, Card, DatePicker, Descriptions, Progress, Space, Table } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useSearchParams } from 'react-router';
import type * as z from 'zod';
import { mayCall } from '../../../access.js';
import { ApiError, api } from '../../../api.js';
import { downloadFile } from '../../../download.js';
import { date, fen } from '../../../format.js';
import { FACT_ZH, RUN_STATUS_ZH, zh } from '../../../labels.js';
import { ErrorAlert, Loading, PageTitle } from '../../app/Feedback.js';
import { useCall, useCallMutation } from '../../app/query.js';
import { RegionName, RegionPicker } from '../../app/regions.js';
import { useSignedIn } from '../../app/session.js';
import { lastMonth, monthText } from './text.js';

type Run = z.infer<typeof subsidyApi.RunView>;

/**
 * 月度发放: the month's run for the user's own region (never a region asked for), started here and
 * followed live (households done / total); then the roster's totals by item and by town, its lines
 * per village, the county's approval (confirmed), the bank file as XLSX or CSV, and the disclosure.
 */
export default function RunPage() {
  const who = useSignedIn();
  const [search, setSearch] = useSearchParams();
  const period = search.get('period') ?? lastMonth();
  const params = { period, region: who.region };
  const [started, setStarted] = useState(false);
  const run = useCall(subsidyApi.getRun, { params }, { refetchInterval: (q) => (q.state.data?.status === 'RUNNING' || (started && !q.state.data) ? 1000 : false) });
  const notStarted = run.error instanceof ApiError && run.error.status === 404;
  const start = useCallMutation(subsidyApi.startRun, (_: undefined) => ({ body: params }), [subsidyApi.getRun]);
  const { modal } = App.useApp();
  const mayStart = mayCall(who, subsidyApi.startRun);

  const begin = () => {
    const go = async () => {
      setStarted(true);
      try {
        await start.mutateAsync(undefined);
      } finally {
        setStarted(false);
      }
    };
    if (run.data && run.data.status !== 'RUNNING')
      modal.confirm({
        title: '确认重新计算',
        content: `${monthText(period)}已计算过（第 ${run.data.attempt} 次）。重新计算将按当前的农户信息和标准生成新的结果，并与上次结果比较。`,
        okText: '重新计算',
        cancelText: '取消',
        onOk: go,
      });
    else void go();
  };

  return (
    <>
      <PageTitle title="月度发放" />
      <Card style={{ marginBottom: 16 }}>
        <Space wrap align="center">
          <span>发放月份</span>
          <DatePicker
            picker="month"
            allowClear={false}
            aria-label="发放月份"
            minDate={dayjs('2016-01-01')}
            value={dayjs(`${period}-01`)}
            onChange={(d) => d && setSearch({ period: d.format('YYYY-MM') })}
          />
          <span>
            计算范围：
            <RegionName code={who.region} full />
          </span>
          {mayStart && run.data?.status !== 'APPROVED' && run.data?.status !== 'PAID' ? (
            <Button type="primary" onClick={begin} loading={start.isPending && !run.data} disabled={run.data?.status === 'RUNNING'}>
              {run.data ? (run.data.status === 'RUNNING' ? '正在计算' : '重新计算') : '开始计算'}
            </Button>
          ) : null}
        </Space>
        <div style={{ marginTop: start.error ? 12 : 0 }}>
          <ErrorAlert error={start.error} />
        </div>
      </Card>
      {run.isLoading ? <Loading what="发放计算" /> : null}
      {notStarted && !start.isPending ? <Alert type="info" showIcon title={`${monthText(period)}尚未计算发放花名册${mayStart ? '，请点击“开始计算”' : ''}。`} /> : null}
      {!notStarted ? <ErrorAlert error={run.error} onRetry={() => void run.refetch()} /> : null}
      {run.data ? <RunView run={run.data} /> : null}
    </>
  );
}

function RunView(props: { run: Run }) {
  const r = props.run;
  const who = useSignedIn();
  const catalog = useCall(subsidyApi.getCatalog, { query: { jurisdiction: r.jurisdiction } }, { staleTime: Number.POSITIVE_INFINITY });
  const itemName = (id: string) => catalog.data?.items.find((i) => i.id === id)?.nameZh ?? '补贴项目';
  const percent = r.progress.total > 0 ? Math.floor((r.progress.done / r.progress.total) * 100) : 0;
  const byItem = Object.entries(r.totals.byItem).map(([itemId, t]) => ({ itemId, ...t }));
  const byTown = Object.entries(r.totals.byTown).map(([town, items]) => ({
    town,
    totalFen: Object.values(items).reduce((sum, t) => sum + t.totalFen, 0),
    items: Object.entries(items).map(([itemId, t]) => ({ itemId, ...t })),
  }));
  const missing = Object.entries(r.totals.missingFacts);
  return (
    <>
      {r.status === 'RUNNING' ? (
        <Card style={{ marginBottom: 16 }} aria-live="polite">
          <div id="run-progress">
            正在计算（第 {r.attempt} 次）：已完成 {r.progress.done} / {r.progress.total} 户
          </div>
          <Progress percent={percent} status="active" />
        </Card>
      ) : null}
      <Descriptions
        bordered
        size="small"
        column={{ xs: 1, md: 2 }}
        style={{ marginBottom: 16 }}
        items={[
          { key: 'status', label: '状态', children: <span id="run-status">{zh(RUN_STATUS_ZH, r.status)}</span> },
          { key: 'scope', label: '范围', children: <RegionName code={r.region} full /> },
          { key: 'households', label: '享受户数', children: `${r.totals.households} 户` },
          { key: 'total', label: '应发合计', children: <strong id="run-total">{fen(r.totals.totalFen)}</strong> },
          { key: 'attempt', label: '计算', children: `第 ${r.attempt} 次，${date(r.startedAt)} 开始${r.completedAt ? `，${date(r.completedAt)} 完成` : ''}` },
          { key: 'diff', label: '与上次相比', children: r.attempt > 1 ? `新增 ${r.diff.added} 项，变化 ${r.diff.changed} 项，减少 ${r.diff.removed} 项` : '首次计算' },
          ...(r.approvedAt ? [{ key: 'approved', label: '审核', children: `${date(r.approvedAt)} 审核通过` }] : []),
          ...(r.paidAt ? [{ key: 'paid', label: '发放', children: `${date(r.paidAt)} 已发放` }] : []),
        ]}
      />
      {r.status !== 'RUNNING' ? <Approval run={r} /> : null}
      {missing.length > 0 ? (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 16 }}
          title={`缺少信息未计算：${missing.map(([fact, n]) => `${FACT_ZH[fact] ?? '其他信息'} ${n} 项`).join('，')}。请在农户信息中补充后重新计算。`}
        />
      ) : null}
      <Card title={<h2 style={{ margin: 0, fontSize: 16 }}>按项目合计</h2>} style={{ marginBottom: 16 }}>
        <Table
          rowKey="itemId"
          size="small"
          dataSource={byItem}
          pagination={false}
          locale={{ emptyText: '尚无结果' }}
          columns={[
            { title: '项目', dataIndex: 'itemId', render: (id: string) => itemName(id) },
            { title: '户数', dataIndex: 'households', render: (n: number) => `${n} 户` },
            { title: '金额', dataIndex: 'totalFen', render: (v: number) => fen(v) },
          ]}
          summary={() => (
            <Table.Summary.Row>
              <Table.Summary.Cell index={0}>合计</Table.Summary.Cell>
              <Table.Summary.Cell index={1}>{r.totals.households} 户</Table.Summary.Cell>
              <Table.Summary.Cell index={2}>{fen(r.totals.totalFen)}</Table.Summary.Cell>
            </Table.Summary.Row>
          )}
        />
      </Card>
      <Card title={<h2 style={{ margin: 0, fontSize: 16 }}>按镇（街）合计</h2>} style={{ marginBottom: 16 }}>
        <Table
          rowKey="town"
          size="small"
          dataSource={byTown}
          pagination={false}
          locale={{ emptyText: '尚无结果' }}
          expandable={{
            expandedRowRender: (row) => (
              <Table
                rowKey="itemId"
                size="small"
                pagination={false}
                dataSource={row.items}
                columns={[
                  { title: '项目', dataIndex: 'itemId', render: (id: string) => itemName(id) },
                  { title: '户数', dataIndex: 'households', render: (n: number) => `${n} 户` },
                  { title: '金额', dataIndex: 'totalFen', render: (v: number) => fen(v) },
                ]}
              />
            ),
          }}
          columns={[
            { title: '镇（街）', dataIndex: 'town', render: (code: string) => <RegionName code={code} /> },
            { title: '项目数', dataIndex: 'items', render: (items: unknown[]) => `${items.length} 项` },
            { title: '金额', dataIndex: 'totalFen', render: (v: number) => fen(v) },
          ]}
        />
      </Card>
      {mayCall(who, subsidyApi.getRosterLines) && r.status !== 'RUNNING' ? <RosterLines run={r} itemName={itemName} /> : null}
    </>
  );
}

function Approval(props: { run: Run }) {
  const r = props.run;
  const who = useSignedIn();
  const { modal, message } = App.useApp();
  const params = { period: r.period, region: r.region };
  const refetch = [subsidyApi.getRun];
  const approve = useCallMutation(subsidyApi.approveRoster, (_: undefined) => ({ params, body: { expectedAttempt: r.attempt } }), refetch);
  const publish = useCallMutation(subsidyApi.publishRoster, (_: undefined) => ({ params }), refetch);
  const paid = useCallMutation(subsidyApi.markRosterPaid, (_: undefined) => ({ params }), refetch);
  const [error, setError] = useState<unknown>();
  const [downloading, setDownloading] = useState(false);
  if (!mayCall(who, subsidyApi.approveRoster)) return null;
  const approved = r.status === 'APPROVED' || r.status === 'PAID';
  const confirm = (title: string, content: string, okText: string, action: () => Promise<unknown>, done: string) =>
    modal.confirm({
      title,
      content,
      okText,
      cancelText: '取消',
      onOk: async () => {
        setError(undefined);
        try {
          await action();
          message.success(done);
        } catch (e) {
          setError(e);
        }
      },
    });
  const download = async (format: 'xlsx' | 'csv') => {
    setError(undefined);
    setDownloading(true);
    try {
      await downloadFile(api().url(subsidyApi.exportRoster, { params, query: { format } }), `一卡通发放-${monthText(r.period)}.${format}`);
    } catch (e) {
      setError(e);
    } finally {
      setDownloading(false);
    }
  };
  return (
    <Card title={<h2 style={{ margin: 0, fontSize: 16 }}>审核与导出</h2>} style={{ marginBottom: 16 }}>
      <Space wrap>
        {r.status === 'COMPLETED' ? (
          <Button
            type="primary"
            loading={approve.isPending}
            onClick={() =>
              confirm(
                '确认审核通过花名册',
                `${monthText(r.period)}花名册：${r.totals.households} 户，合计 ${fen(r.totals.totalFen)}。审核通过后可导出一卡通银行发放文件，本月不能再重新计算。`,
                '审核通过',
                () => approve.mutateAsync(undefined),
                '花名册已审核通过',
              )
            }
          >
            审核通过花名册
          </Button>
        ) : null}
        {approved ? (
          <>
            <Button loading={downloading} onClick={() => void download('xlsx')}>
              下载银行发放文件（Excel）
            </Button>
            <Button loading={downloading} onClick={() => void download('csv')}>
              下载银行发放文件（CSV）
            </Button>
          </>
        ) : (
          <span>花名册审核通过后方可导出银行发放文件。</span>
        )}
        {approved && !r.publishedAt ? (
          <Button
            loading={publish.isPending}
            onClick={() => confirm('确认公开资金分配结果', '按镇和项目汇总的金额将在公示栏长期公开（不含个人信息）。', '公开', () => publish.mutateAsync(undefined), '已提交公开')}
          >
            公开资金分配结果
          </Button>
        ) : null}
        {r.status === 'APPROVED' ? (
          <Button loading={paid.isPending} onClick={() => confirm('确认已发放', '登记本月花名册已通过一卡通发放。', '登记已发放', () => paid.mutateAsync(undefined), '已登记发放')}>
            登记已发放
          </Button>
        ) : null}
      </Space>
      {r.publishedAt ? <p style={{ marginTop: 12 }}>资金分配结果已于 {date(r.publishedAt)} 公开。</p> : null}
      <div style={{ marginTop: error ? 12 : 0 }}>
        <ErrorAlert error={error} />
      </div>
    </Card>
  );
}

function RosterLines(props: { run: Run; itemName: (id: string) => string }) {
  const [village, setVillage] = useState<string>();
  const [cursors, setCursors] = useState<(string | undefined)[]>([undefined]);
  const [page, setPage] = useState(0);
  const params = { period: props.run.period, region: props.run.region };
  const cursor = cursors[page];
  const lines = useCall(subsidyApi.getRosterLines, village ? { params, query: { village, limit: 50, ...(cursor ? { cursor } : {}) } } : undefined, { enabled: Boolean(village) });
  const next = lines.data?.nextCursor;
  return (
    <Card title={<h2 style={{ margin: 0, fontSize: 16 }}>花名册明细（按村）</h2>}>
      <Space style={{ marginBottom: 12 }}>
        <label htmlFor="roster-village">村</label>
        <RegionPicker
          id="roster-village"
          within={props.run.region}
          value={village}
          placeholder="选择镇（街）和村"
          onChange={(code) => {
            setVillage(code === props.run.region ? undefined : code);
            setCursors([undefined]);
            setPage(0);
          }}
        />
      </Space>
      <ErrorAlert error={lines.error} />
      {village ? (
        <>
          <Table
            rowKey={(l) => `${l.householdId}-${l.itemId}`}
            size="small"
            loading={lines.isLoading}
            dataSource={lines.data?.items ?? []}
            pagination={false}
            locale={{ emptyText: '该村本月没有应发项目' }}
            columns={[
              { title: '户主', dataIndex: 'headName' },
              { title: '组', dataIndex: 'group' },
              { title: '项目', dataIndex: 'itemId', render: (id: string, l) => l.nameZh || props.itemName(id) },
              {
                title: '享受人',
                dataIndex: 'subjects',
                render: (subjects: { subject: string; name?: string; status: string }[]) =>
                  subjects
                    .filter((s) => s.status === 'payable')
                    .map((s) => (s.subject === 'household' ? '全户' : (s.name ?? '家庭成员')))
                    .join('、') || '—',
              },
              { title: '金额', dataIndex: 'amountFen', render: (v: number) => fen(v) },
            ]}
          />
          <Space style={{ marginTop: 12 }}>
            <Button disabled={page === 0} onClick={() => setPage(page - 1)}>
              上一页
            </Button>
            <span>第 {page + 1} 页</span>
            <Button
              disabled={!next}
              onClick={() => {
                if (next && cursors.length === page + 1) setCursors([...cursors, next]);
                setPage(page + 1);
              }}
            >
              下一页
            </Button>
          </Space>
        </>
      ) : (
        <p>选择一个村查看逐户明细。</p>
      )}
    </Card>
  );
}
