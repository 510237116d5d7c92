import { randomInt } from 'node:crypto';
import { noticesApi, shanghaiDate } from '@jingzhun/types';
import { type Objection, objectionDueBy } from './objections.js';

const { OBJECTION_NUMBER_ALPHABET: ALPHABET, OBJECTION_NUMBER_LENGTH: LENGTH } = noticesApi;

/**
 * A new objection number (issue 14; decisions Notices 24): ten symbols drawn with the crypto
 * generator from 30 (about 49 bits). Random rather than a sequence or a time-ordered id, so a
 * number tells nothing about when it was lodged or how many exist, and guessing another
 * objector's number within the lookup limit (LOOKUP_LIMITS) is hopeless.
 */
export function newObjectionNumber(random: (max: number) => number = randomInt): string {
  let number = '';
  for (let i = 0; i < LENGTH; i++) number += ALPHABET[random(ALPHABET.length)];
  return number;
}

const STATUS_NAMES: Record<Objection['status'], string> = { open: '调查核实中', upheld: '异议成立', rejected: '异议不成立' };

/** workflows.md §4.1 rules 3–5, as the objector is told them. */
const OUTCOMES: Record<Objection['status'], string> = {
  open: '发布单位正在调查核实，将在答复期限前作出结论。',
  upheld: '经调查核实，异议成立：该条已从名单中撤下，按规定重新办理。',
  rejected: '经调查核实，异议不成立：该条按原名单继续办理。',
};

/** What the public lookup answers: status and fixed words, never the reason, the objector or the staff's note. */
export function publicObjectionStatus(objection: Objection & { number: string }, notice: { title: string; typeName: string }) {
  return {
    number: objection.number,
    noticeId: objection.noticeId,
    noticeTitle: notice.title,
    typeName: notice.typeName,
    entryNo: objection.entryNo,
    lodgedOn: shanghaiDate(new Date(objection.lodgedAt)),
    dueBy: objectionDueBy(objection.lodgedAt),
    status: objection.status,
    statusName: STATUS_NAMES[objection.status],
    ...(objection.decision ? { decidedOn: shanghaiDate(new Date(objection.decision.at)) } : {}),
    outcome: OUTCOMES[objection.status],
  };
}
