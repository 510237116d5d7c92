import { jobHandler, UnitOfWork } from '@jingzhun/platform';
import { DomainError, shanghaiDate, supervisionEvents } from '@jingzhun/types';
import { districtCoverage } from '../app/coverage.js';
import { coverageKeys } from '../store/keys.js';
import { listDistricts, table } from '../store/repo.js';

/**
 * daily-coverage (000 L3081–3083; 004 ID-17 L63, L74): for every district with supervision data,
 * checks that each key village has a first secretary and a team and each poor household a helper,
 * lists the overdue yearly tasks and rectification items, stores the day's report and tells
 * dispatch (`supervision.coverage.checked`). Idempotent per district and day.
 */
export const dailyCoverage = jobHandler(async (_input, ctx) => {
  const on = shanghaiDate(ctx.scheduledTime);
  const districts = await listDistricts();
  let reported = 0;
  for (const { district } of districts) {
    const report = await districtCoverage(district, on);
    const towns = new Map<
      string,
      { town: string; keyVillages: number; uncoveredVillages: number; poorHouseholds: number; withoutHelper: number; overdueTasks: number; overdueFindings: number }
    >();
    const town = (code: string) => {
      const key = `${code.slice(0, 9)}000`;
      const row = towns.get(key) ?? { town: key, keyVillages: 0, uncoveredVillages: 0, poorHouseholds: 0, withoutHelper: 0, overdueTasks: 0, overdueFindings: 0 };
      towns.set(key, row);
      return row;
    };
    for (const code of report.keyVillageCodes) town(code).keyVillages++;
    for (const code of report.poorHouseholdVillages) town(code).poorHouseholds++;
    for (const gap of report.gaps) town(gap.village).uncoveredVillages++;
    for (const h of report.withoutHelper) town(h.village).withoutHelper++;
    let districtOverdueTasks = 0;
    let districtOverdueFindings = 0;
    for (const o of report.overdue) {
      if (o.region.slice(6, 9) === '000') {
        if (o.kind === 'task') districtOverdueTasks++;
        else districtOverdueFindings++;
      } else if (o.kind === 'task') town(o.region).overdueTasks++;
      else town(o.region).overdueFindings++;
    }
    const uow = new UnitOfWork({ table: table(), service: 'supervision', clock: ctx.clock, ids: ctx.ids, actor: { sub: 'job:daily-coverage', role: 'system' } });
    const { keyVillageCodes: _k, poorHouseholdVillages: _p, ...stored } = report;
    uow.create({ ...coverageKeys.item(district, on), entity: 'coverage', ...stored }, new DomainError('ALREADY_CHECKED', 'coverage of the day exists', 409));
    uow.audit({
      subject: `COVERAGE#${district}`,
      action: 'coverage.checked',
      after: { on, keyVillages: report.keyVillages, covered: report.covered, withoutHelper: report.withoutHelper.length, overdue: report.overdue.length },
    });
    uow.emit(supervisionEvents.coverageChecked, `COVERAGE#${district}`, {
      district,
      on,
      towns: [...towns.values()].sort((a, b) => a.town.localeCompare(b.town)),
      districtOverdueTasks,
      districtOverdueFindings,
      overdue: report.overdue,
    });
    try {
      await uow.commit();
      reported++;
    } catch (error) {
      if (!(error instanceof DomainError && error.code === 'ALREADY_CHECKED')) throw error;
    }
  }
  return { on, districts: districts.length, reported };
});
