import { describe, expect, it } from 'vitest';
import { NOTICE_TYPES } from '../../../packages/types/src/events/notices.js';
import { archive, close, entryOutcome, type Notice, type NoticeEntry, newNotice, prepareEntries, publish, validateHeader, visibilityOf, withdraw } from '../src/domain/notice.js';
import { mayPublish, NOTICE_TYPE_RULES } from '../src/domain/notice-types.js';
import { checkObjection, decideObjection, type Objection, objectionDueBy, tallyObjections } from '../src/domain/objections.js';
import { assertNothingPersonal, droppedFields, nameKey, publicFields, toPublicEntry } from '../src/domain/projection.js';

const at = (local: string) => new Date(`${local}+08:00`);
const VILLAGE = '370405103201';

function draft(type: Notice['type'] = 'exit-village-notice', region = VILLAGE): { notice: Notice; entries: NoticeEntry[] } {
  const base = newNotice({ noticeId: 'N0000000001', type, region, title: '冯庄村2018年贫困户拟退出名单公示', createdBy: { sub: 'u', role: 'village' } });
  const entries = prepareEntries(base.noticeId, region, [
    { entryId: 'hh-1', fullName: '张三丰', group: '一组', region: VILLAGE, fields: { householdSize: 3, attribute: '一般贫困户' } },
    { entryId: 'hh-2', fullName: '李四', group: '二组', region: VILLAGE, fields: { householdSize: 2 } },
    { entryId: 'hh-3', fullName: '王五', group: '二组', region: VILLAGE, fields: { householdSize: 4 } },
  ]);
  return { notice: { ...base, entryCount: entries.length }, entries };
}

describe('notice types as data (workflows.md §4.2)', () => {
  it('has a rule for every event-level notice type', () => {
    expect(Object.keys(NOTICE_TYPE_RULES).sort()).toEqual([...NOTICE_TYPES].sort());
  });

  it('seed 000 PN-1 L1044–1050, PN-2 L1058–1062, PN-3 L1083–1085, PN-4 L1093–1099: 7 / 5 / 7 / 5 days', () => {
    expect(NOTICE_TYPE_RULES['exit-village-notice'].days).toBe(7);
    expect(NOTICE_TYPE_RULES['exit-announcement'].days).toBe(5);
    expect(NOTICE_TYPE_RULES['village-exit-notice'].days).toBe(7);
    expect(NOTICE_TYPE_RULES['village-exit-announcement'].days).toBe(5);
    expect(NOTICE_TYPE_RULES['village-exit-announcement'].scope).toBe('county');
  });

  it('fund disclosures are permanent without a window; project disclosures keep their copy after 7 days (workflows.md §4.3)', () => {
    expect(NOTICE_TYPE_RULES['fund-disclosure']).toMatchObject({ days: null, publicCopy: 'permanent', objections: false });
    expect(NOTICE_TYPE_RULES['project-disclosure']).toMatchObject({ days: 7, publicCopy: 'permanent' });
  });

  it('no public content field of any type names personal data (workflows.md §4.3)', () => {
    for (const rule of Object.values(NOTICE_TYPE_RULES)) {
      const personal = /id.?(number|card|no)|身份证|phone|mobile|^tel|电话|手机|account|card|账号|卡号|health|ill|disab|diagnos|病|残|cause|原因|income|收入|birth|出生/i;
      for (const field of rule.contentFields) expect(personal.test(field), `${rule.type}.${field}`).toBe(false);
      expect(rule.source.length).toBeGreaterThan(5);
    }
  });

  it('accepts the field names and regions identification and scoring send', () => {
    expect(validateHeader({ type: 'village-exit-announcement', region: VILLAGE, title: '贫困村退出公告' }).days).toBe(5);
    expect(publicFields('exit-village-notice', { size: 3, attribute: '一般贫困户' })).toEqual({ size: 3, attribute: '一般贫困户' });
    expect(publicFields('village-exit-notice', { year: 2018, incidencePercent: 1.2 })).toEqual({ year: 2018, incidencePercent: 1.2 });
    expect(publicFields('bank-prizes', { prize: '一等奖', total: 96.5, rank: 1 })).toEqual({ prize: '一等奖', total: 96.5, rank: 1 });
  });

  it('lets the publisher role and county staff publish, nobody else', () => {
    expect(mayPublish(NOTICE_TYPE_RULES['exit-village-notice'], 'village')).toBe(true);
    expect(mayPublish(NOTICE_TYPE_RULES['exit-village-notice'], 'county')).toBe(true);
    expect(mayPublish(NOTICE_TYPE_RULES['exit-village-notice'], 'bank')).toBe(false);
    expect(mayPublish(NOTICE_TYPE_RULES['exit-announcement'], 'village')).toBe(false);
  });
});

