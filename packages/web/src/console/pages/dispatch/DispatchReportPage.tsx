import { dispatchApi } from '@jingzhun/types';
import { Alert, Button, Card, Col, DatePicker, Form, Row, Select, Space, Table, Tag } from 'antd';
import dayjs from 'dayjs';
import { useMemo, useState } from 'react';
import { useSearchParams } from 'react-router';
import { config } from '../../../api.js';
import { downloadFile } from '../../../download.js';
import { ErrorAlert, PageTitle } from '../../app/Feedback.js';
import { useCall, useCallMutation } from '../../app/query.js';
import { RegionPicker, useRegions } from '../../app/regions.js';
import { useSignedIn } from '../../app/session.js';
import { Chart } from './Chart.js';
import { dayZh, OWNER_STATUS_COLOUR, OWNER_STATUS_ZH, periodZh, TARGET_STATUS_COLOUR, TARGET_STATUS_ZH, TREND_ZH } from './labels.js';

/** The parts of the stored report (services/dispatch domain/report.ts) this page shows. */
interface TargetRow {
  code: string;
  name: string;
  unit: string;
  attribute: string;
  ownerName: string;
  baselineYear: number;
  baseline: number;
  targetYear: number;
  target: number;
  expected: number;
  actual: number | null;
  previousActual: number | null;
  trend: string | null;
  ratioPct: number | null;
  status: string;
  conflict: { note: string } | null;
}
interface OwnerState {
  filer: string;
  name: string;
  status: string;
  filedOn: string | null;
  daysLate: number;
}
interface Report {
  period: string;
  metrics: { metric: string; label: string; value: number; previous: number }[];
  children: { region: string; values: Record<string, number> }[];
  targets: TargetRow[];
  filings: {
    due: string | null;
    received: { filer: string; name: string; filedOn: string; due: string; late: boolean; daysLate: number }[];
    missing: { filer: string; name: string }[];
  };
  obligations: { asOf: string; items: { form: string; name: string; period: string; due: string; owners: OwnerState[] }[] };
  overdue: {
    monitoring: { householdId: string; region: string; signalledOn: string; deadline: string; daysOverdue: number }[];
    filings: { owner: string; name: string; items: { form: string; name: string; period: string; due: string; daysOverdue: number }[] }[];
  };
}

const number = (value: number | null | undefined, unit = '') => (value === null || value === undefined ? '—' : `${Number(value.toFixed(2))}${unit}`);

/** The last closed month: the report of the current month cannot exist yet. */
const lastClosedMonth = () => dayjs().subtract(1, 'month').format('YYYY-MM');

