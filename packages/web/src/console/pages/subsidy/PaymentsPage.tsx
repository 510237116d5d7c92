import { subsidyApi } from '@jingzhun/types';
import { Alert, App, Button, Card, Checkbox, DatePicker, Form, Input, Space, Statistic, Table, Upload, type UploadFile } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useSearchParams } from 'react-router';
import type * as z from 'zod';
import { ApiError, api } from '../../../api.js';
import { downloadFile, fileBase64 } from '../../../download.js';
import { fen } from '../../../format.js';
import { PAYMENT_OUTCOME_ZH, RUN_STATUS_ZH, zh } from '../../../labels.js';
import { ErrorAlert, Loading, PageTitle } from '../../app/Feedback.js';
import { useCall, useCallMutation } from '../../app/query.js';
import { RegionName } from '../../app/regions.js';
import { useSignedIn } from '../../app/session.js';
import { lastMonth, monthText } from './text.js';

type Report = z.infer<typeof subsidyApi.PaymentImportReport>;
type Reissue = z.infer<typeof subsidyApi.ReissueView>;
interface Problem {
  row: number;
  message: string;
}

/** The rows a refused file was refused for (422 PAYMENT_RESULTS_INVALID carries them). */
function problemsOf(error: unknown): Problem[] {
  if (!(error instanceof ApiError) || !error.details || typeof error.details !== 'object') return [];
  const problems = (error.details as { problems?: unknown }).problems;
  return Array.isArray(problems) ? (problems as Problem[]).filter((p) => typeof p?.row === 'number' && typeof p?.message === 'string') : [];
}

/**
 * 发放结果: the bank's answer to an approved roster, uploaded as the bank's file (Excel or CSV);
 * the per-row report with the paid and failed amounts; the failed lines carried into a re-issue
 * roster, whose bank file downloads here and whose results are uploaded here too.
 */
export default function PaymentsPage() {
  const who = useSignedIn();
  const [search, setSearch] = useSearchParams();
  const period = search.get('period') ?? lastMonth();
  const params = { period, region: who.region };
  const run = useCall(subsidyApi.getRun, { params });
  const notStarted = run.error instanceof ApiError && run.error.status === 404;
  const approved = run.data?.status === 'APPROVED' || run.data?.status === 'PAID';
  const [reissue, setReissue] = useState<Reissue>();
  return (
    <>
      <PageTitle title="发放结果" />
      <Card style={{ marginBottom: 16 }}>
        <Space wrap>
          <span>发放月份</span>
          <DatePicker
            picker="month"
            allowClear={false}
            aria-label="发放月份"
            minDate={dayjs('2016-01-01')}
            value={dayjs(`${period}-01`)}
            onChange={(d) => {
              if (d) setSearch({ period: d.format('YYYY-MM') });
              setReissue(undefined);
            }}
          />
          <span>
            范围：
            <RegionName code={who.region} full />
          </span>
          {run.data ? (
            <span id="payments-roster">
              花名册{zh(RUN_STATUS_ZH, run.data.status)}：{run.data.totals.households} 户，合计 {fen(run.data.totals.totalFen)}
            </span>
          ) : null}
        </Space>
      </Card>
      {run.isLoading ? <Loading what="花名册" /> : null}
      {notStarted ? <Alert type="info" showIcon title={`${monthText(period)}尚未计算发放花名册，请先在“月度发放”中计算并审核。`} /> : <ErrorAlert error={run.error} />}
      {run.data && !approved ? <Alert type="info" showIcon title="花名册审核通过、导出银行发放文件后，在此导入银行返回的发放结果。" /> : null}
      {approved ? (
        <>
          <ResultsUpload key={`${period}-roster`} period={period} region={who.region} title="导入银行发放结果" />
          <ReissuePanel period={period} region={who.region} reissue={reissue} onReissue={setReissue} />
          {reissue ? (
            <ResultsUpload key={`${period}-${reissue.reissue}`} period={period} region={who.region} reissue={reissue.reissue} title={`导入第 ${reissue.reissue} 批补发结果`} />
          ) : null}
        </>
      ) : null}
    </>
  );
}

