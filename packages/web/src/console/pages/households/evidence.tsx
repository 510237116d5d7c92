import { identificationApi, MAX_UPLOAD_BYTES, UPLOAD_CONTENT_TYPES, type UploadContentType } from '@jingzhun/types';
import { Button, Form, Image, Input, Space, Upload } from 'antd';
import { useState } from 'react';
import { ApiError, api } from '../../../api.js';
import { EVIDENCE_ZH, zh } from '../../../labels.js';
import { useCall } from '../../app/query.js';

/**
 * Evidence for a step: one row per kind the step asks for, each with the document's title or number
 * and, where there is one, the photo or scan uploaded as a file (JPG, PNG or PDF up to 10 MB,
 * checked here before asking and by the store at upload). Photos must be a file.
 */
export interface EvidenceValue {
  kind: string;
  ref: string;
  fileId?: string;
}

const ACCEPT = UPLOAD_CONTENT_TYPES.join(',');

/** Checks a chosen file before anything is sent: the message a user reads, or undefined. */
export function fileProblem(file: { type: string; size: number }): string | undefined {
  if (!(UPLOAD_CONTENT_TYPES as readonly string[]).includes(file.type)) return '只能上传 JPG、PNG 照片或 PDF 扫描件';
  if (file.size > MAX_UPLOAD_BYTES) return '文件超过 10 MB，请压缩后再上传';
  if (file.size === 0) return '文件是空的';
  return undefined;
}

/** Asks the API for an upload address for this household, then PUTs the file there. Returns its id. */
export async function uploadEvidenceFile(householdId: string, file: File): Promise<string> {
  const signed = await api().call(identificationApi.requestEvidenceUpload, {
    params: { householdId },
    body: { fileName: file.name.slice(-120), contentType: file.type as UploadContentType, size: file.size },
  });
  const response = await fetch(signed.url, { method: 'PUT', headers: signed.headers, body: file }).catch(() => undefined);
  if (!response?.ok) throw new ApiError(response?.status ?? 0, 'UPLOAD_FAILED', '文件上传失败：文件类型或大小与所选不符，或网络中断，请重新选择文件');
  return signed.fileId;
}

/** One evidence file chosen and uploaded; shows its thumbnail (a PDF as its name). */
function FileField(props: { householdId: string; value?: string; onChange?: (fileId: string | undefined) => void; label: string; onName?: (name: string) => void }) {
  const [preview, setPreview] = useState<{ url?: string; name: string } | undefined>();
  const [status, setStatus] = useState<'idle' | 'uploading' | 'error'>('idle');
  const [message, setMessage] = useState<string>();
  return (
    <Space orientation="vertical" size={4}>
      <Upload
        accept={ACCEPT}
        showUploadList={false}
        beforeUpload={(file) => {
          const problem = fileProblem(file);
          if (problem) {
            setStatus('error');
            setMessage(problem);
            return Upload.LIST_IGNORE;
          }
          return true;
        }}
        customRequest={({ file, onSuccess, onError }) => {
          const chosen = file as File;
          setStatus('uploading');
          setMessage(undefined);
          uploadEvidenceFile(props.householdId, chosen).then(
            (fileId) => {
              setStatus('idle');
              setPreview({ name: chosen.name, ...(chosen.type.startsWith('image/') ? { url: URL.createObjectURL(chosen) } : {}) });
              props.onChange?.(fileId);
              props.onName?.(chosen.name);
              onSuccess?.({});
            },
            (error: unknown) => {
              setStatus('error');
              setMessage(error instanceof ApiError ? error.message : '文件上传失败，请重试');
              props.onChange?.(undefined);
              onError?.(error as Error);
            },
          );
        }}
      >
        <Button loading={status === 'uploading'} aria-label={`${props.label}：选择文件`}>
          {props.value ? '重新选择文件' : '选择文件上传'}
        </Button>
      </Upload>
      {preview?.url ? <Image src={preview.url} alt={`${props.label}缩略图`} width={96} height={96} style={{ objectFit: 'cover' }} /> : null}
      {preview && !preview.url ? <span>已上传：{preview.name}</span> : null}
      {message ? (
        <span role="alert" style={{ color: '#b7312c' }}>
          {message}
        </span>
      ) : null}
    </Space>
  );
}

/**
 * The evidence rows of a form (`name` is the form list, e.g. "evidence"): `kinds` fixes one row per
 * required kind; a row's file is required for photos. The server's errors (evidence.1.fileId)
 * land next to their row through showServerErrors.
 */
export function EvidenceRows(props: { householdId: string; kinds: readonly string[] }) {
  const form = Form.useFormInstance();
  return (
    <Form.List name="evidence">
      {(fields) =>
        fields.map((field, index) => {
          const kind = props.kinds[index] ?? 'other';
          const label = zh(EVIDENCE_ZH, kind);
          return (
            <Space key={field.key} align="start" wrap style={{ display: 'flex', marginBottom: 8 }}>
              <Form.Item name={[field.name, 'kind']} hidden>
                <Input />
              </Form.Item>
              <Form.Item
                label={`${label}名称或文号`}
                name={[field.name, 'ref']}
                rules={[{ required: true, whitespace: true, message: `请填写${label}的名称或文号` }]}
                style={{ minWidth: 260 }}
              >
                <Input maxLength={200} placeholder={kind === 'photos' ? '如：入户照片（选择文件后自动填写）' : `如：冯庄村${label}第3号`} />
              </Form.Item>
              <Form.Item label={`${label}文件`} name={[field.name, 'fileId']} rules={kind === 'photos' ? [{ required: true, message: '请上传照片' }] : []}>
                <FileField
                  householdId={props.householdId}
                  label={label}
                  onName={(name) => {
                    if (!form.getFieldValue(['evidence', field.name, 'ref'])) form.setFieldValue(['evidence', field.name, 'ref'], name.slice(0, 200));
                  }}
                />
              </Form.Item>
            </Space>
          );
        })
      }
    </Form.List>
  );
}

/** An evidence item kept with the audit: its name and, for a file, a thumbnail (PDF: a link). */
export function EvidenceThumb(props: { householdId: string; fileId: string; name: string }) {
  const file = useCall(identificationApi.getEvidenceFile, { params: { householdId: props.householdId, fileId: props.fileId } }, { staleTime: 5 * 60_000 });
  if (!file.data) return <span>{file.error ? '文件暂不可查看' : '…'}</span>;
  if (file.data.contentType === 'application/pdf') {
    return (
      <a href={file.data.url} target="_blank" rel="noreferrer">
        查看扫描件
      </a>
    );
  }
  return <Image src={file.data.url} alt={`${props.name}缩略图`} width={72} height={72} style={{ objectFit: 'cover' }} />;
}

/** Form values → the API's evidence items (blank file ids dropped). */
export function evidenceBody(values: EvidenceValue[] | undefined): identificationApi.Evidence[] {
  return (values ?? []).map((e) => ({ kind: e.kind as identificationApi.EvidenceKind, ref: e.ref.trim(), ...(e.fileId ? { fileId: e.fileId } : {}) }));
}
