import { ApiError, NETWORK_MESSAGE } from '@jingzhun/client';
import { tokens } from './api.js';

/**
 * Fetches a file the API produces (XLSX, CSV) with the signed-in user's token and hands it to the
 * browser as a download through a blob link: the file is saved, never shown on the page. Refusals
 * arrive as the API's JSON error and become an ApiError with its Chinese message.
 */
export async function downloadFile(url: string, fileName: string): Promise<Blob> {
  const blob = await fetchFile(url);
  const a = document.createElement('a');
  a.href = URL.createObjectURL(blob);
  a.download = fileName;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(a.href), 5000);
  return blob;
}

/** A file of the API fetched with the signed-in user's token (a link cannot carry the bearer token). */
export async function fetchFile(url: string): Promise<Blob> {
  const response = await fetch(url, { headers: { authorization: `Bearer ${tokens.get() ?? ''}` } }).catch(() => {
    throw new ApiError(0, 'NETWORK_ERROR', NETWORK_MESSAGE);
  });
  if (!response.ok) {
    const body = (await response.json().catch(() => ({}))) as { code?: string; message?: string };
    throw new ApiError(response.status, body.code ?? `HTTP_${response.status}`, body.message ?? '导出失败，请稍后再试');
  }
  return response.blob();
}

/**
 * Opens a page the API renders for staff (the printable notice) in a new tab: the tab is opened on
 * the click (a tab opened after the fetch is a blocked pop-up), then shown the fetched page.
 */
export async function openFile(url: string): Promise<void> {
  const tab = window.open('', '_blank');
  try {
    const blob = await fetchFile(url);
    const href = URL.createObjectURL(blob);
    if (tab) tab.location.href = href;
    else window.location.assign(href);
    setTimeout(() => URL.revokeObjectURL(href), 60_000);
  } catch (error) {
    tab?.close();
    throw error;
  }
}

/** A chosen file's bytes as base64 (uploads travel in a JSON body). */
export async function fileBase64(file: File): Promise<string> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}
