import { getItem, queryAll } from '@jingzhun/platform';
import { householdKeys, loanKeys, microcreditKeys } from './keys.js';
import { table } from './repo.js';

/** Reads of the micro-credit ledger per period (the items' shapes belong to the handlers). */
export const loansOfCounty = <T>(district: string) => queryAll<T>({ table: table(), index: 'gsi3', partition: loanKeys.ofCounty(district) });
export const getLoan = <T>(loanId: string) => getItem<T>(table(), loanKeys.item(loanId));
export const movementsOf = <T>(loanId: string) => queryAll<T>({ table: table(), ...loanKeys.movements(loanId) });
export const householdsOfCounty = <T>(district: string) => queryAll<T>({ table: table(), index: 'gsi3', partition: householdKeys.ofCounty(district) });
export const ratingsOfCounty = <T>(district: string) => queryAll<T>({ table: table(), index: 'gsi3', partition: householdKeys.ratingsOfCounty(district) });
export const subsidiesOf = <T>(district: string, quarter: string) => queryAll<T>({ table: table(), ...microcreditKeys.subsidies(district, quarter) });
export const getReview = <T>(district: string, quarter: string) => getItem<T>(table(), microcreditKeys.review(district, quarter));
export const getNplTarget = <T>(district: string, bankId: string, year: number) => getItem<T>(table(), microcreditKeys.nplTarget(district, bankId, year));
export const nplTargetsOf = <T>(district: string) => queryAll<T>({ table: table(), ...microcreditKeys.nplTargets(district) });
export const getFund = <T>(district: string) => getItem<T>(table(), microcreditKeys.fund(district));
export const drawsOf = <T>(district: string) => queryAll<T>({ table: table(), ...microcreditKeys.draws(district) });
export const lendingDistricts = () => queryAll<{ district: string }>({ table: table(), ...microcreditKeys.districts() });
