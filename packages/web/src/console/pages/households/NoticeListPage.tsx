import { identificationApi } from '@jingzhun/types';
import { Alert, App, Button, Form, Modal, Space, Table } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { fen } from '../../../format.js';
import { WORKFLOW_STATE_ZH } from '../../../labels.js';
import { ErrorAlert, PageTitle } from '../../app/Feedback.js';
import { useCall, useCallMutation } from '../../app/query.js';
import { RegionName, RegionPicker } from '../../app/regions.js';
import { useSignedIn } from '../../app/session.js';
import { AFTER_STEP } from './ActionDialog.js';

/**
 * 名单公示 (the list's workflowState filter is the plain state): the village's households that stand at the same notice step (the first 公示 after the
 * group's appraisal, the second after the assembly's), ticked and posted as one notice in one
 * transaction (postNoticeList). The notice then appears on the board for its days.
 */
const STAGES = [
  { workflowState: 'GROUP_REVIEWED', label: '识别第一次公示（小组评议后）', days: 7 },
  { workflowState: 'ASSEMBLY_REVIEWED', label: '识别第二次公示（村民代表会议评议后）', days: 7 },
];

export default function NoticeListPage() {
  const who = useSignedIn();
  const { message } = App.useApp();
  const [village, setVillage] = useState(who.region.slice(9) !== '000' ? who.region : undefined);
  const [stage, setStage] = useState(STAGES[0] as (typeof STAGES)[number]);
  const [selected, setSelected] = useState<string[]>([]);
  const [rest, setRest] = useState<string>();
  const list = useCall(
    identificationApi.listHouseholds,
    village ? { query: { region: village, workflowState: stage.workflowState, limit: identificationApi.MAX_NOTICE_LIST } } : undefined,
    { enabled: Boolean(village) },
  );
  const items = list.data?.items ?? [];
  const post = useCallMutation(
    identificationApi.postNoticeList,
    (ids: string[]) => ({
      params: { code: village ?? '' },
      body: { households: ids.map((id) => ({ householdId: id, version: items.find((h) => h.householdId === id)?.version ?? 1 })), evidence: [] },
    }),
    AFTER_STEP,
  );
  const confirm = () =>
    Modal.confirm({
      title: `发起公示：${selected.length} 户`,
      content: `所选 ${selected.length} 户将列入同一张公示，在公示栏公开 ${stage.days} 天；公示期间不能再修改名单。确定发起吗？`,
      okText: '发起公示',
      cancelText: '取消',
      onOk: async () => {
        setRest(undefined);
        try {
          await post.mutateAsync(selected);
          setSelected([]);
          void message.success(`已发起公示，共 ${selected.length} 户`);
        } catch (error) {
          setRest(error instanceof Error ? error.message : '发起公示失败');
        }
      },
    });

  return (
    <>
      <PageTitle title="名单公示" />
      <Form layout="inline" style={{ marginBottom: 16, rowGap: 8 }}>
        <Form.Item label="村">
          <RegionPicker within={who.region} value={village} onChange={(code) => setVillage(code.slice(9) === '000' ? undefined : code)} placeholder="请选择村" />
        </Form.Item>
        <Form.Item label="公示环节">
          <Space>
            {STAGES.map((s) => (
              <Button
                key={s.workflowState}
                type={s === stage ? 'primary' : 'default'}
                onClick={() => {
                  setStage(s);
                  setSelected([]);
                }}
              >
                {s.label}
              </Button>
            ))}
          </Space>
        </Form.Item>
      </Form>
      {!village ? <Alert type="info" showIcon title="请先选择村：公示按村发布" style={{ marginBottom: 16 }} /> : null}
      <ErrorAlert error={list.error} onRetry={() => void list.refetch()} />
      {rest ? <Alert type="error" showIcon role="alert" title={rest} style={{ marginBottom: 16 }} /> : null}
      <Table
        rowKey="householdId"
        loading={list.isLoading && Boolean(village)}
        dataSource={items}
        pagination={false}
        rowSelection={{ selectedRowKeys: selected, onChange: (keys) => setSelected(keys as string[]) }}
        locale={{ emptyText: village ? '没有处于这一公示环节的农户' : '请选择村' }}
        columns={[
          { title: '户主', dataIndex: 'headName', render: (name: string, h) => <Link to={`/households/${h.householdId}`}>{name}</Link> },
          { title: '所在村', dataIndex: 'region', render: (code: string) => <RegionName code={code} /> },
          { title: '组', dataIndex: 'group' },
          { title: '人口', dataIndex: 'size', render: (n: number) => `${n} 人` },
          { title: '人均纯收入', dataIndex: 'incomePerCapitaFen', render: (v: number) => fen(v) },
          { title: '当前环节', dataIndex: 'workflowState', render: (s?: string) => WORKFLOW_STATE_ZH[s?.split(':')[1] ?? ''] ?? '—' },
        ]}
      />
      <Space style={{ marginTop: 16 }}>
        <span>
          已选 {selected.length} 户（一张公示最多 {identificationApi.MAX_NOTICE_LIST} 户）
        </span>
        <Button type="primary" disabled={selected.length === 0 || !village} loading={post.isPending} onClick={confirm}>
          发起公示
        </Button>
      </Space>
    </>
  );
}
