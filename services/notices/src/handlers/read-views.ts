import { maskName, type StaffClaims } from '@jingzhun/types';
import type { Notice, NoticeEntry } from '../domain/notice.js';
import { mayPublish, ruleOf } from '../domain/notice-types.js';
import type { Objection } from '../domain/objections.js';
import { staffEntry, staffObjection } from './views.js';

/**
 * What a staff reader of a notice sees (docs/security.md). The notice's owner (the publisher roles
 * of its type, and county staff, as for every change) sees lines with full names and objectors'
 * names and contacts; any other reader in scope sees what the online copy shows: names masked
 * (workflows.md §4.3 "Online copies") and objections without who lodged them (§4.1 rule 1: "an
 * objector's identity stays internal").
 */
export function isOwner(claims: StaffClaims, notice: Pick<Notice, 'type'>): boolean {
  return mayPublish(ruleOf(notice.type), claims.role);
}

export function entryFor(claims: StaffClaims, notice: Pick<Notice, 'type'>) {
  const fullNames = isOwner(claims, notice) || ruleOf(notice.type).subject === 'unit';
  return (entry: NoticeEntry) => {
    const view = staffEntry(entry);
    return fullNames ? view : { ...view, fullName: maskName(view.fullName) };
  };
}

export function objectionFor(claims: StaffClaims, notice: Pick<Notice, 'type'>) {
  const owner = isOwner(claims, notice);
  return (objection: Objection) => {
    const { objectorName: _name, contact: _contact, ...rest } = staffObjection(objection);
    return owner ? staffObjection(objection) : rest;
  };
}
