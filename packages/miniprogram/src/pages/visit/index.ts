import { enqueueVisit, flushVisits, type KeptPhoto, keepPhoto, MAX_PHOTO_BYTES, MONITOR_TYPES, messageOf, newClientId, type QueuedVisit, visitsApi } from '../../lib/runtime';

/** Today in Asia/Shanghai, YYYY-MM-DD. */
const today = () => new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);

function chooseMedia(count: number): Promise<{ tempFilePath: string; size: number }[]> {
  return new Promise((resolve, reject) =>
    wx.chooseMedia({
      count,
      mediaType: ['image'],
      sizeType: ['compressed'],
      sourceType: ['camera', 'album'],
      success: (result) => resolve(result.tempFiles.map((f) => ({ tempFilePath: f.tempFilePath, size: f.size }))),
      fail: (error) => (String(error.errMsg).includes('cancel') ? resolve([]) : reject(new Error('无法打开相机或相册'))),
    }),
  );
}

function locate(): Promise<{ latitude: number; longitude: number; accuracy: number }> {
  return new Promise((resolve, reject) =>
    wx.getLocation({
      type: 'gcj02',
      success: (result) => resolve({ latitude: result.latitude, longitude: result.longitude, accuracy: result.accuracy }),
      fail: () => reject(new Error('未获得定位权限：可以不记录地点')),
    }),
  );
}

/**
 * The visit record (入户走访): saved on the phone first, then sent (photos, then the visit, by the
 * phone's ids); without a connection it stays unsent and goes when the phone is back online.
 */
Component({
  data: {
    householdId: '',
    headName: '',
    today: today(),
    date: today(),
    found: '',
    done: '',
    photos: [] as KeptPhoto[],
    maxPhotos: visitsApi.MAX_PHOTOS_PER_VISIT,
    maxKb: MAX_PHOTO_BYTES / 1024,
    photoError: '',
    withLocation: false,
    location: undefined as { latitude: number; longitude: number; accuracy: number } | undefined,
    locationText: '可不记录',
    risk: false,
    monitorTypes: [...MONITOR_TYPES],
    monitorType: MONITOR_TYPES[0] as string,
    riskNote: '',
    busy: false,
    saved: false,
    error: '',
    result: '',
    visitId: newClientId('visit'),
  },
  methods: {
    onLoad(query: Record<string, string | undefined>) {
      this.setData({ householdId: query.householdId ?? '', headName: decodeURIComponent(query.headName ?? '') });
    },
    onDate(event: WechatMiniprogram.PickerChange) {
      this.setData({ date: String(event.detail.value) });
    },
    onFound(event: WechatMiniprogram.CustomEvent<{ value: string }>) {
      this.setData({ found: event.detail.value, error: '' });
    },
    onDone(event: WechatMiniprogram.CustomEvent<{ value: string }>) {
      this.setData({ done: event.detail.value });
    },
    onRisk(event: WechatMiniprogram.CustomEvent<{ value: boolean }>) {
      this.setData({ risk: Boolean(event.detail.value) });
    },
    onMonitorType(event: WechatMiniprogram.CustomEvent<{ value: string }>) {
      this.setData({ monitorType: event.detail.value });
    },
    onRiskNote(event: WechatMiniprogram.CustomEvent<{ value: string }>) {
      this.setData({ riskNote: event.detail.value });
    },
    async onLocation(event: WechatMiniprogram.CustomEvent<{ value: boolean }>) {
      if (!event.detail.value) {
        this.setData({ withLocation: false, location: undefined, locationText: '可不记录' });
        return;
      }
      try {
        const location = await locate();
        this.setData({ withLocation: true, location, locationText: `已记录（精度约 ${Math.round(location.accuracy)} 米）` });
      } catch (error) {
        this.setData({ withLocation: false, location: undefined, locationText: messageOf(error) });
      }
    },
    async addPhotos() {
      this.setData({ photoError: '' });
      try {
        const chosen = await chooseMedia(this.data.maxPhotos - this.data.photos.length);
        const kept: KeptPhoto[] = [];
        const refused: string[] = [];
        for (const file of chosen) {
          try {
            kept.push(await keepPhoto(newClientId('photo'), file.tempFilePath, file.size));
          } catch (error) {
            refused.push(messageOf(error));
          }
        }
        this.setData({ photos: [...this.data.photos, ...kept], photoError: refused.join('；') });
      } catch (error) {
        this.setData({ photoError: messageOf(error) });
      }
    },
    async submit() {
      const found = this.data.found.trim();
      if (!found) {
        this.setData({ error: '请填写了解到的情况' });
        return;
      }
      if (this.data.risk && !this.data.riskNote.trim()) {
        this.setData({ error: '请说明返贫风险的情况' });
        return;
      }
      const visit: QueuedVisit = {
        visitId: this.data.visitId,
        headName: this.data.headName,
        body: {
          householdId: this.data.householdId,
          date: this.data.date,
          found,
          done: this.data.done.trim(),
          ...(this.data.location ? { location: this.data.location } : {}),
          ...(this.data.risk ? { risk: { monitorType: this.data.monitorType as (typeof MONITOR_TYPES)[number], note: this.data.riskNote.trim() } } : {}),
        },
        photos: this.data.photos,
        savedAt: new Date().toISOString(),
      };
      this.setData({ busy: true, error: '' });
      enqueueVisit(visit);
      const result = await flushVisits();
      const sent = result.sent.find((v) => v.visitId === visit.visitId);
      const refused = result.refused.find((v) => v.visitId === visit.visitId);
      if (sent) this.setData({ saved: true, result: `走访记录已登记。${sent.monitoring?.message ?? ''}` });
      else if (refused) this.setData({ error: `未能登记：${refused.refused}` });
      else this.setData({ saved: true, result: '网络不可用：走访记录已保存在手机上，联网后会自动发送（走访任务页可查看未发送的记录）' });
      this.setData({ busy: false });
    },
  },
});
