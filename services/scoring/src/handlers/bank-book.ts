import { httpHandler } from '@jingzhun/platform';
import { scoringApi as api } from '@jingzhun/types';
import type * as z from 'zod';
import { loansOfCounty, ratingsOfCounty } from '../store/microcredit.js';
import { bankOf } from './households.js';
import { assertDistrict } from './scope.js';

/**
 * A bank's own book in a district: the ratings it made and the loans it issued, newest first.
 * Only the bank's own (the token's bankId); stored items carry keys, so only the contract's
 * fields go out.
 */
export const listBankRatings = httpHandler(api.listBankRatings, async ({ params, staff, assertInScope }) => {
  assertDistrict(params.district, assertInScope);
  const bankId = bankOf(staff());
  const all = await ratingsOfCounty<z.infer<typeof api.CreditRating> & { region: string }>(params.district);
  const items = all
    .filter((r) => r.bankId === bankId)
    .sort((a, b) => b.ratedOn.localeCompare(a.ratedOn))
    .map((r) => ({ ...api.CreditRating.parse(r), region: r.region }));
  return { items };
});

export const listBankLoans = httpHandler(api.listBankLoans, async ({ params, staff, assertInScope }) => {
  assertDistrict(params.district, assertInScope);
  const bankId = bankOf(staff());
  const all = await loansOfCounty<z.infer<typeof api.Loan>>(params.district);
  const items = all
    .filter((l) => l.bankId === bankId)
    .sort((a, b) => b.issuedOn.localeCompare(a.issuedOn))
    .map((l) => api.Loan.parse(l));
  return { items };
});
