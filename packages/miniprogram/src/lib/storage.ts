/** JSON values in the mini-program's storage (wx.setStorageSync keeps them across restarts). */
export function readStored<T>(key: string, fallback: T): T {
  try {
    const value = wx.getStorageSync(key) as unknown;
    return value === '' || value === undefined || value === null ? fallback : (value as T);
  } catch {
    return fallback;
  }
}

export function writeStored(key: string, value: unknown): void {
  if (value === undefined) wx.removeStorageSync(key);
  else wx.setStorageSync(key, value);
}
