import { visitsApi } from '@jingzhun/types';

/** The visit routes (issue 15), listed here so the manifest takes them in one line. */
export const VISIT_ROUTES = [
  { contract: visitsApi.recordVisit, handler: 'handlers/visits.ts#recordVisit' },
  { contract: visitsApi.listHouseholdVisits, handler: 'handlers/visits.ts#listHouseholdVisits' },
  { contract: visitsApi.listMyVisits, handler: 'handlers/visits.ts#listMyVisits' },
  { contract: visitsApi.listVisitTasks, handler: 'handlers/visits.ts#listVisitTasks' },
  { contract: visitsApi.uploadVisitPhoto, handler: 'handlers/visits.ts#uploadVisitPhoto' },
  { contract: visitsApi.getVisitPhoto, handler: 'handlers/visits.ts#getVisitPhoto' },
];
