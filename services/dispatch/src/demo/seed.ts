import { systemClock, tableName, UnitOfWork, ulidGenerator } from '@jingzhun/platform';
import { addDays } from '@jingzhun/types';
import { runJob } from '../app/jobs.js';
import type { FilingRecord } from '../domain/filings.js';
import { jobDef } from '../domain/jobs.js';
import { effectiveDue, type FilingForm, obligationOf } from '../domain/obligations.js';
import { DEMO_DISTRICT, DEMO_TOWNS } from '../domain/targets-data.js';
import { filingOf, saveFiling } from '../store/filings.js';
import { filingKeys } from '../store/keys.js';
import { dispatchTable } from '../store/table.js';

/**
 * Demo month for `npm start` (演示): October 2019 in 台儿庄区, inside the window of the seed 000
 * targets (2016–2020), so the report shows progress bands rather than only met / missed. Some
 * units file on time, some late, some not at all; September is filed too, for the trend. The
 * figures are fictional. Idempotent: an existing filing is left alone, reports are rebuilt only
 * when their data changed.
 */
interface DemoFiling {
  form: FilingForm;
  period: string;
  filer: string;
  /** Days after the effective deadline the unit filed (negative: before it). */
  offset: number;
  figures: Record<string, number>;
}

const [zhangshanzi, jiantouji, yunhe, , , nigou] = DEMO_TOWNS.map((t) => `town:${t.code}`) as [string, string, string, string, string, string];
const progress = (values: number[]) => Object.fromEntries(DEMO_TOWNS.map((t, i) => [`rate.progress.${t.code}`, values[i] ?? 0]));

export const DEMO_FILINGS: readonly DemoFiling[] = [
  // September (for the trend): filed on 2019-10-08, on time because the 5th fell in the National Day holiday.
  { form: 'monthly', period: '2019-09', filer: 'dept:renshe', offset: 0, figures: { 'rate.pension': 78, 'rate.medical': 99 } },
  { form: 'monthly', period: '2019-09', filer: 'dept:jiaotong', offset: 0, figures: { 'rate.road': 99.5, 'rate.bus': 88 } },
  { form: 'monthly', period: '2019-09', filer: 'dept:shuiwu', offset: 0, figures: { 'rate.water': 98.6 } },
  // October: the 月调度 figures.
  { form: 'monthly', period: '2019-10', filer: 'dept:renshe', offset: -2, figures: { 'rate.pension': 81, 'rate.medical': 99.6 } },
  { form: 'monthly', period: '2019-10', filer: 'dept:jiaotong', offset: -1, figures: { 'rate.road': 99.6, 'rate.bus': 90 } },
  { form: 'monthly', period: '2019-10', filer: 'dept:shuiwu', offset: 0, figures: { 'rate.water': 98.2 } },
  { form: 'monthly', period: '2019-10', filer: 'dept:zhujian', offset: -1, figures: { 'housing.completed': 376 } },
  { form: 'monthly', period: '2019-10', filer: 'dept:minzheng', offset: -3, figures: { 'dibao.households': 2150 } },
  { form: 'monthly', period: '2019-10', filer: 'dept:caizheng', offset: 2, figures: { 'funds.spent.fen': 1_250_000_00 } },
  { form: 'monthly', period: '2019-10', filer: 'dept:gongan', offset: 4, figures: { 'hukou.checked': 320 } },
  { form: 'monthly', period: '2019-10', filer: jiantouji, offset: -2, figures: { 'housing.step.ACCEPTED': 3, 'housing.completed': 12 } },
  { form: 'monthly', period: '2019-10', filer: nigou, offset: 3, figures: { 'housing.step.IN_CONSTRUCTION': 2, 'housing.completed': 8 } },
  { form: 'monthly', period: '2019-10', filer: zhangshanzi, offset: 0, figures: { 'housing.completed': 10 } },
  { form: 'monthly', period: '2019-10', filer: yunhe, offset: 6, figures: { 'housing.completed': 1 } },
  // pizhuang and malantun do not file (overdue); neither do 残联, 教育局, 扶贫办.
  { form: 'sector-progress', period: '2019-10', filer: 'dept:fagai', offset: -1, figures: { 'projects.started': 12 } },
  { form: 'sector-progress', period: '2019-10', filer: 'dept:nongye', offset: 5, figures: { 'projects.started': 30 } },
  { form: 'transport-dekad', period: '2019-10-D1', filer: 'dept:jiaotong', offset: 0, figures: progress([60, 55, 70, 40, 35, 50]) },
  { form: 'transport-dekad', period: '2019-10-D2', filer: 'dept:jiaotong', offset: 2, figures: progress([68, 61, 75, 44, 40, 58]) },
  { form: 'transport-dekad', period: '2019-10-D3', filer: 'dept:jiaotong', offset: -1, figures: progress([75, 66, 80, 52, 41, 66]) },
  { form: 'water-half-month', period: '2019-10-H1', filer: 'dept:shuiwu', offset: -1, figures: progress([82, 90, 100, 70, 64, 77]) },
  { form: 'dibao-lists', period: '2019-Q4', filer: 'dept:minzheng', offset: 3, figures: { 'dibao.listed': 2150 } },
  { form: 'poverty-day', period: '2019', filer: 'dept:fupin', offset: -2, figures: { 'events.held': 14 } },
];

function recordOf(filing: DemoFiling): FilingRecord {
  const obligation = obligationOf(filing.form);
  const due = effectiveDue(obligation, filing.period);
  const filedOn = addDays(due, filing.offset);
  const daysLate = Math.max(0, filing.offset);
  return {
    jurisdiction: DEMO_DISTRICT,
    period: filing.period,
    form: filing.form,
    filer: filing.filer,
    figures: filing.figures,
    filedAt: `${filedOn}T02:00:00.000Z`,
    filedOn,
    due,
    late: daysLate > 0,
    daysLate,
    corrections: 0,
  };
}

export async function seedDemo(): Promise<{ filings: number; reports: string[] }> {
  const ports = { clock: systemClock, ids: ulidGenerator };
  let filings = 0;
  for (const filing of DEMO_FILINGS) {
    if (await filingOf(DEMO_DISTRICT, filing.period, filing.form, filing.filer)) continue;
    const uow = new UnitOfWork({ table: tableName(dispatchTable), service: 'dispatch', ...ports, actor: { sub: 'demo', role: 'system' } });
    const record = recordOf(filing);
    saveFiling(uow, record, undefined, new Error('demo filing exists'));
    // As a filing through the route is (handlers/filings.ts): the demo's filings are audited too.
    uow.audit({ subject: filingKeys.subject(record.jurisdiction, record.period, `${record.form}#${record.filer}`), action: 'filing.filed', after: record.figures });
    await uow.commit();
    filings++;
  }
  const reports: string[] = [];
  // October only: the trend reads September's filings, not its report.
  for (const period of ['2019-10']) {
    const build = jobDef('monthly-dispatch-build');
    if (!build) throw new Error('no build job');
    const [run] = await runJob(build, { period, region: DEMO_DISTRICT, trigger: 'on-demand', requestedBy: 'demo', at: systemClock.now() }, ports);
    reports.push(`${period}: ${run?.counts.reports ?? 0}`);
  }
  const bulletins = jobDef('sector-bulletins');
  if (bulletins) await runJob(bulletins, { period: '2019-10', region: DEMO_DISTRICT, trigger: 'on-demand', requestedBy: 'demo', at: systemClock.now() }, ports);
  return { filings, reports };
}