describe('lifecycle (workflows.md §4.1)', () => {
  it('refuses to publish an empty notice or the same notice twice', () => {
    const { notice } = draft();
    expect(() => publish({ ...notice, entryCount: 0 }, at('2018-10-24T10:00:00'))).toThrow(expect.objectContaining({ code: 'NOTICE_EMPTY', status: 422 }));
    const published = publish(notice, at('2018-10-24T10:00:00'));
    expect(published.window?.end).toBe('2018-10-31');
    expect(() => publish(published, at('2018-10-24T11:00:00'))).toThrow(expect.objectContaining({ code: 'NOTICE_ALREADY_PUBLISHED' }));
  });

  it('checks the region level of the type and the lines against the notice region', () => {
    expect(() => validateHeader({ type: 'exit-village-notice', region: '370405103000', title: 'x' })).toThrow(expect.objectContaining({ code: 'REGION_LEVEL_NOT_ALLOWED' }));
    expect(() => validateHeader({ type: 'exit-village-notice', region: VILLAGE, title: ' ' })).toThrow(expect.objectContaining({ code: 'TITLE_INVALID' }));
    expect(() => prepareEntries('N1', VILLAGE, [{ entryId: 'a', fullName: '甲', region: '370405103202', fields: {} }])).toThrow(
      expect.objectContaining({ code: 'ENTRY_OUT_OF_REGION' }),
    );
    expect(() =>
      prepareEntries('N1', VILLAGE, [
        { entryId: 'a', fullName: '甲乙', region: VILLAGE, fields: {} },
        { entryId: 'a', fullName: '丙丁', region: VILLAGE, fields: {} },
      ]),
    ).toThrow(expect.objectContaining({ code: 'DUPLICATE_ENTRY' }));
    expect(() => prepareEntries('N1', VILLAGE, [{ entryId: 'a', fullName: '甲\u0007乙', region: VILLAGE, fields: {} }])).toThrow(expect.objectContaining({ code: 'TEXT_INVALID' }));
  });

  it('closes only after 24:00 of the last day, with clear / held / upheld per line (rule 5)', () => {
    const { notice, entries } = draft();
    const published = publish(notice, at('2018-10-24T10:00:00'));
    expect(() => close(published, entries, at('2018-10-31T23:00:00'))).toThrow(expect.objectContaining({ code: 'WINDOW_NOT_EXPIRED' }));
    const marked = [
      { ...entries[0]!, objections: { open: 1, upheld: 0, rejected: 0 } },
      { ...entries[1]!, objections: { open: 0, upheld: 1, rejected: 0 } },
      { ...entries[2]!, objections: { open: 0, upheld: 0, rejected: 2 } },
    ];
    const { notice: closed, outcomes } = close(published, marked, at('2018-11-01T00:05:00'));
    expect(outcomes.map((o) => o.outcome)).toEqual(['held', 'upheld', 'clear']);
    expect(closed).toMatchObject({ status: 'closed', heldEntries: [1], outcomeCounts: { clear: 1, held: 1, upheld: 1 } });
    expect(() => close(closed, marked, at('2018-11-02T00:05:00'))).toThrow(expect.objectContaining({ code: 'WINDOW_NOT_EXPIRED' }));
  });

  it('withdraws with a reason, archives after close, and hides the online copy except permanent disclosures', () => {
    const { notice } = draft();
    const published = publish(notice, at('2018-10-24T10:00:00'));
    expect(visibilityOf(published)).toBe('open');
    expect(() => withdraw(published, '  ', at('2018-10-25T10:00:00'))).toThrow(expect.objectContaining({ code: 'REASON_REQUIRED' }));
    const withdrawn = withdraw(published, '名单有误，重新公示', at('2018-10-25T10:00:00'));
    expect(visibilityOf(withdrawn)).toBe('hidden');
    expect(() => archive(published, at('2018-10-25T10:00:00'))).toThrow(expect.objectContaining({ code: 'NOTICE_CANNOT_ARCHIVE' }));
    expect(archive(withdrawn, at('2018-10-26T10:00:00')).status).toBe('archived');

    const fund = publish(
      { ...newNotice({ noticeId: 'N2', type: 'fund-disclosure', region: '370405000000', title: '资金', createdBy: { sub: 'u', role: 'county' } }), entryCount: 1 },
      at('2018-10-24T10:00:00'),
    );
    expect(fund.window).toBeUndefined();
    expect(visibilityOf(fund)).toBe('permanent');
    const project = publish(
      { ...newNotice({ noticeId: 'N3', type: 'project-disclosure', region: '370405103000', title: '项目', createdBy: { sub: 'u', role: 'town' } }), entryCount: 1 },
      at('2018-10-24T10:00:00'),
    );
    const closedProject = close(project, [], at('2018-11-01T00:05:00')).notice;
    expect(visibilityOf(closedProject)).toBe('permanent');
    expect(visibilityOf(close(published, [], at('2018-11-01T00:05:00')).notice)).toBe('hidden');
  });
});

