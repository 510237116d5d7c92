import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { sourceText } from '../src/sources.js';

const catalog = JSON.parse(readFileSync(join(import.meta.dirname, '../../../services/subsidy/src/catalog/policy-catalog.json'), 'utf8')) as {
  items: { id: string; source: { seed: string; lines: string } }[];
  standards: { source: { seed: string; lines: string } }[];
  unquantified: { source: { seed: string; lines: string } }[];
};

describe('policy sources as a document title, section and item (issue 14)', () => {
  it('names the 2017 social-security box of the 台儿庄区 plan and its numbered items (seed 000 L2856–2860)', () => {
    // L2858 "1.高龄补贴" and L2862 "2.长寿津贴" in 专栏 20 (seed 000 L2856).
    expect(sourceText({ seed: '000_8fcab001bb1919ce.txt', lines: '2858-2860' })).toBe('《台儿庄区“十三五”脱贫攻坚规划》专栏20 第1项');
    expect(sourceText({ seed: '000_8fcab001bb1919ce.txt', lines: '2862-2864' })).toBe('《台儿庄区“十三五”脱贫攻坚规划》专栏20 第2项');
    // 专栏 7 危房改造补助标准 (L1786), its first item.
    expect(sourceText({ seed: '000_8fcab001bb1919ce.txt', lines: '1788-1792' })).toBe('《台儿庄区“十三五”脱贫攻坚规划》专栏7 第1项');
  });

  it('outside a box names the chapter, section and part; seed 004 names the member unit', () => {
    // L1751: 第五章 危房改造, 第一节 实施精准改造, "二、合理选择改建方式" (L1726).
    expect(sourceText({ seed: '000_8fcab001bb1919ce.txt', lines: '1751-1760' })).toBe('《台儿庄区“十三五”脱贫攻坚规划》第五章第一节 第二部分');
    expect(sourceText({ seed: '004_3094a197d5375363.txt', lines: '320' })).toMatch(/^《济宁市扶贫开发领导小组成员单位打赢脱贫攻坚战三年行动工作方案》济宁市民政局 第二部分 第1项$/);
    // The bank-assessment measures are a document of their own in the same gazette (L4105–4311).
    expect(sourceText({ seed: '000_8fcab001bb1919ce.txt', lines: '4200' })).toMatch(/^《台儿庄区银行业金融机构支持地方经济发展考核奖励办法》/);
  });

  it('gives every source the catalog cites a document title, and never a file name or line number', () => {
    const sources = [...catalog.items, ...catalog.standards, ...catalog.unquantified].map((entry) => entry.source);
    expect(sources.length).toBeGreaterThan(100);
    for (const source of sources) {
      const text = sourceText(source);
      expect(text, `${source.seed} ${source.lines}`).toMatch(/^《[^》]+》/);
      expect(text).not.toMatch(/seed|\.txt|(?<!\d)\d{3}(?!\d)|\d{5,}/i);
    }
    expect(sourceText({ seed: '009_unknown.txt', lines: '1' })).toBe('政策文件');
    expect(sourceText(undefined)).toBe('—');
  });
});
