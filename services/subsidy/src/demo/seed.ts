import { systemClock, ulidGenerator } from '@jingzhun/platform';
import { currentCatalog } from '../catalog/index.js';
import { decimalYuanToFen } from '../domain/rational.js';
import { parameterKeys } from '../store/keys.js';
import { currentParameters } from '../store/parameters.js';
import { unitOfWork } from '../store/unit-of-work.js';

/**
 * 台儿庄's monthly rural 低保 standard from the documents: 3,900 元/人•年 (seed 000 SUB-46 L2780 专栏19,
 * 专栏20 item 5 L2874; catalog standard `tez-rural-dibao-2017`), i.e. 325 元/月 (3,900 / 12, exact in fen).
 */
export function taierzhuangDibaoMonthlyFen(): number {
  const standard = currentCatalog().catalog.standards.find((s) => s.id === 'tez-rural-dibao-2017');
  const yearly = standard?.amountYuanPerPersonYear;
  const yearlyFen = typeof yearly === 'number' ? decimalYuanToFen(yearly) : undefined;
  if (yearlyFen === undefined || yearlyFen % 12 !== 0) throw new Error('tez-rural-dibao-2017: no annual standard divisible into whole fen per month');
  return yearlyFen / 12;
}

/**
 * Demo parameters for 台儿庄. The 低保 standard is the documents' (325 元/月, above); the tariff
 * 0.55 元/kWh and a village filial-piety fund paying 20 元/月 are illustrative (演示: the seeds leave
 * them to the county). Households come from identification's events. Idempotent: only sets version 1 once.
 */
export const DEMO_PARAMETERS = {
  dibaoMonthlyStandard: taierzhuangDibaoMonthlyFen(),
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
    reason: '演示参数（低保标准 3900 元/年÷12，seed 000 L2780、L2874）',
    by: 'demo',
  });
  uow.audit({
    subject: 'PARAMS#taierzhuang',
    action: 'parameters.set',
    after: DEMO_PARAMETERS,
    reason: '演示参数（低保标准 3900 元/年÷12，seed 000 L2780、L2874）',
  });
  await uow.commit();
  return { parameters: 1 };
}
