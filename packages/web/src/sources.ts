import places from './source-places.json';

/**
 * A policy source as staff read it: the document's title, then where in it (专栏20 第1项, or
 * 第五章第一节 第2项), never the file name or line numbers the catalog cites
 * (issue 14, "Sources shown as a document's title, section and item"). The documents of each seed
 * file and their line ranges are from the inventories of ../shared/domain/seed-NNN-rules.md; the
 * headings at each cited line are read from the documents by scripts/source-places.mjs.
 */

interface Document {
  from: number;
  to: number;
  title: string;
}

/** The documents in each seed file (line ranges as the inventories give them). */
const DOCUMENTS: Record<string, Document[]> = {
  // seed-000-rules.md §1: the 台儿庄区人民政府公报 excerpt holds five documents.
  '000': [
    { from: 1, to: 78, title: '台儿庄区关于下达2018年度全区安全生产控制目标的通知' },
    { from: 79, to: 171, title: '台儿庄区关于2017年度全区安全生产目标责任完成情况的通报' },
    { from: 172, to: 187, title: '关于印发台儿庄区“十三五”脱贫攻坚规划的通知' },
    { from: 188, to: 4104, title: '台儿庄区“十三五”脱贫攻坚规划' },
    { from: 4105, to: 4311, title: '台儿庄区银行业金融机构支持地方经济发展考核奖励办法' },
    { from: 4312, to: 4411, title: '台儿庄区引进银行、担保类等金融机构扶持和奖励办法' },
  ],
  '001': [{ from: 1, to: 526, title: '沂源县“十三五”脱贫攻坚规划' }],
  '002': [{ from: 1, to: 213, title: '峯城区关于打赢脱贫攻坚战三年行动的实施意见' }],
  '003': [{ from: 1, to: 830, title: '青岛市“十三五”脱贫攻坚规划' }],
  '004': [{ from: 1, to: 1401, title: '济宁市扶贫开发领导小组成员单位打赢脱贫攻坚战三年行动工作方案' }],
};

interface Place {
  unit?: string;
  box?: number;
  chapter?: string;
  section?: string;
  part?: number;
  item?: number;
}

const PLACES = places as Record<string, Record<string, Place>>;

const DIGITS = '〇一二三四五六七八九';
/** 2 → 二, 14 → 十四 (the documents' own heading numerals). */
function chineseNumber(n: number): string {
  if (n < 10) return DIGITS[n] ?? String(n);
  if (n < 20) return `十${n % 10 ? DIGITS[n % 10] : ''}`;
  if (n < 100) return `${DIGITS[Math.floor(n / 10)]}十${n % 10 ? DIGITS[n % 10] : ''}`;
  return String(n);
}

/** The first line a catalog reference cites ("2858-2860" → 2858). */
function firstLine(lines: string): number | undefined {
  const n = Number(String(lines).split(/[-–,，]/)[0]);
  return Number.isInteger(n) && n > 0 ? n : undefined;
}

/** Where in its document a line stands: 专栏20 第1项 · 第五章第一节 第二部分 第3项 · 济宁市民政局 第二部分 第1项. */
function placeText(place: Place): string {
  const parts: string[] = [];
  if (place.unit) parts.push(place.unit);
  if (place.box !== undefined) parts.push(`专栏${place.box}`);
  else if (place.chapter || place.section) parts.push(`${place.chapter ?? ''}${place.section ?? ''}`);
  if (place.box === undefined && place.part !== undefined) parts.push(`第${chineseNumber(place.part)}部分`);
  if (place.item !== undefined) parts.push(`第${place.item}项`);
  return parts.join(' ');
}

/**
 * A catalog source (`{ seed: '000_….txt', lines: '2858-2860' }`) as 《title》 and place, e.g.
 * 《台儿庄区“十三五”脱贫攻坚规划》专栏20 第1项. An unknown file or line gives 政策文件 (never the file name).
 */
export function sourceText(source: { seed: string; lines: string } | undefined): string {
  if (!source) return '—';
  const seed = source.seed.slice(0, 3);
  const line = firstLine(source.lines);
  const document = line === undefined ? undefined : DOCUMENTS[seed]?.find((d) => line >= d.from && line <= d.to);
  if (!document || line === undefined) return '政策文件';
  const place = PLACES[seed]?.[String(line)];
  const where = place ? placeText(place) : '';
  return `《${document.title}》${where}`;
}
