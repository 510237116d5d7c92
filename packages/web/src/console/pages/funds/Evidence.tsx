import type { fundsApi } from '@jingzhun/types';
import type { UploadFile } from 'antd';
import { Button, Form, Upload } from 'antd';
import { EVIDENCE_ZH } from './labels.js';

/**
 * The files that come with a step (申报书, 会议纪要, 合同, 验收报告 …): chosen as files, recorded by
 * their names as the step's evidence of the kind the step needs.
 */
export function EvidenceField(props: { kind: string; label?: string; required?: boolean }) {
  return (
    <Form.Item
      label={props.label ?? EVIDENCE_ZH[props.kind]}
      name="files"
      valuePropName="fileList"
      getValueFromEvent={(e: { fileList: UploadFile[] }) => e.fileList}
      rules={props.required === false ? [] : [{ required: true, message: `请选择${EVIDENCE_ZH[props.kind] ?? '材料'}文件` }]}
    >
      <Upload beforeUpload={() => false} multiple maxCount={5}>
        <Button>选择文件</Button>
      </Upload>
    </Form.Item>
  );
}

type EvidenceKind = (typeof fundsApi.EVIDENCE_KINDS)[number];

export function evidenceOf(kind: EvidenceKind, files: UploadFile[] | undefined): { kind: EvidenceKind; ref: string }[] {
  return (files ?? []).map((file) => ({ kind, ref: file.name }));
}
