import { countyIndexApi } from '@jingzhun/types';
import { Alert, Button, Descriptions, Form, InputNumber, Modal, Select, Statistic, Table, Tag } from 'antd';
import { useState } from 'react';
import { mayCall } from '../../../access.js';
import { ErrorAlert, PageTitle } from '../../app/Feedback.js';
import { showServerErrors } from '../../app/forms.js';
import { useCall, useCallMutation } from '../../app/query.js';
import { RegionName } from '../../app/regions.js';
import { useSignedIn } from '../../app/session.js';

const SOURCE_ZH = { register: '建档立卡数据', runs: '调度与目标', survey: '抽样调查' } as const;
const DIMENSION_ZH: Record<string, string> = { plan: '减贫计划完成率', exitAccuracy: '脱贫精准度', helpAccuracy: '帮扶精准度', satisfaction: '群众满意度' };

type Index = countyIndexApi.CountyIndex;

/** 脱贫攻坚总指数 (seed 004 L885): four dimensions, 11 indicators and the weighted index of the signed-in user's county and a year. */
export default function CountyIndexPage() {
  const who = useSignedIn();
  const county = `${who.region.slice(0, 6)}000000`;
  const thisYear = new Date().getFullYear();
  const [year, setYear] = useState(thisYear);
  const index = useCall(countyIndexApi.getCountyIndex, { params: { county, year } });
  const [entering, setEntering] = useState(false);
  const mayEnter = mayCall(who, countyIndexApi.putSurvey);
  const data = index.data;
  return (
    <>
      <PageTitle title="脱贫攻坚总指数" />
      <Form layout="inline" style={{ marginBottom: 16 }}>
        <Form.Item label="区县">
          <RegionName code={county} />
        </Form.Item>
        <Form.Item label="年度" htmlFor="county-index-year">
          <Select
            id="county-index-year"
            style={{ width: 120 }}
            value={year}
            onChange={setYear}
            options={Array.from({ length: thisYear - 2015 }, (_, i) => thisYear - i).map((y) => ({ value: y, label: `${y}年` }))}
          />
        </Form.Item>
        {mayEnter && (
          <Form.Item>
            <Button type="primary" onClick={() => setEntering(true)}>
              {data?.survey ? '修改调查结果' : '录入调查结果'}
            </Button>
          </Form.Item>
        )}
      </Form>
      <ErrorAlert error={index.error} onRetry={() => void index.refetch()} />
      {data && (
        <>
          <Statistic title="总指数（满分100）" value={data.index ?? '尚不能测算'} precision={data.index === null ? undefined : 1} style={{ marginBottom: 12 }} />
          {data.missing.length > 0 && <Alert type="warning" showIcon style={{ marginBottom: 12 }} title={`缺少以下指标数据，暂不测算总指数：${data.missing.join('、')}`} />}
          <Table
            rowKey="id"
            size="small"
            pagination={false}
            title={() => '四方面得分（综合加权指数法）'}
            dataSource={data.dimensions}
            columns={[
              { title: '方面', dataIndex: 'nameZh' },
              { title: '权重', dataIndex: 'weight', render: (w: number) => `${w}%` },
              { title: '得分', dataIndex: 'score', render: (s: number | null) => (s === null ? <Tag>暂无</Tag> : s.toFixed(1)) },
            ]}
          />
          <Table
            rowKey="id"
            size="small"
            style={{ marginTop: 16 }}
            pagination={false}
            title={() => '11项指标'}
            dataSource={data.indicators}
            columns={[
              { title: '方面', dataIndex: 'dimension', render: (d: string) => DIMENSION_ZH[d] ?? '其他' },
              { title: '指标', dataIndex: 'nameZh' },
              { title: '数据来源', dataIndex: 'source', render: (s: keyof typeof SOURCE_ZH) => SOURCE_ZH[s] },
              { title: '方面内权重', dataIndex: 'weight', render: (w: number) => `${w}%` },
              { title: '得分', dataIndex: 'score', render: (s: number | null) => (s === null ? <Tag>暂无数据</Tag> : s.toFixed(1)) },
            ]}
          />
          {data.survey && (
            <Descriptions
              size="small"
              style={{ marginTop: 16 }}
              title="调查结果"
              items={[
                { key: 'sample', label: '抽样户数', children: `${data.survey.sampleHouseholds} 户` },
                { key: 'help', label: '帮扶工作满意度', children: `${data.survey.satisfactionHelp} 分` },
                { key: 'policy', label: '扶贫政策满意度', children: `${data.survey.satisfactionPolicy} 分` },
                { key: 'recognition', label: '脱贫结果认可度', children: `${data.survey.recognition} 分` },
                { key: 'by', label: '录入', children: data.survey.enteredBy },
              ]}
            />
          )}
        </>
      )}
      {entering && data && <SurveyModal county={county} year={year} current={data} onClose={() => setEntering(false)} />}
    </>
  );
}

const COUNTS: [string, string][] = [
  ['ruralPopulation', '全县农村人口（人）'],
  ['sampleHouseholds', '抽样户数'],
  ['identifiedCorrectly', '其中识别准确户数'],
  ['exitedSampled', '其中已脱贫户数'],
  ['exitedCorrectly', '已脱贫户中退出准确户数'],
  ['knowHelper', '知晓帮扶责任人户数'],
];
const SCORES: [string, string][] = [
  ['satisfactionHelp', '帮扶工作满意度（1–5分）'],
  ['satisfactionPolicy', '扶贫政策满意度（1–5分）'],
  ['recognition', '脱贫结果认可度（1–5分）'],
];

function SurveyModal(props: { county: string; year: number; current: Index; onClose: () => void }) {
  const [form] = Form.useForm();
  const [error, setError] = useState<string>();
  const save = useCallMutation(
    countyIndexApi.putSurvey,
    (v: Omit<countyIndexApi.CountyIndex['survey'] & object, 'enteredBy' | 'enteredAt'>) => ({
      params: { county: props.county, year: props.year },
      body: { ...v, version: props.current.version },
    }),
    [countyIndexApi.getCountyIndex],
  );
  return (
    <Modal open title={`${props.year}年调查结果`} okText="保存" cancelText="取消" onCancel={props.onClose} onOk={() => form.submit()} confirmLoading={save.isPending}>
      <Form
        form={form}
        layout="vertical"
        initialValues={props.current.survey}
        onFinish={(v) => save.mutate(v, { onSuccess: props.onClose, onError: (e) => setError(showServerErrors(form, e)) })}
      >
        {COUNTS.map(([name, label]) => (
          <Form.Item key={name} label={label} name={name} rules={[{ required: true, message: `请填写${label}` }]}>
            <InputNumber precision={0} style={{ width: '100%' }} />
          </Form.Item>
        ))}
        {SCORES.map(([name, label]) => (
          <Form.Item key={name} label={label} name={name} rules={[{ required: true, message: `请填写${label}` }]}>
            <InputNumber step={0.1} style={{ width: '100%' }} />
          </Form.Item>
        ))}
        {error && <Alert type="error" showIcon title={error} />}
      </Form>
    </Modal>
  );
}
