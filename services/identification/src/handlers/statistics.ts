import { httpHandler } from '@jingzhun/platform';
import { identificationApi } from '@jingzhun/types';
import { villageStatistics as compute } from '../domain/statistics.js';
import { allHouseholdsOfVillage } from '../store/households.js';

/** GET /villages/{code}/statistics */
export const villageStatistics = httpHandler(identificationApi.villageStatistics, async ({ params, assertInScope }) => {
  assertInScope(params.code);
  return compute(params.code, await allHouseholdsOfVillage(params.code));
});
