import { describe, expect, it } from 'vitest';
import { assessmentKeys, assignmentKeys, auditSubjects, checkKeys, consequenceKeys, findingKeys, incidentKeys, villageKeys } from '../src/store/keys.js';

describe('supervision key formats', () => {
  const d = '370405000000';
  it('builds each entity key', () => {
    expect(assessmentKeys.item(d, 2018)).toEqual({ pk: 'ASSESSMENT#370405000000', sk: '2018' });
    expect(incidentKeys.item(d, 2018, 'i1')).toEqual({ pk: 'INCIDENT#370405000000#2018', sk: 'i1' });
    expect(consequenceKeys.item(d, 2018, consequenceKeys.id('town-nigou', 'interview'))).toEqual({ pk: 'CONSEQUENCE#370405000000#2018', sk: 'town-nigou-interview' });
    expect(findingKeys.item(d, 'f1')).toEqual({ pk: 'FINDING#370405000000', sk: 'f1' });
    expect(villageKeys.item(d, '370405102201')).toEqual({ pk: 'VILLAGE#370405000000', sk: '370405102201' });
    expect(assignmentKeys.person(d, 'p1')).toEqual({ pk: 'PERSON#370405000000#p1', sk: 'PERSON' });
    expect(checkKeys.item(d, '370405102201', '2018-03-31', 'c1')).toEqual({ pk: 'CHECK#370405000000', sk: '370405102201#2018-03-31#c1' });
    expect(auditSubjects.assessment(d, 2018)).toBe('ASSESSMENT#370405000000#2018');
  });
});
