import type { Actor, Clock, IdGenerator } from '@jingzhun/platform';
import { httpHandler, readUpload, tableName, UnitOfWork } from '@jingzhun/platform';
import { addDays, DomainError, dispatchApi, type StaffClaims, shanghaiDate } from '@jingzhun/types';
import { assertPeriodOf } from '../domain/cycles.js';
import { decideFiling, Figures, type FilingForm, type FilingRecord, filerOf, lateness, validateFigures } from '../domain/filings.js';
import { assertFilingWindow, mayFile, obligationOf } from '../domain/obligations.js';
import { instancesDue, overdueByOwner, periodsOf, statusesIn } from '../domain/overdue.js';
import { assertClosedPeriod } from '../domain/periods.js';
import { districtOf, expectedFilers, FILER_NAMES } from '../domain/targets-data.js';
import { filingOf, filingsOf, saveFiling } from '../store/filings.js';
import { filingKeys } from '../store/keys.js';
import { dispatchTable } from '../store/table.js';

interface FileInput {
  period: string;
  form: FilingForm;
  figures: Record<string, number>;
  correction?: { reason: string } | undefined;
}

/** Files (or corrects) a unit's figures for a closed month; late is accepted and flagged. */
async function file(input: FileInput, claims: StaffClaims, ports: { clock: Clock; ids: IdGenerator; actor: Actor }) {
  const now = ports.clock.now();
  const obligation = obligationOf(input.form);
  assertPeriodOf(obligation.cycle, input.period, `「${obligation.name}」`);
  if (obligation.cycle === 'month') assertClosedPeriod(input.period, now);
  // Not yet open, or closed long ago (workflows.md §6 deadlines + FILING_GRACE_DAYS): 422, nothing written.
  assertFilingWindow(obligation, input.period, shanghaiDate(now));
  const figures = Figures.parse(input.figures);
  validateFigures(input.form, figures);
  const { filer, jurisdiction } = filerOf(claims);
  if (!mayFile(obligation, filer)) {
    const owners = obligation.owners.map((o) => (o === 'towns' ? '各镇（街）' : (FILER_NAMES[o] ?? o))).join('、');
    throw new DomainError('FORM_NOT_ALLOWED', `「${obligation.name}」由${owners}报送`, 403, { form: input.form });
  }
  const existing = await filingOf(jurisdiction, input.period, input.form, filer);
  decideFiling(existing, input.correction?.reason);
  const filedOn = shanghaiDate(now);
  const record: FilingRecord = {
    jurisdiction,
    period: input.period,
    form: input.form,
    filer,
    figures,
    filedAt: now.toISOString(),
    filedOn,
    // A correction keeps the original filing date for lateness: the report lists when the unit first filed.
    ...(existing ? { due: existing.due, late: existing.late, daysLate: existing.daysLate } : lateness(input.form, input.period, filedOn)),
    corrections: existing ? existing.corrections + 1 : 0,
    ...(input.correction ? { reason: input.correction.reason } : {}),
  };
  if (existing) record.filedOn = existing.filedOn;
  const uow = new UnitOfWork({ table: tableName(dispatchTable), service: 'dispatch', clock: ports.clock, ids: ports.ids, actor: ports.actor });
  const duplicate = new DomainError('FILING_DUPLICATE', '本期已填报，如需更正请注明更正原因', 409);
  const version = saveFiling(uow, record, existing, duplicate);
  uow.audit({
    subject: filingKeys.subject(jurisdiction, input.period, `${input.form}#${filer}`),
    action: existing ? 'filing.corrected' : record.late ? 'filing.filed-late' : 'filing.filed',
    before: existing?.figures,
    after: figures,
    ...(input.correction ? { reason: input.correction.reason } : {}),
  });
  await uow.commit();
  return { ...record, version };
}

export const fileFigures = httpHandler(dispatchApi.fileFigures, async ({ body, staff, clock, ids, actor }) => file(body, staff(), { clock, ids, actor }));

/** An XLSX or CSV upload: rows of (figure key, value); a header row and blank rows are skipped. */
export const uploadFiling = httpHandler(dispatchApi.uploadFiling, async ({ body, staff, clock, ids, actor }) => {
  // An unreadable or oversized file is a 400 / 413 from readUpload itself (BadSpreadsheetError).
  const rows = readUpload(body.format, body.contentBase64);
  const figures: Record<string, number> = {};
  rows.forEach((row, index) => {
    const key = (row[0] ?? '').trim();
    const text = (row[1] ?? '').trim();
    if (key === '' && text === '') return;
    if (index === 0 && !/^-?\d/.test(text)) return; // header
    const value = Number(text);
    if (text === '' || !Number.isFinite(value)) throw new DomainError('UPLOAD_VALUE_INVALID', `第 ${index + 1} 行「${key}」的数值「${text}」不是数字`, 400, { row: index + 1 });
    if (key in figures) throw new DomainError('UPLOAD_KEY_REPEATED', `第 ${index + 1} 行指标「${key}」重复`, 400, { row: index + 1 });
    figures[key] = value;
  });
  return file({ period: body.period, form: body.form, figures, correction: body.correction }, staff(), { clock, ids, actor });
});

export const listFilings = httpHandler(dispatchApi.listFilings, async ({ query, assertInScope }) => {
  assertInScope(query.jurisdiction);
  const items = await filingsOf(query.jurisdiction, query.period);
  const district = districtOf(query.jurisdiction);
  const filed = new Set(items.filter((f) => f.form === 'monthly').map((f) => f.filer));
  return {
    items: items.sort((a, b) => (`${a.form}#${a.filer}` < `${b.form}#${b.filer}` ? -1 : 1)),
    missing: district ? expectedFilers(district).filter((f) => !filed.has(f)) : [],
    late: items
      .filter((f) => f.late)
      .map((f) => f.filer)
      .sort(),
  };
});

/** The overdue list per owner (workflows.md §6: the document's deadline, shifted past rest days), over the last year. */
export const listOverdue = httpHandler(dispatchApi.listOverdue, async ({ query, assertInScope, clock }) => {
  assertInScope(query.jurisdiction);
  const asOf = query.asOf ?? shanghaiDate(clock.now());
  const district = districtOf(query.jurisdiction) ?? { towns: [], departments: [] };
  const instances = instancesDue(addDays(asOf, -366), asOf);
  const filings: FilingRecord[] = [];
  for (const period of periodsOf(instances)) filings.push(...(await filingsOf(query.jurisdiction, period)));
  return { jurisdiction: query.jurisdiction, asOf, owners: overdueByOwner(statusesIn(instances, district, filings, asOf, FILER_NAMES)) };
});
