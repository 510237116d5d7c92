/**
 * Key builders for the scoring table: the only place key strings are written.
 *
 * | entity            | pk                          | sk                              | gsi1pk              | gsi1sk                   |
 * |-------------------|-----------------------------|---------------------------------|---------------------|--------------------------|
 * | bank              | DISTRICT#<district>         | BANK#<bankId>                   |                     |                          |
 * | assessment year   | YEAR#<district>#<year>      | STATE                           | REWARDS_OPEN (*)    | <dueBy>#<district>#<year>|
 * | submission        | YEAR#<district>#<year>      | SUB#<bankId>#<section>          |                     |                          |
 * | reward reminder   | YEAR#<district>#<year>      | REMINDER#<date>#<kind>          |                     |                          |
 * | parameter set     | PARAMS#<paramsId>           | PARAMS                          |                     |                          |
 * | household (proj.) | HOUSEHOLD#<householdId>     | PROJECTION                      | HOUSEHOLDS#<region> | <householdId>            |
 * | credit rating     | HOUSEHOLD#<householdId>     | RATING#<ratedOn>#<bankId>#<borrowerId> |              |                          |
 * | credit exposure   | HOUSEHOLD#<householdId>     | EXPOSURE                        |                     |                          |
 * | loan              | LOAN#<loanId>               | LOAN                            | BANK_LOANS#<bankId> | <issuedOn>#<loanId>      |
 * | loan by household |                             |                                 | (gsi2) HH_LOANS#<householdId> | <issuedOn>#<loanId> |
 * | loan movement     | LOAN#<loanId>               | MOVE#<date>#<id>                |                     |                          |
 * | NPL target        | DISTRICT#<district>         | NPLTARGET#<bankId>#<year>       |                     |                          |
 * | 贴息 (loan, qtr)   | MICROCREDIT#<district>#<quarter> | SUBSIDY#<loanId>           |                     |                          |
 * | quarter review    | MICROCREDIT#<district>#<quarter> | REVIEW                     |                     |                          |
 * | risk fund         | RISKFUND#<district>         | FUND                            |                     |                          |
 * | lending district  | MICROCREDIT_DISTRICTS       | DISTRICT#<district>             |                     |                          |
 * | risk-fund deposit | RISKFUND#<district>         | DEPOSIT#<date>#<id>             |                     |                          |
 * | risk-fund draw    | RISKFUND#<district>         | DRAW#<loanId>                   |                     |                          |
 * (*) only while an approved assessment's rewards are unpaid.
 * gsi3 (per county): loans COUNTY_LOANS#<county> / <issuedOn>#<loanId>; household projections
 * COUNTY_HOUSEHOLDS#<county> / <region>#<householdId>; ratings COUNTY_RATINGS#<county> / <ratedOn>#<householdId>#<bankId>#<borrowerId>.
 */
const countyOf = (region: string) => region.slice(0, 6).padEnd(12, '0');
export const bankKeys = {
  item: (district: string, bankId: string) => ({ pk: `DISTRICT#${district}`, sk: `BANK#${bankId}` }),
  ofDistrict: (district: string) => ({ partition: { name: 'pk', value: `DISTRICT#${district}` }, sortKeyPrefix: { name: 'sk', value: 'BANK#' } }),
};

export const yearKeys = {
  state: (district: string, year: number) => ({ pk: `YEAR#${district}#${year}`, sk: 'STATE' }),
  submission: (district: string, year: number, bankId: string, section: string) => ({ pk: `YEAR#${district}#${year}`, sk: `SUB#${bankId}#${section}` }),
  submissions: (district: string, year: number) => ({ partition: { name: 'pk', value: `YEAR#${district}#${year}` }, sortKeyPrefix: { name: 'sk', value: 'SUB#' } }),
  reminder: (district: string, year: number, date: string, kind: string) => ({ pk: `YEAR#${district}#${year}`, sk: `REMINDER#${date}#${kind}` }),
  reminders: (district: string, year: number) => ({ partition: { name: 'pk', value: `YEAR#${district}#${year}` }, sortKeyPrefix: { name: 'sk', value: 'REMINDER#' } }),
  rewardsOpenIndex: (dueBy: string, district: string, year: number) => ({ gsi1pk: 'REWARDS_OPEN', gsi1sk: `${dueBy}#${district}#${year}` }),
  rewardsOpen: () => ({ name: 'gsi1pk', value: 'REWARDS_OPEN' }),
  /** Audit subject of everything that belongs to one district's assessment year. */
  auditSubject: (district: string, year: number) => `SCORING#${district}#${year}`,
  auditPartition: (district: string, year: number) => ({ name: 'pk', value: `AUDIT#SCORING#${district}#${year}` }),
};

export const paramKeys = {
  item: (paramsId: string) => ({ pk: `PARAMS#${paramsId}`, sk: 'PARAMS' }),
};

