// Generates src/source-places.json: for every line the policy catalog cites (items, standards,
// unquantified policies), where it stands in its document — the 专栏 (box) or chapter and section,
// and the numbered item — read from the documents themselves (../shared/seeds). The console shows
// a source as the document's title, section and item (sources.ts); the seeds are not shipped.
// Run: node packages/web/scripts/source-places.mjs <path to shared/> (default ../shared from the repo root).
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '../../..');
const shared = resolve(process.argv[2] ?? join(root, '../shared'));
// The catalog the subsidy service ships (its source references are the ones the API returns).
const catalog = JSON.parse(readFileSync(join(root, 'services/subsidy/src/catalog/policy-catalog.json'), 'utf8'));

const NUMERALS = '一二三四五六七八九十';
/** 一 → 1 … 十九 → 19 (headings of these documents stay below 100). */
function numeral(text) {
  if (/^\d+$/.test(text)) return Number(text);
  let value = 0;
  const tens = text.indexOf('十');
  if (tens < 0) return NUMERALS.indexOf(text) + 1;
  value += tens === 0 ? 10 : (NUMERALS.indexOf(text[0]) + 1) * 10;
  const rest = text.slice(tens + 1);
  return rest ? value + NUMERALS.indexOf(rest) + 1 : value;
}

const CHAPTER = /^\s*(第[一二三四五六七八九十]+章)/;
const SECTION = /^\s*(第[一二三四五六七八九十]+节)/;
const BOX = /^\s*专栏\s*(\d+)/;
const PART = /^\s*([一二三四五六七八九十]+)、/;
const ITEM = /^\s*(?:(\d+)\s*[.．、]|[（(](\d+|[一二三四五六七八九十]+)[)）])/;

/** The heading state at every line of a document (1-based line numbers). */
function placesOf(text) {
  const lines = text.split('\n');
  const at = [undefined];
  let state = {};
  for (const line of lines) {
    const chapter = CHAPTER.exec(line);
    const section = SECTION.exec(line);
    const box = BOX.exec(line);
    const part = PART.exec(line);
    const item = ITEM.exec(line);
    if (chapter) state = { chapter: chapter[1] };
    else if (section) state = { chapter: state.chapter, section: section[1] };
    else if (box) state = { chapter: state.chapter, section: state.section, box: Number(box[1]) };
    else if (part) state = { chapter: state.chapter, section: state.section, part: numeral(part[1]) };
    else if (item) state = { ...state, item: numeral(item[1] ?? item[2]) };
    at.push(state);
  }
  return at;
}

/** Seed 004's units (市民政局 …) by line range, from its inventory table. */
function unitsOf004() {
  const rules = readFileSync(join(shared, 'domain/seed-004-rules.md'), 'utf8');
  const units = [];
  for (const row of rules.split('\n')) {
    const m = /^\|\s*\d+\s*\|\s*([^|]+?)\s*\|[^|]*\|[^|]*\|\s*(\d+)[–-](\d+)\s*\|/.exec(row);
    if (m) units.push({ name: `济宁${m[1]}`, from: Number(m[2]), to: Number(m[3]) });
  }
  return units;
}

const cited = new Map();
const cite = (source) => {
  if (!source?.seed || !source.lines) return;
  const seed = source.seed.slice(0, 3);
  const line = Number(String(source.lines).split(/[-–,]/)[0]);
  if (Number.isFinite(line)) (cited.get(seed) ?? cited.set(seed, new Set()).get(seed)).add(line);
};
for (const list of [catalog.items, catalog.standards, catalog.unquantified]) for (const entry of list ?? []) cite(entry.source);

const files = readdirSync(join(shared, 'seeds'));
const units = unitsOf004();
const out = {};
for (const [seed, lines] of [...cited].sort()) {
  const file = files.find((f) => f.startsWith(`${seed}_`));
  const places = placesOf(readFileSync(join(shared, 'seeds', file), 'utf8'));
  out[seed] = {};
  for (const line of [...lines].sort((a, b) => a - b)) {
    const p = places[line] ?? {};
    const unit = seed === '004' ? units.find((u) => line >= u.from && line <= u.to)?.name : undefined;
    out[seed][line] = {
      ...(unit ? { unit } : {}),
      ...(p.box !== undefined ? { box: p.box } : {}),
      ...(p.box === undefined && p.chapter ? { chapter: p.chapter } : {}),
      ...(p.box === undefined && p.section ? { section: p.section } : {}),
      ...(p.part !== undefined ? { part: p.part } : {}),
      ...(p.item !== undefined ? { item: p.item } : {}),
    };
  }
}
writeFileSync(join(root, 'packages/web/src/source-places.json'), `${JSON.stringify(out, null, 1)}\n`);
console.log(
  Object.entries(out)
    .map(([s, l]) => `${s}: ${Object.keys(l).length} lines`)
    .join(', '),
);
