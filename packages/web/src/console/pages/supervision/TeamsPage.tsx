import { supervisionApi } from '@jingzhun/types';
import { Alert, Button, DatePicker, Form, Input, Modal, Select, Space, Table, Tag } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { mayCall } from '../../../access.js';
import { ErrorAlert, PageTitle } from '../../app/Feedback.js';
import { showServerErrors } from '../../app/forms.js';
import { useCall, useCallMutation } from '../../app/query.js';
import { useSignedIn } from '../../app/session.js';
import { END_REASON_ZH, GAP_ZH, KEY_LEVEL_ZH, LEVEL_ZH, PARTNER_KIND_ZH, TEAM_ROLE_ZH, zhOf } from './labels.js';

const DISTRICT_OF = (region: string) => `${region.slice(0, 6)}000000`;
type Member = {
  assignmentId: string;
  personId: string;
  personName: string;
  unitName: string;
  role: string;
  level: string;
  from: string;
  termEnds: string;
  endedOn?: string;
  endReason?: string;
  version: number;
};
type Village = {
  village: string;
  name: string;
  townName: string;
  level: string;
  team: Member[];
  pairings: { pairingId: string; partnerName: string; partnerKind: string; commitments: string[] }[];
};

/** 驻村帮扶: key villages with their first secretaries and teams, handovers, pairings and the coverage check. */
export default function TeamsPage() {
  const who = useSignedIn();
  const district = DISTRICT_OF(who.region);
  const villages = useCall(supervisionApi.listVillages, { params: { district } });
  const coverage = useCall(supervisionApi.getCoverage, { params: { district } }, { enabled: mayCall(who, supervisionApi.getCoverage) });
  const [assigning, setAssigning] = useState<Village>();
  const [ending, setEnding] = useState<Member>();
  const items = (villages.data?.items ?? []) as Village[];
  const people = new Map(items.flatMap((v) => v.team).map((m) => [m.personId, m]));
  const canAssign = mayCall(who, supervisionApi.assignMember);
  const gaps = coverage.data?.gaps ?? [];
  return (
    <>
      <PageTitle title="驻村帮扶" />
      <ErrorAlert error={villages.error ?? coverage.error} onRetry={() => void villages.refetch()} />
      {coverage.data && (
        <Alert
          style={{ marginBottom: 16 }}
          type={gaps.length || coverage.data.withoutHelper.length ? 'warning' : 'success'}
          title={`覆盖检查（${coverage.data.on}）：重点村 ${coverage.data.keyVillages} 个，已全覆盖 ${coverage.data.covered} 个；贫困户 ${coverage.data.poorHouseholds} 户，已落实帮扶责任人 ${coverage.data.withHelper} 户。`}
          description={
            gaps.length || coverage.data.overdue.length ? (
              <>
                {gaps.map((g) => (
                  <div key={g.village}>
                    {g.name}：{g.missing.map((m) => GAP_ZH[m]).join('、')}
                  </div>
                ))}
                {coverage.data.overdue.map((o) => (
                  <div key={o.id}>
                    {o.kind === 'task' ? '逾期任务' : '逾期整改'}：{o.unitName} {o.title}（期限 {o.dueOn}）
                  </div>
                ))}
              </>
            ) : undefined
          }
        />
      )}
      <Table<Village>
        rowKey="village"
        loading={villages.isLoading}
        dataSource={items}
        pagination={{ pageSize: 20, showSizeChanger: false }}
        locale={{ emptyText: '没有登记的扶贫工作重点村' }}
        columns={[
          { title: '村', render: (_: unknown, v) => `${v.townName} ${v.name}` },
          { title: '类别', dataIndex: 'level', render: (l: string) => zhOf(KEY_LEVEL_ZH, l) },
          {
            title: '驻村工作队',
            render: (_: unknown, v) => (
              <div>
                {v.team.map((m) => (
                  <div key={m.assignmentId} style={{ display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: 8, padding: '2px 0' }}>
                    <Tag color={m.role === 'first-secretary' ? 'blue' : 'default'}>{zhOf(TEAM_ROLE_ZH, m.role)}</Tag>
                    {m.personName}
                    <span style={{ color: '#666' }}>
                      {LEVEL_ZH[m.level]}·{m.unitName}，{m.from} 起{m.endedOn ? `，${m.endedOn} ${zhOf(END_REASON_ZH, m.endReason)}` : `，任期至 ${m.termEnds}`}
                    </span>
                    {!m.endedOn && canAssign && (
                      <Button size="small" onClick={() => setEnding(m)}>
                        离任交接
                      </Button>
                    )}
                  </div>
                ))}
              </div>
            ),
          },
          {
            title: '结对帮扶',
            render: (_: unknown, v) => v.pairings.map((p) => `${PARTNER_KIND_ZH[p.partnerKind] ?? ''}：${p.partnerName}（${p.commitments.join('；')}）`).join('\n') || '—',
          },
          ...(canAssign
            ? [
                {
                  title: '操作',
                  render: (_: unknown, v: Village) => (
                    <Button size="small" onClick={() => setAssigning(v)}>
                      选派人员
                    </Button>
                  ),
                },
              ]
            : []),
        ]}
      />
      {assigning && <AssignModal district={district} village={assigning} people={[...people.values()]} onClose={() => setAssigning(undefined)} />}
      {ending && <EndModal district={district} member={ending} onClose={() => setEnding(undefined)} />}
    </>
  );
}

