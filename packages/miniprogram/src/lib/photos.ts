import { visitsApi } from '@jingzhun/types';

export const MAX_PHOTO_BYTES = visitsApi.MAX_PHOTO_BYTES;

export interface KeptPhoto {
  photoId: string;
  /** A file of the mini-program's own (wx.env.USER_DATA_PATH): it outlives the camera's temporary file. */
  path: string;
  contentType: 'image/jpeg' | 'image/png';
  bytes: number;
}

const fs = () => wx.getFileSystemManager();

function sizeOf(path: string): number {
  return (fs().statSync(path) as WechatMiniprogram.Stats).size;
}

function compress(src: string, quality: number): Promise<string> {
  return new Promise((resolve, reject) =>
    wx.compressImage({ src, quality, success: (result) => resolve(result.tempFilePath), fail: () => reject(new Error('照片压缩失败，请重新拍摄')) }),
  );
}

/**
 * A photo from wx.chooseMedia made ready to keep: compressed while it is over the limit (quality
 * 60, then 30), refused with the sizes named when it still is; then copied into the mini-program's
 * own files so that an unsent visit keeps its photos after a restart.
 */
export async function keepPhoto(photoId: string, tempFilePath: string, size: number): Promise<KeptPhoto> {
  let path = tempFilePath;
  let bytes = size;
  for (const quality of [60, 30]) {
    if (bytes <= MAX_PHOTO_BYTES) break;
    path = await compress(path, quality);
    bytes = sizeOf(path);
  }
  if (bytes > MAX_PHOTO_BYTES) {
    throw new Error(`照片压缩后仍有 ${Math.ceil(bytes / 1024)} KB，超过 ${MAX_PHOTO_BYTES / 1024} KB 的上限，请靠近一些重拍或换一张`);
  }
  const contentType = /\.png$/i.test(path) ? 'image/png' : 'image/jpeg';
  const kept = `${wx.env.USER_DATA_PATH}/${photoId}.${contentType === 'image/png' ? 'png' : 'jpg'}`;
  fs().saveFileSync(path, kept);
  return { photoId, path: kept, contentType, bytes };
}

export function photoBase64(photo: KeptPhoto): string {
  return fs().readFileSync(photo.path, 'base64') as string;
}

export function dropPhoto(photo: KeptPhoto): void {
  try {
    fs().unlinkSync(photo.path);
  } catch {
    // Already gone: nothing to free.
  }
}