function ResultsUpload(props: { period: string; region: string; reissue?: number; title: string }) {
  const [files, setFiles] = useState<UploadFile[]>([]);
  const [missing, setMissing] = useState(false);
  const [isCorrection, setIsCorrection] = useState(false);
  const [correction, setCorrection] = useState('');
  const [correctionMissing, setCorrectionMissing] = useState(false);
  const params = { period: props.period, region: props.region };
  const upload = useCallMutation(subsidyApi.importPaymentResults, (body: { format: 'csv' | 'xlsx'; contentBase64: string }) => ({
    params,
    body: { ...body, ...(props.reissue ? { reissue: props.reissue } : {}), ...(isCorrection ? { correction: correction.trim() } : {}) },
  }));
  const submit = async () => {
    const file = files[0]?.originFileObj;
    setMissing(!file);
    const needsReason = isCorrection && !correction.trim();
    setCorrectionMissing(needsReason);
    if (!file || needsReason) return;
    const format = file.name.toLowerCase().endsWith('.csv') ? 'csv' : 'xlsx';
    await upload.mutateAsync({ format, contentBase64: await fileBase64(file) }).catch(() => undefined);
  };
  const problems = problemsOf(upload.error);
  const report: Report | undefined = upload.data;
  return (
    <Card title={<h2 style={{ margin: 0, fontSize: 16 }}>{props.title}</h2>} style={{ marginBottom: 16 }}>
      <Form layout="vertical" onFinish={submit} style={{ maxWidth: 640 }}>
        <Form.Item
          label="银行返回的发放结果文件（Excel 或 CSV）"
          htmlFor={`results-file-${props.reissue ?? 0}`}
          validateStatus={missing ? 'error' : undefined}
          help={missing ? '请选择银行返回的发放结果文件' : '须含“业务编号”“发放结果”（成功/失败）两列，失败的写明“失败原因”。任一行不合格则整份文件不导入。'}
        >
          <Upload
            id={`results-file-${props.reissue ?? 0}`}
            accept=".xlsx,.csv"
            maxCount={1}
            fileList={files}
            beforeUpload={() => false}
            onChange={({ fileList }) => {
              setFiles(fileList.slice(-1));
              setMissing(false);
            }}
          >
            <Button>选择文件</Button>
          </Upload>
        </Form.Item>
        <Form.Item>
          <Checkbox checked={isCorrection} onChange={(e) => setIsCorrection(e.target.checked)}>
            这是对已登记结果的更正（把已登记成功的笔数改为失败）
          </Checkbox>
        </Form.Item>
        {isCorrection ? (
          <Form.Item label="更正原因" required validateStatus={correctionMissing ? 'error' : undefined} help={correctionMissing ? '请填写更正原因' : undefined}>
            <Input maxLength={500} value={correction} onChange={(e) => setCorrection(e.target.value)} placeholder="如：银行来函，该笔已退回" />
          </Form.Item>
        ) : null}
        <Button type="primary" htmlType="submit" loading={upload.isPending}>
          导入发放结果
        </Button>
      </Form>
      {upload.error ? <Alert type="error" showIcon role="alert" title={(upload.error as Error).message} style={{ marginTop: 12 }} /> : null}
      {problems.length > 0 ? (
        <section aria-label="不合格的行（整份文件未导入）" style={{ marginTop: 12 }}>
          <h3 style={{ fontSize: 15 }}>不合格的行（整份文件未导入）</h3>
          <Table
            rowKey={(p) => `${p.row}-${p.message}`}
            size="small"
            pagination={false}
            dataSource={problems}
            columns={[
              { title: '行号', dataIndex: 'row', render: (n: number) => `第 ${n} 行` },
              { title: '原因', dataIndex: 'message' },
            ]}
          />
        </section>
      ) : null}
      {report ? (
        <section aria-label="导入结果" id="results-report" style={{ marginTop: 16 }}>
          <Alert
            type={report.failed > 0 ? 'warning' : 'success'}
            showIcon
            role="status"
            title={`已导入 ${report.rows} 行：发放成功 ${report.paid} 笔 ${fen(report.paidFen)}，发放失败 ${report.failed} 笔 ${fen(report.failedFen)}${report.corrected ? `，更正为失败 ${report.corrected} 笔 ${fen(report.correctedFen)}` : ''}${report.unchanged ? `，与上次相同 ${report.unchanged} 笔` : ''}。`}
          />
          <Space size="large" wrap style={{ margin: '12px 0' }}>
            <Statistic title="发放成功金额" value={fen(report.paidFen)} />
            <Statistic title="发放失败金额" value={fen(report.failedFen)} />
            {report.corrected ? <Statistic title="更正为失败金额" value={fen(report.correctedFen)} /> : null}
          </Space>
          <Table
            rowKey="row"
            size="small"
            dataSource={report.outcomes}
            pagination={{ pageSize: 20, showSizeChanger: false }}
            rowClassName={(o) => (o.outcome === 'failed' || o.outcome === 'corrected' ? 'row-failed' : '')}
            columns={[
              { title: '行号', dataIndex: 'row', render: (n: number) => `第 ${n} 行` },
              { title: '收款人', dataIndex: 'name' },
              { title: '项目', dataIndex: 'nameZh' },
              { title: '金额', dataIndex: 'amountFen', render: (v: number) => fen(v) },
              { title: '结果', dataIndex: 'outcome', render: (o: string) => zh(PAYMENT_OUTCOME_ZH, o) },
              { title: '失败原因', dataIndex: 'reason', render: (r?: string) => r ?? '—' },
            ]}
          />
        </section>
      ) : null}
    </Card>
  );
}