export const householdKeys = {
  projection: (householdId: string) => ({ pk: `HOUSEHOLD#${householdId}`, sk: 'PROJECTION' }),
  regionIndex: (region: string, householdId: string) => ({ gsi1pk: `HOUSEHOLDS#${region}`, gsi1sk: householdId }),
  rating: (householdId: string, ratedOn: string, bankId: string, borrowerId: string) => ({ pk: `HOUSEHOLD#${householdId}`, sk: `RATING#${ratedOn}#${bankId}#${borrowerId}` }),
  countyIndex: (region: string, householdId: string) => ({ gsi3pk: `COUNTY_HOUSEHOLDS#${countyOf(region)}`, gsi3sk: `${region}#${householdId}` }),
  ofCounty: (county: string) => ({ name: 'gsi3pk', value: `COUNTY_HOUSEHOLDS#${countyOf(county)}` }),
  ratingCountyIndex: (region: string, ratedOn: string, householdId: string, bankId: string, borrowerId: string) => ({
    gsi3pk: `COUNTY_RATINGS#${countyOf(region)}`,
    gsi3sk: `${ratedOn}#${householdId}#${bankId}#${borrowerId}`,
  }),
  ratingsOfCounty: (county: string) => ({ name: 'gsi3pk', value: `COUNTY_RATINGS#${countyOf(county)}` }),
  ratings: (householdId: string) => ({ partition: { name: 'pk', value: `HOUSEHOLD#${householdId}` }, sortKeyPrefix: { name: 'sk', value: 'RATING#' } }),
  /** Outstanding micro-credit principal per borrower: the one item every loan and repayment of the household updates. */
  exposure: (householdId: string) => ({ pk: `HOUSEHOLD#${householdId}`, sk: 'EXPOSURE' }),
};

export const loanKeys = {
  item: (loanId: string) => ({ pk: `LOAN#${loanId}`, sk: 'LOAN' }),
  bankIndex: (bankId: string, issuedOn: string, loanId: string) => ({ gsi1pk: `BANK_LOANS#${bankId}`, gsi1sk: `${issuedOn}#${loanId}` }),
  ofBank: (bankId: string) => ({ name: 'gsi1pk', value: `BANK_LOANS#${bankId}` }),
  householdIndex: (householdId: string, issuedOn: string, loanId: string) => ({ gsi2pk: `HH_LOANS#${householdId}`, gsi2sk: `${issuedOn}#${loanId}` }),
  ofHousehold: (householdId: string) => ({ name: 'gsi2pk', value: `HH_LOANS#${householdId}` }),
  movement: (loanId: string, date: string, id: string) => ({ pk: `LOAN#${loanId}`, sk: `MOVE#${date}#${id}` }),
  movements: (loanId: string) => ({ partition: { name: 'pk', value: `LOAN#${loanId}` }, sortKeyPrefix: { name: 'sk', value: 'MOVE#' } }),
  countyIndex: (region: string, issuedOn: string, loanId: string) => ({ gsi3pk: `COUNTY_LOANS#${countyOf(region)}`, gsi3sk: `${issuedOn}#${loanId}` }),
  ofCounty: (county: string) => ({ name: 'gsi3pk', value: `COUNTY_LOANS#${countyOf(county)}` }),
};

export const microcreditKeys = {
  nplTarget: (district: string, bankId: string, year: number) => ({ pk: `DISTRICT#${district}`, sk: `NPLTARGET#${bankId}#${year}` }),
  nplTargets: (district: string) => ({ partition: { name: 'pk', value: `DISTRICT#${district}` }, sortKeyPrefix: { name: 'sk', value: 'NPLTARGET#' } }),
  subsidy: (district: string, quarter: string, loanId: string) => ({ pk: `MICROCREDIT#${district}#${quarter}`, sk: `SUBSIDY#${loanId}` }),
  subsidies: (district: string, quarter: string) => ({ partition: { name: 'pk', value: `MICROCREDIT#${district}#${quarter}` }, sortKeyPrefix: { name: 'sk', value: 'SUBSIDY#' } }),
  review: (district: string, quarter: string) => ({ pk: `MICROCREDIT#${district}#${quarter}`, sk: 'REVIEW' }),
  fund: (district: string) => ({ pk: `RISKFUND#${district}`, sk: 'FUND' }),
  deposit: (district: string, date: string, id: string) => ({ pk: `RISKFUND#${district}`, sk: `DEPOSIT#${date}#${id}` }),
  draw: (district: string, loanId: string) => ({ pk: `RISKFUND#${district}`, sk: `DRAW#${loanId}` }),
  draws: (district: string) => ({ partition: { name: 'pk', value: `RISKFUND#${district}` }, sortKeyPrefix: { name: 'sk', value: 'DRAW#' } }),
  fundSubject: (district: string) => `RISKFUND#${district}`,
  /** One item per county that has micro-credit loans: what the quarterly job walks. */
  district: (district: string) => ({ pk: 'MICROCREDIT_DISTRICTS', sk: `DISTRICT#${district}` }),
  districts: () => ({ partition: { name: 'pk', value: 'MICROCREDIT_DISTRICTS' }, sortKeyPrefix: { name: 'sk', value: 'DISTRICT#' } }),
};
