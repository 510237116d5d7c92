import { getItem, httpHandler, queryAll } from '@jingzhun/platform';
import { scoringApi as api, CommonErrors, shanghaiDate } from '@jingzhun/types';
import type * as z from 'zod';
import { ageOn, CREDIT_ITEMS, creditParamsFor, eligibilityIssues, type HouseholdFacts } from '../domain/credit.js';
import { householdKeys } from '../store/keys.js';
import { table } from '../store/repo.js';
import { bankOf } from './households.js';

type CreditRating = z.infer<typeof api.CreditRating>;

/**
 * The bank's view of a household it is asked to rate (docs/security.md): from this service's own
 * eligibility projection, the ages, labour capacity and statuses the rating tests, each member's
 * reasons it cannot be rated today, and this bank's own ratings.
 */
export function ratingFactsOf(household: HouseholdFacts & { region: string }, ratings: readonly CreditRating[], bankId: string, asOf: string): z.infer<typeof api.RatingFacts> {
  // The region's own rules, as the rating itself applies them (households.ts rateHousehold).
  const params = creditParamsFor(household.region);
  return {
    householdId: household.householdId,
    region: household.region,
    status: household.status,
    mainCause: household.mainCause,
    asOf,
    members: household.members.map((m) => ({
      memberId: m.memberId,
      age: ageOn(m.birthDate, asOf),
      laborCapacity: m.laborCapacity,
      status: m.status,
      issues: eligibilityIssues(household, m.memberId, asOf, params),
    })),
    ratings: ratings.filter((r) => r.bankId === bankId),
    scoreItems: CREDIT_ITEMS.map((item) => ({ item, max: params.items[item] })),
  };
}

/** GET /scoring/households/{householdId}/rating-facts */
export const getRatingFacts = httpHandler(api.getRatingFacts, async (ctx) => {
  const bankId = bankOf(ctx.staff());
  const household = await getItem<HouseholdFacts & { region: string }>(table(), householdKeys.projection(ctx.params.householdId));
  if (!household) throw CommonErrors.notFound('建档立卡户');
  ctx.assertInScope(household.region);
  const ratings = await queryAll<CreditRating>({ table: table(), ...householdKeys.ratings(household.householdId) });
  const view = ratingFactsOf(household, ratings, bankId, shanghaiDate(ctx.clock.now()));
  // Stored ratings carry keys and bookkeeping: only the contract's fields go out.
  return { ...view, ratings: view.ratings.map((r) => api.CreditRating.parse(r)) };
});