function AssignModal(props: { district: string; village: Village; people: Member[]; onClose: () => void }) {
  const [form] = Form.useForm();
  const [message, setMessage] = useState<string>();
  const [newId] = useState(() => `p-${Date.now().toString(36)}`);
  const personId = Form.useWatch('personId', form) ?? newId;
  const save = useCallMutation(
    supervisionApi.assignMember,
    (v: { personId: string; personName?: string; unitName?: string; level: 'district'; role: 'member'; from: dayjs.Dayjs; termEnds: dayjs.Dayjs }) => {
      const known = props.people.find((p) => p.personId === v.personId);
      return {
        params: { district: props.district },
        body: {
          village: props.village.village as never,
          personId: v.personId,
          personName: known?.personName ?? (v.personName as string),
          unitName: known?.unitName ?? (v.unitName as string),
          level: v.level,
          role: v.role,
          from: v.from.format('YYYY-MM-DD'),
          termEnds: v.termEnds.format('YYYY-MM-DD'),
        },
      };
    },
    [supervisionApi.listVillages, supervisionApi.getCoverage],
  );
  return (
    <Modal
      open
      title={`选派第一书记或工作队员：${props.village.name}`}
      okText="选派"
      cancelText="取消"
      onCancel={props.onClose}
      confirmLoading={save.isPending}
      onOk={() => form.validateFields().then((v) => save.mutate(v, { onSuccess: props.onClose, onError: (e) => setMessage(showServerErrors(form, e)) }))}
    >
      <Form form={form} layout="vertical" initialValues={{ personId: newId, role: 'first-secretary', level: 'district', from: dayjs(), termEnds: dayjs().add(2, 'year') }}>
        <Form.Item name="personId" label="人员">
          <Select
            showSearch
            optionFilterProp="label"
            options={[{ value: newId, label: '新选派人员' }, ...props.people.map((p) => ({ value: p.personId, label: `${p.personName}（${p.unitName}）` }))]}
          />
        </Form.Item>
        {personId === newId && (
          <>
            <Form.Item name="personName" label="姓名" rules={[{ required: true, message: '请填写姓名' }]}>
              <Input maxLength={30} />
            </Form.Item>
            <Form.Item name="unitName" label="派出单位" rules={[{ required: true, message: '请填写派出单位' }]}>
              <Input maxLength={60} />
            </Form.Item>
          </>
        )}
        <Space>
          <Form.Item name="role" label="职务">
            <Select style={{ width: 140 }} options={Object.entries(TEAM_ROLE_ZH).map(([value, label]) => ({ value, label }))} />
          </Form.Item>
          <Form.Item name="level" label="选派层级">
            <Select style={{ width: 120 }} options={Object.entries(LEVEL_ZH).map(([value, label]) => ({ value, label }))} />
          </Form.Item>
        </Space>
        <Space>
          <Form.Item name="from" label="到任日期">
            <DatePicker />
          </Form.Item>
          <Form.Item name="termEnds" label="任期至">
            <DatePicker />
          </Form.Item>
        </Space>
      </Form>
      {message && <Alert type="error" title={message} />}
    </Modal>
  );
}

function EndModal(props: { district: string; member: Member; onClose: () => void }) {
  const [form] = Form.useForm();
  const [message, setMessage] = useState<string>();
  const save = useCallMutation(
    supervisionApi.endAssignment,
    (v: { on: dayjs.Dayjs; reason: 'replaced' }) => ({
      params: { district: props.district, assignmentId: props.member.assignmentId },
      body: { on: v.on.format('YYYY-MM-DD'), reason: v.reason, expectedVersion: props.member.version },
    }),
    [supervisionApi.listVillages, supervisionApi.getCoverage],
  );
  return (
    <Modal
      open
      title={`离任交接：${props.member.personName}`}
      okText="确定"
      cancelText="取消"
      onCancel={props.onClose}
      confirmLoading={save.isPending}
      onOk={() => form.validateFields().then((v) => save.mutate(v, { onSuccess: props.onClose, onError: (e) => setMessage(showServerErrors(form, e)) }))}
    >
      <p>重点村脱贫任务未完成的，驻村工作队和第一书记不撤回，只能轮换交接；交接后请及时选派接任人员。</p>
      <Form form={form} layout="vertical" initialValues={{ on: dayjs(), reason: 'replaced' }}>
        <Form.Item name="on" label="离任日期">
          <DatePicker />
        </Form.Item>
        <Form.Item name="reason" label="原因">
          <Select options={Object.entries(END_REASON_ZH).map(([value, label]) => ({ value, label }))} />
        </Form.Item>
      </Form>
      {message && <Alert type="error" title={message} />}
    </Modal>
  );
}