/** A line and its notice as read after one more open objection was lodged against the line (counts are derived). */
function countLodged(notice: Notice, entry: NoticeEntry): { notice: Notice; entry: NoticeEntry } {
  return {
    notice: { ...notice, objections: { ...notice.objections, open: notice.objections.open + 1 } },
    entry: { ...entry, objections: { ...entry.objections, open: entry.objections.open + 1 } },
  };
}

describe('objections (workflows.md §4.1 rules 1–5)', () => {
  it('counts each line and the notice from the objection items', () => {
    const tally = tallyObjections([
      { entryNo: 1, status: 'open' },
      { entryNo: 1, status: 'upheld' },
      { entryNo: 3, status: 'rejected' },
      { entryNo: 1, status: 'open' },
    ]);
    expect(tally.notice).toEqual({ open: 2, upheld: 1, rejected: 1 });
    expect(tally.byEntry.get(1)).toEqual({ open: 2, upheld: 1, rejected: 0 });
    expect(tally.byEntry.get(3)).toEqual({ open: 0, upheld: 0, rejected: 1 });
    expect(tally.byEntry.get(2)).toBeUndefined();
  });

  const published = () => {
    const { notice, entries } = draft();
    return { notice: publish(notice, at('2018-10-24T10:00:00')), entries };
  };

  it('accepts an objection during the window and refuses one after 24:00 of the last day', () => {
    const { notice, entries } = published();
    expect(checkObjection(notice, entries[0], 1, { reason: '家中仍有病人', contact: '13800001234' }, at('2018-10-31T23:00:00')).reason).toBe('家中仍有病人');
    expect(() => checkObjection(notice, entries[0], 1, { reason: 'x' }, at('2018-11-01T00:00:00'))).toThrow(expect.objectContaining({ code: 'WINDOW_CLOSED' }));
  });

  it('refuses a line that is not in the notice, a draft, a disclosure, empty or oversized text', () => {
    const { notice, entries } = published();
    const now = at('2018-10-26T10:00:00');
    expect(() => checkObjection(notice, undefined, 9, { reason: 'x' }, now)).toThrow(expect.objectContaining({ code: 'ENTRY_NOT_IN_NOTICE', status: 404 }));
    expect(() => checkObjection({ ...notice, status: 'draft' }, entries[0], 1, { reason: 'x' }, now)).toThrow(expect.objectContaining({ code: 'NOTICE_NOT_OPEN' }));
    expect(() => checkObjection({ ...notice, status: 'closed' }, entries[0], 1, { reason: 'x' }, now)).toThrow(expect.objectContaining({ code: 'WINDOW_CLOSED' }));
    expect(() => checkObjection({ ...notice, type: 'fund-disclosure' }, entries[0], 1, { reason: 'x' }, now)).toThrow(expect.objectContaining({ code: 'OBJECTIONS_NOT_ACCEPTED' }));
    expect(() => checkObjection(notice, entries[0], 1, { reason: '   ' }, now)).toThrow(expect.objectContaining({ code: 'OBJECTION_REASON_REQUIRED' }));
    expect(() => checkObjection(notice, entries[0], 1, { reason: '长'.repeat(1001) }, now)).toThrow(expect.objectContaining({ code: 'TEXT_TOO_LONG' }));
    expect(() => checkObjection(notice, entries[0], 1, { reason: 'x', contact: 'call me maybe' }, now)).toThrow(expect.objectContaining({ code: 'CONTACT_INVALID' }));
    // Script-bearing text is accepted and stored as typed; it is escaped where shown.
    expect(checkObjection(notice, entries[0], 1, { reason: '<script>alert(1)</script>' }, now).reason).toBe('<script>alert(1)</script>');
  });

  it('a HELD line reports its outcome only when its last open objection is decided after close', () => {
    const { notice, entries } = published();
    let state = { notice, entry: entries[0]! };
    state = countLodged(state.notice, state.entry);
    state = countLodged(state.notice, state.entry);
    const { notice: closed } = close(state.notice, [state.entry, entries[1]!, entries[2]!], at('2018-11-01T00:05:00'));
    expect(closed.heldEntries).toEqual([1]);
    const objection = (id: string): Objection => ({
      noticeId: notice.noticeId,
      objectionId: id,
      entryNo: 1,
      entryId: 'hh-1',
      reason: 'x',
      channel: 'online',
      lodgedAt: '2018-10-26T02:00:00.000Z',
      status: 'open',
      investigation: [],
    });
    const first = decideObjection(closed, state.entry, objection('O1'), 'rejected', '经核实收入达标', '镇干部', at('2018-11-02T10:00:00'));
    expect(first.heldOutcome).toBeUndefined();
    const second = decideObjection(first.notice, first.entry, objection('O2'), 'upheld', '核实有误', '镇干部', at('2018-11-02T11:00:00'));
    expect(second.heldOutcome).toBe('upheld');
    expect(second.objection.decidedAfterClose).toBe(true);
    expect(entryOutcome(second.entry)).toBe('upheld');
    expect(() => decideObjection(second.notice, second.entry, second.objection, 'rejected', 'x', 'y', at('2018-11-03T10:00:00'))).toThrow(
      expect.objectContaining({ code: 'OBJECTION_ALREADY_DECIDED' }),
    );
  });

  it('an objection upheld during the window takes the line off the public copy and is carried by the close', () => {
    const { notice, entries } = published();
    const lodged = countLodged(notice, entries[1]!);
    const objection: Objection = {
      noticeId: notice.noticeId,
      objectionId: 'O1',
      entryNo: 2,
      entryId: 'hh-2',
      reason: 'x',
      channel: 'online',
      lodgedAt: '2018-10-26T02:00:00.000Z',
      status: 'open',
      investigation: [],
    };
    const result = decideObjection(lodged.notice, lodged.entry, objection, 'upheld', '属实', '村干部', at('2018-10-27T10:00:00'));
    expect(result.removeFromPublicCopy).toBe(true);
    expect(result.heldOutcome).toBeUndefined();
    expect(() => checkObjection(result.notice, result.entry, 2, { reason: 'again' }, at('2018-10-28T10:00:00'))).toThrow(expect.objectContaining({ code: 'ENTRY_WITHDRAWN' }));
  });

  it('sets the investigation deadline 5 working days on (workflows.md §4.1 rule 2), past holidays', () => {
    expect(objectionDueBy('2018-10-26T02:00:00.000Z')).toBe('2018-11-02'); // Fri → next Fri
    expect(objectionDueBy('2018-09-28T02:00:00.000Z')).toBe('2018-10-10'); // 29 and 30 Sep worked (调休), then 国庆, then 8–10 Oct
  });
});

