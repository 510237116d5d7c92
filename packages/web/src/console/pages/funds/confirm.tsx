import { Modal } from 'antd';
import type { ReactElement } from 'react';

/**
 * A confirmation that names the consequence (CONSOLE.md "Confirm what cannot be undone"). The hook's
 * dialogs live in the page's tree, so they take the console's theme and text settings (the static
 * `Modal.confirm` does not: its buttons read "确 认").
 */
export function useConfirm(): [(options: { title: string; content: string; onOk: () => unknown }) => void, ReactElement] {
  const [modal, holder] = Modal.useModal();
  const confirm = (options: { title: string; content: string; onOk: () => unknown }) => {
    modal.confirm({ ...options, okText: '确认', cancelText: '再看看' });
  };
  return [confirm, holder];
}
