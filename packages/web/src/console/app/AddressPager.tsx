import { Button, Space } from 'antd';

/** 上一页 / 第 n 页 / 下一页 under a list paged by `useAddressPaging` (the page number lives in the address). */
export function AddressPager(props: { page: number; hasNext: boolean; update: (changes: Record<string, string | undefined>) => void }) {
  return (
    <Space style={{ marginTop: 16 }}>
      <Button disabled={props.page <= 1} onClick={() => props.update({ page: String(props.page - 1) })}>
        上一页
      </Button>
      <span>第 {props.page} 页</span>
      <Button disabled={!props.hasNext} onClick={() => props.update({ page: String(props.page + 1) })}>
        下一页
      </Button>
    </Space>
  );
}
