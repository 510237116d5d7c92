import { identificationApi } from '@jingzhun/types';
import { Alert, Button, Descriptions, Form, Select, Table, Upload } from 'antd';
import { useState } from 'react';
import { ApiError } from '../../../api.js';
import { fileBase64 } from '../../../download.js';
import { COMPARISON_SOURCE_OWNER, COMPARISON_SOURCE_ZH } from '../../../labels.js';
import { PageTitle } from '../../app/Feedback.js';
import { useCallMutation } from '../../app/query.js';
import { RegionPicker } from '../../app/regions.js';
import { useSignedIn } from '../../app/session.js';

/** The lists a user may upload: a department its own; the county the block and review lists it collects (domain/comparison.ts assertMayImport). */
const INFO_SOURCES = new Set(['minzheng-dibao', 'minzheng-tekun', 'canlian-disability']);
function ownSources(who: { role: string; department?: string | undefined }): string[] {
  return identificationApi.COMPARISON_SOURCES.filter((source) =>
    who.role === 'department' ? COMPARISON_SOURCE_OWNER[source] === who.department : who.role === 'county' && !INFO_SOURCES.has(source),
  );
}

const MAX_FILE_BYTES = 6_000_000;

interface ImportBody {
  source: (typeof identificationApi.COMPARISON_SOURCES)[number];
  region: string;
  format: 'csv' | 'xlsx';
  contentBase64: string;
}

interface Problem {
  row: number;
  message: string;
}

/**
 * 比对名单上传: the department picks its list and the region, uploads its XLSX or CSV (header row
 * with 身份证号 and 姓名), and sees what came of it: the counts, or, when any row is broken,
 * each broken row with its number and what to fix (nothing is imported then).
 */
export default function ImportPage() {
  const who = useSignedIn();
  const sources = ownSources(who);
  const [form] = Form.useForm<{ source: string; region: string }>();
  const [file, setFile] = useState<File>();
  const [fileError, setFileError] = useState<string>();
  const [problems, setProblems] = useState<Problem[]>();
  const [failure, setFailure] = useState<string>();
  const upload = useCallMutation(identificationApi.importComparison, (body: ImportBody) => ({ body }));

  const submit = async () => {
    const values = await form.validateFields();
    if (!file) {
      setFileError('请选择名单文件（XLSX 或 CSV）');
      return;
    }
    setProblems(undefined);
    setFailure(undefined);
    upload.reset();
    const format = file.name.toLowerCase().endsWith('.csv') ? 'csv' : 'xlsx';
    try {
      await upload.mutateAsync({ source: values.source as never, region: values.region, format, contentBase64: await fileBase64(file) });
    } catch (error) {
      const details = error instanceof ApiError ? (error.details as { problems?: Problem[] } | undefined) : undefined;
      if (details?.problems) setProblems(details.problems);
      setFailure(error instanceof ApiError ? error.message : '上传失败，请重试');
    }
  };

  return (
    <>
      <PageTitle title="比对名单上传" />
      <p>名单第一行为表头，须含“身份证号”和“姓名”两列，可另加“说明”列；每行一人。有任何一行不合格时整份名单不导入，请按下表逐行修改后重新上传。</p>
      <Form form={form} layout="vertical" initialValues={{ source: sources.length === 1 ? sources[0] : undefined, region: who.region }} style={{ maxWidth: 560 }}>
        <Form.Item label="名单类别" name="source" rules={[{ required: true, message: '请选择名单类别' }]}>
          <Select placeholder="请选择" options={sources.map((s) => ({ value: s, label: COMPARISON_SOURCE_ZH[s] ?? '其他名单' }))} />
        </Form.Item>
        <Form.Item label="比对范围" name="region" rules={[{ required: true, message: '请选择比对范围' }]}>
          <RegionPicker within={who.region} />
        </Form.Item>
        <Form.Item label="名单文件" required validateStatus={fileError ? 'error' : undefined} help={fileError}>
          <Upload
            accept=".xlsx,.csv"
            maxCount={1}
            beforeUpload={(chosen) => {
              const name = chosen.name.toLowerCase();
              if (!name.endsWith('.xlsx') && !name.endsWith('.csv')) setFileError('只能上传 XLSX 或 CSV 文件');
              else if (chosen.size > MAX_FILE_BYTES) setFileError('文件超过 6 MB，请分批上传');
              else {
                setFileError(undefined);
                setFile(chosen);
              }
              return false;
            }}
            onRemove={() => setFile(undefined)}
          >
            <Button>选择文件</Button>
          </Upload>
        </Form.Item>
        <Button type="primary" loading={upload.isPending} onClick={() => void submit().catch(() => undefined)}>
          上传并比对
        </Button>
      </Form>
      {upload.data ? (
        <>
          <Alert type="success" showIcon title="名单已导入并完成比对" style={{ margin: '16px 0' }} />
          <Descriptions bordered size="small" column={1} style={{ maxWidth: 560 }}>
            <Descriptions.Item label="名单行数">{upload.data.rows} 行</Descriptions.Item>
            <Descriptions.Item label="匹配到在册人员">{upload.data.matched} 行</Descriptions.Item>
            <Descriptions.Item label="未匹配">{upload.data.unmatched} 行</Descriptions.Item>
            <Descriptions.Item label="生成比对结果">{upload.data.hits} 条（由村、镇逐条核实）</Descriptions.Item>
          </Descriptions>
        </>
      ) : null}
      {failure ? <Alert type="error" showIcon role="alert" title={failure} style={{ margin: '16px 0' }} /> : null}
      {problems ? (
        <Table
          rowKey={(p) => `${p.row}-${p.message}`}
          size="small"
          pagination={false}
          dataSource={problems}
          style={{ maxWidth: 720 }}
          columns={[
            { title: '行号', dataIndex: 'row', render: (r: number) => `第 ${r} 行` },
            { title: '问题', dataIndex: 'message' },
          ]}
        />
      ) : null}
    </>
  );
}
