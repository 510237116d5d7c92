import { scoringApi } from '@jingzhun/types';
import { Alert, Button, DatePicker, Form, Input, InputNumber, Modal, Select, Table, Tabs, Tag } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { fen, toFen } from '../../../format.js';
import { BAND_ZH, LOAN_STATUS_ZH, zh } from '../../../labels.js';
import { ErrorAlert, PageTitle } from '../../app/Feedback.js';
import { showServerErrors } from '../../app/forms.js';
import { useCall, useCallMutation } from '../../app/query.js';
import { RegionName } from '../../app/regions.js';
import { useSignedIn } from '../../app/session.js';

type Rating = ReturnType<typeof useRatings>['items'][number];

function useRatings(district: string) {
  const query = useCall(scoringApi.listBankRatings, { params: { district } });
  return { query, items: query.data?.items ?? [] };
}

const borrowerOf = (r: { borrowerName?: string | undefined }) => r.borrowerName ?? '（评级时未记录姓名）';

/**
 * 贷款台账 (bank): the bank's own rated borrowers, from which it issues a loan within the
 * credit line (户贷户用户还, 004 BANK-02/03/04), and the loans it has issued.
 */
export default function LoansPage() {
  const who = useSignedIn();
  const { query: ratings, items } = useRatings(who.region);
  const loans = useCall(scoringApi.listBankLoans, { params: { district: who.region } });
  const [lending, setLending] = useState<Rating>();
  const nameOf = (borrowerId: string) => {
    const r = items.find((x) => x.borrowerId === borrowerId);
    return r ? borrowerOf(r) : '—';
  };
  // The newest rating of each borrower is the one that counts for a new loan.
  const latest = items.filter((r, i) => items.findIndex((x) => x.borrowerId === r.borrowerId) === i);
  return (
    <>
      <PageTitle title="扶贫小额信贷" />
      <Tabs
        items={[
          {
            key: 'rated',
            label: '已评级借款人',
            children: (
              <>
                <ErrorAlert error={ratings.error} onRetry={() => void ratings.refetch()} />
                <Table
                  rowKey={(r) => `${r.householdId}-${r.borrowerId}-${r.ratedOn}`}
                  loading={ratings.isLoading}
                  dataSource={latest}
                  pagination={{ pageSize: 20, hideOnSinglePage: true }}
                  scroll={{ x: 720 }}
                  locale={{ emptyText: '本行尚无评级记录，请先在“农户信用评级”中评级' }}
                  columns={[
                    { title: '借款人', render: (_: unknown, r: Rating) => borrowerOf(r) },
                    { title: '所在村', dataIndex: 'region', render: (code: string) => <RegionName code={code} /> },
                    { title: '评级日期', dataIndex: 'ratedOn' },
                    { title: '信用等级', dataIndex: 'band', render: (b: string) => <Tag color={b === 'NONE' ? 'default' : 'green'}>{zh(BAND_ZH, b)}</Tag> },
                    { title: '授信额度', dataIndex: 'creditLineFen', render: (v: number) => fen(v) },
                    {
                      title: '操作',
                      render: (_: unknown, r: Rating) => (
                        <Button size="small" disabled={r.creditLineFen <= 0} onClick={() => setLending(r)}>
                          发放贷款
                        </Button>
                      ),
                    },
                  ]}
                />
              </>
            ),
          },
          {
            key: 'loans',
            label: '本行贷款',
            children: (
              <>
                <ErrorAlert error={loans.error} onRetry={() => void loans.refetch()} />
                <Table
                  rowKey="loanId"
                  loading={loans.isLoading}
                  dataSource={loans.data?.items ?? []}
                  pagination={{ pageSize: 20, hideOnSinglePage: true }}
                  scroll={{ x: 720 }}
                  locale={{ emptyText: '本行尚未发放扶贫小额信贷' }}
                  columns={[
                    { title: '借款人', dataIndex: 'borrowerId', render: (id: string) => nameOf(id) },
                    { title: '所在村', dataIndex: 'region', render: (code: string) => <RegionName code={code} /> },
                    { title: '发放日期', dataIndex: 'issuedOn' },
                    { title: '金额', dataIndex: 'amountFen', render: (v: number) => fen(v) },
                    { title: '期限', dataIndex: 'termMonths', render: (m: number) => `${m} 个月` },
                    { title: '年利率', dataIndex: 'annualRatePct', render: (r: string) => `${r}%` },
                    { title: '未还本金', dataIndex: 'outstandingFen', render: (v: number) => fen(v) },
                    { title: '状态', dataIndex: 'status', render: (s: string) => zh(LOAN_STATUS_ZH, s) },
                  ]}
                />
              </>
            ),
          },
        ]}
      />
      {lending ? <LendDialog rating={lending} onClose={() => setLending(undefined)} /> : null}
    </>
  );
}

