import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { idCheckCharacter } from '../src/id-number.js';
import { findHealthDetail, findPersonalData, findPersonalNumber } from '../src/personal-data.js';

/** workflows.md §4.3: ID numbers, phones, accounts and health details never reach a public view. */
const digit = fc.constantFrom(...'0123456789');
const digits = (n: number) => fc.array(digit, { minLength: n, maxLength: n }).map((d) => d.join(''));
const idNumber = fc
  .tuple(fc.constantFrom('11', '37', '44', '65'), digits(4), fc.integer({ min: 1930, max: 2020 }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 28 }), digits(3))
  .map(([province, area, y, m, d, seq]) => {
    const first17 = `${province}${area}${y}${String(m).padStart(2, '0')}${String(d).padStart(2, '0')}${seq}`;
    return first17 + idCheckCharacter(first17);
  });
const legacyId = fc.tuple(fc.constantFrom('37', '11'), digits(13)).map(([p, rest]) => p + rest);
const phone = fc.tuple(fc.constantFrom('13', '15', '17', '18', '19'), digits(9)).map(([p, rest]) => p + rest);
const account = fc.integer({ min: 16, max: 19 }).chain((n) => fc.tuple(fc.constantFrom('6', '4', '9'), digits(n - 1)).map(([a, b]) => a + b));

const separator = fc.constantFrom(' ', '-', '—', '－', '　', '_', '·', ' - ', '  ');
const toFullWidth = (text: string) => text.replace(/[0-9X]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0));

/** The number split at random places by separators, possibly in full-width digits. */
function disguised(number: fc.Arbitrary<string>) {
  return fc.tuple(number, fc.array(fc.integer({ min: 1, max: 17 }), { maxLength: 5 }), separator, fc.boolean()).map(([value, cuts, sep, wide]) => {
    const positions = [...new Set(cuts.filter((cut) => cut < value.length))].sort((a, b) => a - b);
    let out = '';
    let last = 0;
    for (const position of positions) {
      out += value.slice(last, position) + sep;
      last = position;
    }
    out += value.slice(last);
    return wide ? toFullWidth(out) : out;
  });
}

const han = fc.constantFrom(...'冯庄村一二三四组户主拟退出公示名单家庭人口贫困属性一般低保五保年度资金光伏项目受益分配金额元镇街道办事处村委会扶贫产业道路硬化维修自来水');
const plainText = fc.array(han, { minLength: 0, maxLength: 12 }).map((c) => c.join(''));
const date = fc
  .tuple(fc.integer({ min: 1990, max: 2030 }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 28 }), fc.constantFrom('-', '/', '.', '年'))
  .map(([y, m, d, sep]) => (sep === '年' ? `${y}年${m}月${d}日` : `${y}${sep}${String(m).padStart(2, '0')}${sep}${String(d).padStart(2, '0')}`));
const amount = fc.oneof(
  fc.integer({ min: 0, max: 9_999_999_999 }).map(String),
  fc.integer({ min: 0, max: 99_999_999 }).map((n) => n.toLocaleString('en-US')),
  fc.tuple(fc.integer({ min: 0, max: 9_999_999 }), fc.integer({ min: 0, max: 99 })).map(([a, b]) => `${a}.${String(b).padStart(2, '0')}`),
  fc.integer({ min: 1, max: 12 }).map((n) => `${n}人`),
);
// Not a hyphen: `1990-01-01-100` cannot be told from a split mobile number (199-0010-1100).
const delimiter = fc.constantFrom('，', '。', '：', '（', '）', ' ', '、', '至', '～');
/** Words, dates and amounts with their units, as people write them, separated by punctuation, a space or a word. */
const ordinary = fc
  .array(
    fc.tuple(
      fc.oneof(
        plainText,
        date,
        fc.tuple(amount, fc.constantFrom('元', '万元', '户', '人', '亩')).map(([a, unit]) => a + unit),
      ),
      delimiter,
    ),
    { minLength: 1, maxLength: 12 },
  )
  .map((parts) => parts.map(([part, sep]) => part + sep).join(''));

describe('personal data in public text', () => {
  it('finds any ID number (18 or 15 digits), mobile or account number embedded with separators or in full-width digits', () => {
    for (const [name, number] of [
      ['ID', idNumber],
      ['legacy ID', legacyId],
      ['phone', phone],
      ['account', account],
    ] as const) {
      fc.assert(
        fc.property(plainText, disguised(number), plainText, (before, value, after) => {
          expect(findPersonalNumber(`${before}${value}${after}`), `${name}: ${before}${value}${after}`).toBeDefined();
        }),
        { numRuns: 300 },
      );
    }
  });

  it('finds numbers given as JSON numbers too', () => {
    fc.assert(
      fc.property(phone, (value) => {
        expect(findPersonalData(Number(value), { health: false })?.kind).toBe('phone');
      }),
    );
    expect(findPersonalData(370405500101123, { health: false })?.kind).toBe('id-number');
  });

  it('names the kind: ID with its X, phone, account', () => {
    expect(findPersonalNumber('户主身份证37040519620202432X')?.kind).toBe('id-number');
    expect(findPersonalNumber('370405 19620202 432x')?.kind).toBe('id-number');
    expect(findPersonalNumber('联系电话：138-0000-1234')?.kind).toBe('phone');
    expect(findPersonalNumber('+86 138 0000 1234')?.kind).toBe('phone');
    expect(findPersonalNumber('一卡通 6228 4801 2345 6789 012')?.kind).toBe('account');
  });

  it('does not refuse ordinary Chinese text with dates and amounts', () => {
    fc.assert(
      fc.property(ordinary, (text) => {
        expect(findPersonalData(text, { health: true }), text).toBeUndefined();
      }),
      { numRuns: 1000 },
    );
    for (const text of ['公示期 2018-10-25 2018-10-31', '2018-10-25 3500元', '资金 1,234,567.89 元', '监督电话 0632-12317', '文号：枣财农〔2018〕12号', '2019年度户均增收3500元']) {
      expect(findPersonalData(text, { health: true }), text).toBeUndefined();
    }
  });

  it('finds health details on lists of persons, and only there', () => {
    for (const text of ['因病（尿毒症）', '因残', '患白血病', '肢体残疾二级', '长期透析']) expect(findHealthDetail(text), text).toBeDefined();
    expect(findPersonalData('因病（尿毒症）', { health: true })?.kind).toBe('health');
    expect(findPersonalData('残疾人两项补贴', { health: false })).toBeUndefined();
  });
});