export default function DispatchReportPage() {
  const who = useSignedIn();
  const regions = useRegions();
  const [search, setSearch] = useSearchParams();
  const region = search.get('region') ?? who.region;
  const period = search.get('period') ?? lastClosedMonth();
  const [chosenMetric, setMetric] = useState<string | undefined>();
  const update = (changes: Record<string, string | undefined>) => {
    const params = new URLSearchParams(search);
    for (const [key, value] of Object.entries(changes)) {
      if (value) params.set(key, value);
      else params.delete(key);
    }
    setSearch(params);
  };

  const got = useCall(dispatchApi.getReport, { params: { region, period }, query: { kind: 'monthly', format: 'json' } });
  const build = useCallMutation<typeof dispatchApi.runJob, void>(dispatchApi.runJob, () => ({ params: { job: 'monthly-dispatch-build' }, body: { period } }), [
    dispatchApi.getReport,
  ]);
  const report = got.data?.report as unknown as Report | undefined;
  const notBuilt = got.error && (got.error as { code?: string }).code === 'REPORT_NOT_BUILT';
  const nameOf = (code: string) => regions.data?.find((r) => r.code === code)?.name ?? '';

  const progressChart = useMemo(() => {
    const rows = (report?.targets ?? []).filter((t) => t.ratioPct !== null && t.status !== 'met' && t.status !== 'missed');
    return {
      grid: { left: 220, right: 40, top: 30, bottom: 30 },
      tooltip: { trigger: 'axis' as const },
      xAxis: { type: 'value' as const, name: '完成期望进度（%）' },
      yAxis: { type: 'category' as const, data: rows.map((t) => t.name), axisLabel: { width: 200, overflow: 'truncate' as const } },
      series: [
        {
          type: 'bar' as const,
          name: '完成期望进度',
          data: rows.map((t) => ({ value: t.ratioPct, itemStyle: { color: t.status === 'on-track' ? '#52c41a' : t.status === 'at-risk' ? '#faad14' : '#f5222d' } })),
          markLine: {
            symbol: 'none',
            data: [
              { xAxis: 100, name: '期望' },
              { xAxis: 80, name: '风险线' },
            ],
            label: { formatter: '{b}' },
          },
        },
      ],
    };
  }, [report]);

  // Until one is chosen, the first metric any lower region has a value for (else 脱贫退出人口).
  const metric = chosenMetric ?? report?.metrics.find((m) => report.children.some((c) => (c.values[m.metric] ?? 0) !== 0))?.metric ?? 'persons.exited';
  const metricLabel = report?.metrics.find((m) => m.metric === metric)?.label ?? '';
  const childrenChart = useMemo(
    () => ({
      grid: { left: 60, right: 20, top: 30, bottom: 60 },
      tooltip: { trigger: 'axis' as const },
      xAxis: {
        type: 'category' as const,
        data: (report?.children ?? []).map((c) => regions.data?.find((r) => r.code === c.region)?.name ?? ''),
        axisLabel: { rotate: 30 },
      },
      yAxis: { type: 'value' as const, name: metricLabel },
      series: [{ type: 'bar' as const, name: metricLabel, data: (report?.children ?? []).map((c) => c.values[metric] ?? 0) }],
    }),
    [report, metric, metricLabel, regions.data],
  );

  const owed = (report?.obligations.items ?? []).flatMap((item) => item.owners.map((o) => ({ key: `${item.form}-${item.period}-${o.filer}`, item, owner: o })));
  const overdueRows = (report?.overdue.filings ?? []).flatMap((owner) => owner.items.map((i) => ({ key: `${owner.owner}-${i.form}-${i.period}`, owner: owner.name, ...i })));

  return (
    <>
      <PageTitle
        title="月调度报告"
        extra={
          report ? (
            <Button
              onClick={() =>
                void downloadFile(`${config.get().apiBaseUrl}/dispatch/reports/${region}/${period}?format=xlsx`, `月调度报告-${nameOf(region)}-${periodZh(period)}.xlsx`)
              }
            >
              导出 Excel
            </Button>
          ) : null
        }
      />
      <Form layout="inline" style={{ marginBottom: 16, rowGap: 8 }}>
        <Form.Item label="辖区">
          <RegionPicker within={who.region} deepest="town" value={region} onChange={(code) => update({ region: code === who.region ? undefined : code })} />
        </Form.Item>
        <Form.Item label="月份" htmlFor="dispatch-period">
          <DatePicker
            id="dispatch-period"
            picker="month"
            allowClear={false}
            value={dayjs(`${period}-01`)}
            disabledDate={(d) => d.isAfter(dayjs().subtract(1, 'month'), 'month')}
            format="YYYY年M月"
            onChange={(d) => update({ period: d ? d.format('YYYY-MM') : undefined })}
          />
        </Form.Item>
      </Form>
      {notBuilt ? (
        <Alert
          type="info"
          showIcon
          message={`${periodZh(period)}的调度报告尚未生成`}
          description="报告在每月10日自动生成；区县扶贫办也可以现在生成。"
          action={
            who.role === 'county' ? (
              <Button type="primary" loading={build.isPending} onClick={() => build.mutate()}>
                生成报告
              </Button>
            ) : null
          }
        />
      ) : (
        <ErrorAlert error={got.error} onRetry={() => void got.refetch()} />
      )}
      <ErrorAlert error={build.error} />
      {report ? (
        <Space direction="vertical" size="large" style={{ width: '100%' }}>
          <Row gutter={16}>
            <Col xs={24} lg={14}>
              <Card title="目标进度（对照期望进度）">
                <Chart label="目标完成期望进度图" option={progressChart} height={Math.max(240, 28 * report.targets.length)} />
              </Card>
            </Col>
            <Col xs={24} lg={10}>
              <Card
                title="下级区划对照"
                extra={
                  <Select aria-label="指标" style={{ width: 200 }} value={metric} onChange={setMetric} options={report.metrics.map((m) => ({ value: m.metric, label: m.label }))} />
                }
              >
                <Chart label="下级区划指标对照图" option={childrenChart} />
              </Card>
            </Col>
          </Row>
          <Card title="目标与指标">
            <Table
              rowKey="code"
              size="small"
              pagination={false}
              scroll={{ x: 1100 }}
              dataSource={report.targets}
              columns={[
                {
                  title: '指标',
                  dataIndex: 'name',
                  width: 260,
                  render: (name: string, t: TargetRow) => (t.conflict ? <span title={t.conflict.note}>{name}（口径不一）</span> : name),
                },
                { title: '属性', dataIndex: 'attribute', width: 70 },
                { title: '基期', render: (_: unknown, t: TargetRow) => `${t.baselineYear}年 ${number(t.baseline, t.unit)}` },
                { title: '目标', render: (_: unknown, t: TargetRow) => `${t.targetYear}年 ${number(t.target, t.unit)}` },
                { title: '期望进度', render: (_: unknown, t: TargetRow) => number(t.expected, t.unit) },
                { title: '实际', render: (_: unknown, t: TargetRow) => number(t.actual, t.unit) },
                { title: '上月', render: (_: unknown, t: TargetRow) => number(t.previousActual, t.unit) },
                { title: '趋势', dataIndex: 'trend', render: (trend: string | null) => (trend ? TREND_ZH[trend] : '—') },
                { title: '状态', dataIndex: 'status', render: (s: string) => <Tag color={TARGET_STATUS_COLOUR[s]}>{TARGET_STATUS_ZH[s] ?? '—'}</Tag> },
                { title: '责任单位', dataIndex: 'ownerName' },
              ]}
            />
          </Card>
          <Row gutter={16}>
            <Col xs={24} lg={12}>
              <Card title={`月调度报送（截止 ${dayZh(report.filings.due)}）`}>
                <Table
                  rowKey="filer"
                  size="small"
                  pagination={false}
                  dataSource={report.filings.received}
                  columns={[
                    { title: '单位', dataIndex: 'name' },
                    { title: '报送日期', dataIndex: 'filedOn', render: dayZh },
                    {
                      title: '情况',
                      render: (_: unknown, f: { late: boolean; daysLate: number }) => (f.late ? <Tag color="gold">逾期 {f.daysLate} 天</Tag> : <Tag color="green">按时</Tag>),
                    },
                  ]}
                />
              </Card>
            </Col>
            <Col xs={24} lg={12}>
              <Card title="逾期报送与未报单位">
                <p>
                  逾期报送：
                  {report.filings.received
                    .filter((f) => f.late)
                    .map((f) => `${f.name}（${f.daysLate}天）`)
                    .join('、') || '无'}
                </p>
                <p>未报送：{report.filings.missing.map((f) => f.name).join('、') || '无'}</p>
              </Card>
            </Col>
          </Row>
          <Card title={`逾期未报清单（截至 ${dayZh(report.obligations.asOf)}，截止日遇节假日顺延）`}>
            <Table
              rowKey="key"
              size="small"
              pagination={false}
              dataSource={overdueRows}
              locale={{ emptyText: '没有逾期未报的报表' }}
              columns={[
                { title: '责任单位', dataIndex: 'owner' },
                { title: '报表', dataIndex: 'name' },
                { title: '期间', dataIndex: 'period', render: periodZh },
                { title: '截止日', dataIndex: 'due', render: dayZh },
                { title: '逾期天数', dataIndex: 'daysOverdue', render: (d: number) => `${d} 天` },
              ]}
            />
          </Card>
          <Card title="本期各项报表报送情况">
            <Table
              rowKey="key"
              size="small"
              pagination={{ pageSize: 15, hideOnSinglePage: true }}
              dataSource={owed}
              columns={[
                { title: '报表', render: (_: unknown, r: (typeof owed)[number]) => r.item.name },
                { title: '期间', render: (_: unknown, r: (typeof owed)[number]) => periodZh(r.item.period) },
                { title: '截止日', render: (_: unknown, r: (typeof owed)[number]) => dayZh(r.item.due) },
                { title: '单位', render: (_: unknown, r: (typeof owed)[number]) => r.owner.name },
                {
                  title: '情况',
                  render: (_: unknown, r: (typeof owed)[number]) => (
                    <Tag color={OWNER_STATUS_COLOUR[r.owner.status]}>
                      {OWNER_STATUS_ZH[r.owner.status]}
                      {r.owner.daysLate > 0 ? ` ${r.owner.daysLate} 天` : ''}
                    </Tag>
                  ),
                },
              ]}
            />
          </Card>
          <Card title="监测对象超期未完成（15日内）">
            <Table
              rowKey="householdId"
              size="small"
              pagination={false}
              dataSource={report.overdue.monitoring}
              locale={{ emptyText: '没有超期的监测事项' }}
              columns={[
                { title: '所在村', dataIndex: 'region', render: nameOf },
                { title: '信号日期', dataIndex: 'signalledOn', render: dayZh },
                { title: '时限', dataIndex: 'deadline', render: dayZh },
                { title: '超期天数', dataIndex: 'daysOverdue', render: (d: number) => `${d} 天` },
              ]}
            />
          </Card>
        </Space>
      ) : null}
    </>
  );
}
