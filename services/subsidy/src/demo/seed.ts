import { systemClock, ulidGenerator } from '@jingzhun/platform';
import { parameterKeys } from '../store/keys.js';
import { currentParameters } from '../store/parameters.js';
import { unitOfWork } from '../store/unit-of-work.js';

/**
 * Demo parameters for 台儿庄 (演示: the seeds leave these to the county; values are illustrative):
 * rural 低保 standard 300 元/月, tariff 0.55 元/kWh, a village filial-piety fund paying 20 元/月.
 * Households come from identification's events. Idempotent: only sets version 1 once.
 */
export const DEMO_PARAMETERS = {
  dibaoMonthlyStandard: 30_000,
  electricityTariff: 55,
  villageHasFilialFund: true,
  villageSetAmount: 2_000,
};

export async function seedDemo(): Promise<{ parameters: number }> {
  const { item } = await currentParameters('taierzhuang');
  if (item) return { parameters: item.version };
  const uow = unitOfWork({ clock: systemClock, ids: ulidGenerator, actor: { sub: 'demo', role: 'system', name: '演示数据' } });
  uow.create({
    ...parameterKeys.current('taierzhuang'),
    entity: 'parameters',
    jurisdiction: 'taierzhuang',
    values: DEMO_PARAMETERS,
    updatedBy: 'demo',
  });
  uow.create({
    ...parameterKeys.version('taierzhuang', 1),
    entity: 'parameters-version',
    jurisdiction: 'taierzhuang',
    values: DEMO_PARAMETERS,
    reason: '演示参数',
    by: 'demo',
  });
  uow.audit({
    subject: 'PARAMS#taierzhuang',
    action: 'parameters.set',
    after: DEMO_PARAMETERS,
    reason: '演示参数',
  });
  await uow.commit();
  return { parameters: 1 };
}
