import { identificationApi } from '@jingzhun/types';
import { Alert, App, Button, Card, Descriptions, Empty, Space, Table, Tag } from 'antd';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { mayCall } from '../../../access.js';
import { date, fen } from '../../../format.js';
import {
  ACTION_ZH,
  CAUSE_ZH,
  COLOUR_ZH,
  COMPARISON_SOURCE_ZH,
  EVIDENCE_ZH,
  HEALTH_ZH,
  HOUSING_GRADE_ZH,
  LABOR_ZH,
  MEASURE_KIND_ZH,
  MEMBER_STATUS_ZH,
  RELATION_ZH,
  ROLE_ZH,
  SCHOOLING_ZH,
  SEX_ZH,
  STATUS_ZH,
  WELFARE_ZH,
  WORKFLOW_STATE_ZH,
  zh,
} from '../../../labels.js';
import { ErrorAlert, Loading, PageTitle } from '../../app/Feedback.js';
import { useCall } from '../../app/query.js';
import { RegionName } from '../../app/regions.js';
import { useSignedIn } from '../../app/session.js';
import { ActionDialog } from './ActionDialog.js';
import { EditDialog, HelperDialog, MeasureDialog } from './EditDialogs.js';
import { EvidenceThumb } from './evidence.js';
import { actionName, changeLines, periodZh, reasonText } from './history.js';
import { AccountDialog, AddMemberDialog, RemoveMemberDialog } from './MemberDialogs.js';

/** Integer fen as 元 with two decimals, for a column headed 金额（元）: 123456 → "1,234.56". */
const yuan = (value: number) => (value / 100).toLocaleString('zh-CN', { minimumFractionDigits: 2, maximumFractionDigits: 2 });

const WORKFLOW_ZH: Record<string, string> = { entry: '识别', exit: '退出', monitoring: '监测', 'no-policy': '不再享受政策', adjustment: '动态调整' };

