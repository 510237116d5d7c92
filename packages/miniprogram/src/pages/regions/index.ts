import { childrenOf, go, regionName } from '../../lib/runtime';

const HEADINGS: Record<string, string> = { '': '选择区县', county: '选择镇（街道）', town: '选择村' };

/** County → town → village; a village opens its notices. */
Component({
  data: { heading: '选择区县', path: '', items: [] as { code: string; name: string; level: string }[], parents: [] as string[] },
  methods: {
    onLoad(query: Record<string, string | undefined>) {
      this.show(query.code);
    },
    show(code: string | undefined) {
      const items = childrenOf(code);
      const parents = code ? [...this.data.parents, code] : [];
      const level = code ? (items[0]?.level === 'village' ? 'town' : 'county') : '';
      this.setData({ items, parents, heading: HEADINGS[level] ?? '选择', path: parents.map(regionName).join(' / ') });
    },
    pick(event: WechatMiniprogram.CustomEvent<WechatMiniprogram.IAnyObject, WechatMiniprogram.IAnyObject, { code: string; level: string }>) {
      const { code, level } = event.currentTarget.dataset;
      if (level === 'village') go(`/pages/village/index?code=${code}`);
      else this.show(code);
    },
  },
});