describe('public projection (workflows.md §4.3)', () => {
  it('masks person names, keeps village and group, and only the type’s public fields', () => {
    const { entries } = draft();
    const entry = { ...entries[0]!, fields: { householdSize: 3, attribute: '一般贫困户', idNumber: '370405198001011234', phone: '13800001234', income: 4200, cause: '因病' } };
    const view = toPublicEntry('exit-village-notice', entry);
    expect(view).toEqual({ noticeId: 'N0000000001', no: 1, name: '张**', group: '一组', village: VILLAGE, fields: { householdSize: 3, attribute: '一般贫困户' } });
    expect(droppedFields('exit-village-notice', entry.fields).sort()).toEqual(['cause', 'idNumber', 'income', 'phone']);
  });

  it('keeps only the type’s public fields (an allow-list)', () => {
    expect(publicFields('dibao-disclosure', { category: 'A类', amountYuan: 380, idNumber: 'x', cause: '因病' })).toEqual({ category: 'A类', amountYuan: 380 });
  });

  it('refuses a publication whose public text holds an ID, phone, account or health detail, naming where (workflows.md §4.3)', () => {
    const { notice, entries } = draft();
    const line = entries[0] as NoticeEntry;
    const refused = (title: string, entry: NoticeEntry) => {
      try {
        assertNothingPersonal({ type: notice.type, title }, [entry]);
        return undefined;
      } catch (error) {
        return error as { code: string; status: number; details: { field: string; kind: string } };
      }
    };
    expect(refused(notice.title, line)).toBeUndefined();
    expect(refused('冯庄村 138 0000 1234 公示', line)).toMatchObject({ code: 'PERSONAL_DATA_IN_PUBLIC_TEXT', status: 400, details: { field: 'title', kind: 'phone' } });
    expect(refused(notice.title, { ...line, group: '一组３７０４０５１９５００１０１１２３４' })?.details).toMatchObject({ field: 'group', kind: 'id-number' });
    expect(refused(notice.title, { ...line, regionName: '冯庄村6228-4801-2345-6789' })?.details).toMatchObject({ field: 'regionName', kind: 'account' });
    expect(refused(notice.title, { ...line, fields: { action: '拟退出', attribute: '因病（尿毒症）' } })?.details).toMatchObject({ field: 'fields.attribute', kind: 'health' });
    expect(refused(notice.title, { ...line, fields: { householdSize: 13800001234 } })?.details).toMatchObject({ field: 'fields.householdSize', kind: 'phone' });
    // Fields that do not go public are not shown, so not refused; unit names are shown as they are.
    expect(refused(notice.title, { ...line, fields: { phone: '13800001234' } })).toBeUndefined();
    const unit = { ...line, fullName: '冯庄村 15066667777' };
    expect(() => assertNothingPersonal({ type: 'village-exit-notice', title: '贫困村退出公示' }, [unit])).toThrow(
      expect.objectContaining({ details: expect.objectContaining({ field: 'fullName' }) }),
    );
    // Health words name programmes on unit lists: 残疾人两项补贴 is a fund's purpose, not a person's health.
    expect(() => assertNothingPersonal({ type: 'fund-disclosure', title: '资金公开' }, [{ ...line, fields: { purpose: '残疾人两项补贴' } }])).not.toThrow();
  });

  it('shows unit names (villages, projects, banks) as they are', () => {
    const entry: NoticeEntry = {
      noticeId: 'N',
      no: 1,
      entryId: 'v',
      fullName: '冯庄村',
      region: VILLAGE,
      fields: { povertyIncidence: '1.2%' },
      objections: { open: 0, upheld: 0, rejected: 0 },
    };
    expect(toPublicEntry('village-exit-notice', entry).name).toBe('冯庄村');
  });

  it('keys names for exact search without storing them: same name → same key, spacing ignored, secret matters', () => {
    expect(nameKey('张三丰', 's')).toBe(nameKey(' 张 三丰', 's'));
    expect(nameKey('张三丰', 's')).not.toBe(nameKey('张三', 's'));
    expect(nameKey('张三丰', 's')).not.toBe(nameKey('张三丰', 't'));
    expect(nameKey('张三丰', 's')).toMatch(/^[0-9a-f]{32}$/);
  });
});