export default function HouseholdPage() {
  const { householdId = '' } = useParams();
  const who = useSignedIn();
  const { message } = App.useApp();
  const params = { params: { householdId } };
  const household = useCall(identificationApi.getHousehold, params);
  const offered = useCall(identificationApi.householdActions, params);
  const history = useCall(identificationApi.householdHistory, { params: { householdId }, query: { limit: 50 } });
  const evidence = useCall(identificationApi.listEvidence, params);
  const [acting, setActing] = useState<identificationApi.OfferedAction>();
  const [dialog, setDialog] = useState<'edit' | 'measure' | 'helper' | 'add-member' | 'remove-member' | 'account'>();

  if (household.isLoading) return <Loading what="农户信息" />;
  if (!household.data) return <ErrorAlert error={household.error} onRetry={() => void household.refetch()} />;
  const hh = household.data;
  const done = (text: string) => {
    setActing(undefined);
    setDialog(undefined);
    void message.success(text);
  };

  return (
    <>
      <p>
        <Link to="/households">← 返回农户名册</Link>
      </p>
      <PageTitle title={`${hh.headName} 户`}>
        <Space wrap>
          {mayCall(who, identificationApi.updateHousehold) ? <Button onClick={() => setDialog('edit')}>修改信息</Button> : null}
          {mayCall(who, identificationApi.addMeasure) ? <Button onClick={() => setDialog('measure')}>登记帮扶措施</Button> : null}
          {mayCall(who, identificationApi.handOverHelper) ? <Button onClick={() => setDialog('helper')}>帮扶责任人交接</Button> : null}
        </Space>
      </PageTitle>
      <Descriptions bordered size="small" column={{ xs: 1, md: 2, lg: 3 }} style={{ marginBottom: 16 }}>
        <Descriptions.Item label="状态">{zh(STATUS_ZH, hh.status)}</Descriptions.Item>
        <Descriptions.Item label="当前环节">
          {hh.workflow ? `${WORKFLOW_ZH[hh.workflow.kind] ?? ''} · ${WORKFLOW_STATE_ZH[hh.workflow.state] ?? '办理中'}` : '无'}
        </Descriptions.Item>
        <Descriptions.Item label="所在地">
          <RegionName code={hh.region} full /> {hh.group}
        </Descriptions.Item>
        <Descriptions.Item label="人口">{hh.size} 人</Descriptions.Item>
        <Descriptions.Item label="贫困户属性">{hh.attribute}</Descriptions.Item>
        <Descriptions.Item label="四色标识">{hh.colour ? zh(COLOUR_ZH, hh.colour) : '—'}</Descriptions.Item>
        <Descriptions.Item label="人均纯收入">{fen(hh.incomePerCapitaFen)}</Descriptions.Item>
        <Descriptions.Item label="致贫原因">{[hh.mainCause, ...hh.secondaryCauses].map((c) => zh(CAUSE_ZH, c)).join('、')}</Descriptions.Item>
        <Descriptions.Item label="联系电话">{hh.phone ?? '—'}</Descriptions.Item>
      </Descriptions>

      <Card title="流程操作" size="small" style={{ marginBottom: 16 }}>
        <ErrorAlert error={offered.error} onRetry={() => void offered.refetch()} />
        {offered.data?.waiting ? <Alert type="info" showIcon title={offered.data.waiting} style={{ marginBottom: 8 }} /> : null}
        {offered.data && offered.data.items.length === 0 && !offered.data.waiting ? <span>当前没有需要您办理的环节。</span> : null}
        <Space wrap>
          {offered.data?.items.map((step) => (
            <Button
              key={`${step.workflow}-${step.action}`}
              type={step.action === 'REJECT' || step.action === 'REFUSE' ? 'default' : 'primary'}
              danger={step.action === 'REJECT'}
              onClick={() => setActing(step)}
            >
              {zh(ACTION_ZH, step.action)}
            </Button>
          ))}
        </Space>
      </Card>

      <Card
        title="家庭成员（身份证号已脱敏）"
        size="small"
        style={{ marginBottom: 16 }}
        extra={
          <Space wrap>
            {mayCall(who, identificationApi.addMember) ? <Button onClick={() => setDialog('add-member')}>新增成员</Button> : null}
            {mayCall(who, identificationApi.changeMember) ? <Button onClick={() => setDialog('remove-member')}>成员减少</Button> : null}
            {mayCall(who, identificationApi.setMemberAccount) ? <Button onClick={() => setDialog('account')}>一卡通账户</Button> : null}
          </Space>
        }
      >
        <Table
          rowKey="memberId"
          size="small"
          pagination={false}
          scroll={{ x: 720 }}
          dataSource={hh.members}
          columns={[
            { title: '姓名', dataIndex: 'name' },
            { title: '与户主关系', dataIndex: 'relation', render: (v: string) => zh(RELATION_ZH, v) },
            { title: '性别', dataIndex: 'sex', render: (v: string) => zh(SEX_ZH, v) },
            { title: '出生年份', dataIndex: 'birthYear', render: (v: number) => `${v} 年` },
            { title: '身份证号', dataIndex: 'idNumberMasked' },
            { title: '健康', dataIndex: 'health', render: (v: string, m) => `${zh(HEALTH_ZH, v)}${m.disabilityGrade ? `（${m.disabilityGrade} 级）` : ''}` },
            { title: '劳动能力', dataIndex: 'laborCapacity', render: (v: string) => zh(LABOR_ZH, v) },
            { title: '在校情况', dataIndex: 'schooling', render: (v: string) => zh(SCHOOLING_ZH, v) },
            { title: '状态', dataIndex: 'status', render: (v: string) => zh(MEMBER_STATUS_ZH, v) },
            {
              title: '一卡通账户',
              dataIndex: 'accountMasked',
              render: (a?: identificationApi.Household['members'][number]['accountMasked']) => (a ? `${a.bank} 尾号 ${a.numberMasked.slice(-4)}` : '未登记'),
            },
          ]}
        />
      </Card>

      <Card title={`${hh.income.year} 年收入`} size="small" style={{ marginBottom: 16 }}>
        <Descriptions size="small" column={{ xs: 1, md: 3 }}>
          <Descriptions.Item label="工资性收入">{fen(hh.income.wageFen)}</Descriptions.Item>
          <Descriptions.Item label="生产经营性收入">{fen(hh.income.businessFen)}</Descriptions.Item>
          <Descriptions.Item label="生产经营费用">{fen(hh.income.businessCostFen)}</Descriptions.Item>
          <Descriptions.Item label="转移性收入">{fen(hh.income.transferFen)}</Descriptions.Item>
          <Descriptions.Item label="其中一次性转移">{fen(hh.income.oneOffTransferFen)}</Descriptions.Item>
          <Descriptions.Item label="财产性收入">{fen(hh.income.propertyFen)}</Descriptions.Item>
        </Descriptions>
      </Card>

      <Card title="资产收益分配" size="small" style={{ marginBottom: 16 }}>
        <Table
          rowKey="distributionId"
          size="small"
          pagination={false}
          dataSource={hh.distributions}
          locale={{ emptyText: '尚无资产收益分配' }}
          scroll={{ x: 640 }}
          columns={[
            { title: '资产名称', dataIndex: 'assetName' },
            { title: '期间', dataIndex: 'period', render: (v: string) => periodZh(v) },
            { title: '分配日期', dataIndex: 'distributedOn', render: (v: string) => date(v) },
            { title: '金额（元）', dataIndex: 'amountFen', align: 'right', render: (v: number) => yuan(v) },
            { title: '联结方式', dataIndex: 'linkZh' },
            {
              title: '计入收入',
              render: (_: unknown, d: identificationApi.HouseholdDistribution) =>
                d.counted ? (
                  <Tag color="green">
                    已计入 {d.countedYear} 年{d.incomeKindZh}
                  </Tag>
                ) : (
                  <span>
                    <Tag color="orange">未计入（{d.incomeKindZh}）</Tag>
                    {d.notCountedZh}
                  </span>
                ),
            },
          ]}
        />
      </Card>

      <Card title="住房与两不愁三保障" size="small" style={{ marginBottom: 16 }}>
        <Space wrap>
          <span>住房：{hh.housing.dangerGrade ? zh(HOUSING_GRADE_ZH, hh.housing.dangerGrade) : '未鉴定'}</span>
          {Object.entries(WELFARE_ZH).map(([key, label]) => (
            <Tag key={key} color={hh.welfare[key as keyof typeof hh.welfare] ? 'green' : 'red'}>
              {label}：{hh.welfare[key as keyof typeof hh.welfare] ? '达标' : '未达标'}
            </Tag>
          ))}
        </Space>
      </Card>

      <Card title="帮扶责任人与帮扶措施" size="small" style={{ marginBottom: 16 }}>
        {hh.helpers.length === 0 ? <p>尚无帮扶责任人。</p> : null}
        {hh.helpers.map((h) => (
          <p key={`${h.name}-${h.from}`}>
            {h.name}（{h.unit}），{date(h.from)} 起{h.to ? `至 ${date(h.to)}` : '（现任）'}
          </p>
        ))}
        <Table
          rowKey="measureId"
          size="small"
          pagination={false}
          dataSource={hh.measures}
          locale={{ emptyText: '尚无帮扶措施' }}
          columns={[
            { title: '年度', dataIndex: 'year', render: (v: number) => `${v} 年` },
            { title: '类别', dataIndex: 'kind', render: (v: string) => zh(MEASURE_KIND_ZH, v) },
            { title: '内容', dataIndex: 'description' },
            { title: '金额', dataIndex: 'amountFen', render: (v?: number) => fen(v) },
          ]}
        />
      </Card>

      <Card title="证据材料" size="small" style={{ marginBottom: 16 }}>
        {evidence.data && evidence.data.items.length === 0 ? <Empty description="尚无证据材料" /> : null}
        <Space wrap size={16}>
          {evidence.data?.items.map((e) => (
            <Space key={`${e.at}-${e.action}-${e.kind}-${e.fileId ?? e.ref}`} orientation="vertical" size={2}>
              {e.fileId ? <EvidenceThumb householdId={hh.householdId} fileId={e.fileId} name={e.ref} /> : null}
              <span>
                {zh(EVIDENCE_ZH, e.kind)}：{e.ref}
              </span>
              <span style={{ color: '#888' }}>
                {actionName(e.action)} · {date(e.at)}
              </span>
            </Space>
          ))}
        </Space>
      </Card>

      <Card title="变更历史" size="small">
        <ErrorAlert error={history.error} onRetry={() => void history.refetch()} />
        <Table
          rowKey={(e) => `${e.at}-${e.action}`}
          size="small"
          pagination={false}
          loading={history.isLoading}
          dataSource={history.data?.items ?? []}
          scroll={{ x: 720 }}
          columns={[
            { title: '时间', dataIndex: 'at', render: (v: string) => date(v) },
            { title: '操作', dataIndex: 'action', render: (v: string) => actionName(v) },
            { title: '操作人', dataIndex: 'actor', render: (a: { name?: string; role: string }) => a.name ?? ROLE_ZH[a.role] ?? '系统' },
            {
              title: '理由',
              render: (_: unknown, e) => reasonText(e.action, e.reason, COMPARISON_SOURCE_ZH),
            },
            {
              title: '变更（前 → 后）',
              render: (_: unknown, e) => {
                const lines = changeLines(e.before as Record<string, unknown> | undefined, e.after as Record<string, unknown> | undefined, e.action);
                return lines.length > 0 ? lines.map((line) => <div key={line}>{line}</div>) : '—';
              },
            },
          ]}
        />
      </Card>

      {acting ? <ActionDialog householdId={hh.householdId} version={hh.version} step={acting} onClose={() => setActing(undefined)} onDone={done} /> : null}
      {dialog === 'edit' ? <EditDialog household={hh} onClose={() => setDialog(undefined)} onDone={() => done('已保存修改')} /> : null}
      {dialog === 'measure' ? <MeasureDialog household={hh} onClose={() => setDialog(undefined)} onDone={() => done('已登记帮扶措施')} /> : null}
      {dialog === 'add-member' ? <AddMemberDialog household={hh} onClose={() => setDialog(undefined)} onDone={() => done('已新增成员')} /> : null}
      {dialog === 'remove-member' ? <RemoveMemberDialog household={hh} onClose={() => setDialog(undefined)} onDone={() => done('已登记成员减少')} /> : null}
      {dialog === 'account' ? <AccountDialog household={hh} onClose={() => setDialog(undefined)} onDone={() => done('已保存一卡通账户')} /> : null}
      {dialog === 'helper' ? <HelperDialog household={hh} onClose={() => setDialog(undefined)} onDone={() => done('已交接帮扶责任人')} /> : null}
    </>
  );
}