/**
 * 扶贫小额信贷 lends at the benchmark rate (004 BANK-02; ANC §3: 4.35% up to one year, 4.75% one
 * to three years), as scoring's ledger.ts checks it; the form fills it from the term.
 */
const benchmarkRate = (termMonths: number) => (termMonths <= 12 ? '4.35' : '4.75');

interface LendValues {
  amountYuan: number;
  termMonths: number;
  annualRatePct: string;
  issuedOn: Dayjs;
  purpose: string;
}

function LendDialog(props: { rating: Rating; onClose: () => void }) {
  const [form] = Form.useForm<LendValues>();
  const [error, setError] = useState<string>();
  const maxYuan = props.rating.creditLineFen / 100;
  const issue = useCallMutation(
    scoringApi.issueLoan,
    (v: LendValues) => ({
      body: {
        householdId: props.rating.householdId,
        borrowerId: props.rating.borrowerId,
        amountFen: toFen(v.amountYuan),
        termMonths: v.termMonths,
        annualRatePct: v.annualRatePct,
        issuedOn: v.issuedOn.format('YYYY-MM-DD'),
        purpose: v.purpose.trim(),
      },
    }),
    [scoringApi.listBankLoans],
  );
  return (
    <Modal
      open
      title={`发放贷款：${borrowerOf(props.rating)}`}
      okText="确认发放"
      cancelText="取消"
      confirmLoading={issue.isPending}
      onCancel={props.onClose}
      onOk={() => form.submit()}
      destroyOnHidden
    >
      <p>
        信用等级 {zh(BAND_ZH, props.rating.band)}，授信额度 {fen(props.rating.creditLineFen)}。扶贫小额信贷须用于发展生产（户贷户用户还）。
      </p>
      <Form
        form={form}
        layout="vertical"
        initialValues={{ termMonths: 36, annualRatePct: benchmarkRate(36), issuedOn: dayjs() }}
        // The rate follows the term (the server refuses any other): the benchmark of its band.
        onValuesChange={(changed: Partial<LendValues>) => {
          if (changed.termMonths) form.setFieldValue('annualRatePct', benchmarkRate(changed.termMonths));
        }}
        onFinish={(values) => {
          setError(undefined);
          issue.mutate(values, { onSuccess: props.onClose, onError: (e) => setError(showServerErrors(form, e)) });
        }}
      >
        <Form.Item
          label="贷款金额（元）"
          name="amountYuan"
          rules={[
            { required: true, message: '请填写贷款金额' },
            { type: 'number', min: 0.01, max: maxYuan, message: `金额须大于 0 且不超过授信额度 ${fen(props.rating.creditLineFen)}` },
          ]}
        >
          <InputNumber min={0} max={maxYuan} precision={2} style={{ width: 200 }} />
        </Form.Item>
        <Form.Item label="期限" name="termMonths" rules={[{ required: true, message: '请选择期限' }]}>
          <Select style={{ width: 200 }} options={[12, 24, 36].map((m) => ({ value: m, label: `${m} 个月（${m / 12} 年）` }))} />
        </Form.Item>
        <Form.Item label="年利率（%）" name="annualRatePct" rules={[{ required: true, pattern: /^\d{1,2}(\.\d{1,4})?$/, message: '请填写年利率，如 4.35' }]}>
          <Input style={{ width: 200 }} />
        </Form.Item>
        <Form.Item label="发放日期" name="issuedOn" rules={[{ required: true, message: '请选择发放日期' }]}>
          <DatePicker disabledDate={(d) => d.isAfter(dayjs(), 'day')} />
        </Form.Item>
        <Form.Item label="贷款用途" name="purpose" rules={[{ required: true, min: 2, message: '请填写贷款用途（至少2个字）' }]}>
          <Input.TextArea rows={2} maxLength={200} placeholder="如：扩大养殖规模，购买种羊" />
        </Form.Item>
        {error ? <Alert type="error" showIcon title={error} /> : null}
      </Form>
    </Modal>
  );
}
