import { eventHandler } from '@jingzhun/platform';
import { consume } from '../app/consume.js';
import * as p from '../domain/projection.js';

/** Subscribers that feed the read model (one consumer name: event ids are unique across types). */
export const CONSUMER = 'dispatch.read-model';

const subscriber = (projector: p.Projector) => eventHandler(CONSUMER, (envelope, ctx) => consume(projector, envelope, ctx));

export const onHouseholdRegistered = subscriber(p.householdRegistered as p.Projector);
export const onHouseholdChanged = subscriber(p.householdChanged as p.Projector);
export const onHouseholdExited = subscriber(p.householdExited as p.Projector);
export const onHouseholdReturned = subscriber(p.householdReturned as p.Projector);
export const onMonitoringIdentified = subscriber(p.monitoringIdentified as p.Projector);
export const onSubsidyRunCompleted = subscriber(p.subsidyRunCompleted as p.Projector);
export const onRosterApproved = subscriber(p.subsidyRosterApproved as p.Projector);
export const onRosterPaid = subscriber(p.subsidyRosterPaid as p.Projector);
export const onLoanIssued = subscriber(p.loanIssued as p.Projector);
export const onLoanOverdue = subscriber(p.loanOverdue as p.Projector);
export const onLoanRepaid = subscriber(p.loanRepaid as p.Projector);
export const onAssessmentApproved = subscriber(p.assessmentApproved as p.Projector);
export const onNoticePublished = subscriber(p.noticePublished as p.Projector);
export const onWindowClosed = subscriber(p.noticeWindowClosed as p.Projector);
export const onObjectionLodged = subscriber(p.objectionLodged as p.Projector);
export const onObjectionDecided = subscriber(p.objectionDecided as p.Projector);

/** Event type → handler export, for the manifest. */
export const SUBSCRIPTIONS: readonly { event: string; handler: string }[] = [
  [p.householdRegistered, 'onHouseholdRegistered'],
  [p.householdChanged, 'onHouseholdChanged'],
  [p.householdExited, 'onHouseholdExited'],
  [p.householdReturned, 'onHouseholdReturned'],
  [p.monitoringIdentified, 'onMonitoringIdentified'],
  [p.subsidyRunCompleted, 'onSubsidyRunCompleted'],
  [p.subsidyRosterApproved, 'onRosterApproved'],
  [p.subsidyRosterPaid, 'onRosterPaid'],
  [p.loanIssued, 'onLoanIssued'],
  [p.loanOverdue, 'onLoanOverdue'],
  [p.loanRepaid, 'onLoanRepaid'],
  [p.assessmentApproved, 'onAssessmentApproved'],
  [p.noticePublished, 'onNoticePublished'],
  [p.noticeWindowClosed, 'onWindowClosed'],
  [p.objectionLodged, 'onObjectionLodged'],
  [p.objectionDecided, 'onObjectionDecided'],
].map(([projector, name]) => ({ event: (projector as p.Projector).event.type, handler: `handlers/events.ts#${name as string}` }));