function ReissuePanel(props: { period: string; region: string; reissue: Reissue | undefined; onReissue: (r: Reissue) => void }) {
  const { modal } = App.useApp();
  const params = { period: props.period, region: props.region };
  const create = useCallMutation(subsidyApi.createReissue, (_: undefined) => ({ params }));
  const [error, setError] = useState<unknown>();
  const r = props.reissue;
  const download = async (format: 'xlsx' | 'csv') => {
    if (!r) return;
    setError(undefined);
    try {
      await downloadFile(api().url(subsidyApi.exportRoster, { params, query: { format, reissue: r.reissue } }), `一卡通补发-${monthText(props.period)}-第${r.reissue}批.${format}`);
    } catch (e) {
      setError(e);
    }
  };
  return (
    <Card title={<h2 style={{ margin: 0, fontSize: 16 }}>补发</h2>} style={{ marginBottom: 16 }}>
      <p>发放失败的笔数（核实账户后）转入补发花名册，每笔只转一次；补发金额为审核通过的金额。</p>
      <Button
        loading={create.isPending}
        onClick={() =>
          modal.confirm({
            title: '确认生成补发花名册',
            content: '将所有发放失败且尚未补发的笔数转入新的补发花名册，每笔只转一次。',
            okText: '生成',
            cancelText: '取消',
            onOk: async () => {
              setError(undefined);
              try {
                props.onReissue(await create.mutateAsync(undefined));
              } catch (e) {
                setError(e);
              }
            },
          })
        }
      >
        生成补发花名册
      </Button>
      <div style={{ marginTop: error ? 12 : 0 }}>
        <ErrorAlert error={error} />
      </div>
      {r ? (
        <div style={{ marginTop: 12 }} id="reissue-report">
          <Alert type="success" showIcon role="status" title={`已生成第 ${r.reissue} 批补发花名册：${r.lines} 笔，合计 ${fen(r.totalFen)}。`} />
          <Space style={{ marginTop: 12 }}>
            <Button onClick={() => void download('xlsx')}>下载补发文件（Excel）</Button>
            <Button onClick={() => void download('csv')}>下载补发文件（CSV）</Button>
          </Space>
        </div>
      ) : null}
    </Card>
  );
}
