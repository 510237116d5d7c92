import type { EventEnvelope } from '@jingzhun/types';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { call, type LocalCloud, startTestCloud } from '../../../packages/local-cloud/src/index.js';
import { manifest } from '../src/manifest.js';

const COUNTY = '370405000000';
const VILLAGE = '370405103201';
const event = (id: string, type: string, data: Record<string, unknown>): EventEnvelope => ({
  id,
  type,
  source: 'scoring',
  occurredAt: '2019-07-02T02:00:00.000Z',
  schemaVersion: 1,
  data,
});

/** The scoring service's per-period micro-credit events (workflows.md §5.4) in the monthly counters. */
describe('dispatch counts the micro-credit events of the scoring service', () => {
  let cloud: LocalCloud;
  let county: string;

  beforeAll(async () => {
    cloud = await startTestCloud(inject('dynamoEndpoint'), [manifest]);
    county = await cloud.login('county');
    const subsidy = (id: string, loanId: string, subsidyFen: number, cancelled?: string) =>
      event(id, 'scoring.microcredit.subsidy-computed', {
        district: COUNTY,
        quarter: '2019-Q2',
        loanId,
        bankId: 'abc',
        householdId: `hh-${loanId}`,
        region: VILLAGE,
        interestFen: 25_617,
        subsidyFen,
        ...(cancelled ? { cancelled } : {}),
      });
    await cloud.bus.publish(subsidy('s1', 'L1', 25_617));
    await cloud.bus.publish(subsidy('s1', 'L1', 25_617)); // repeated delivery
    await cloud.bus.publish(subsidy('s2', 'L2', 0, 'OVERDUE'));
    await cloud.bus.publish(
      event('r1', 'scoring.microcredit.quarter-reviewed', {
        district: COUNTY,
        quarter: '2019-Q2',
        on: '2019-06-30',
        banks: [
          { bankId: 'abc', outstandingFen: 2_000_000, overdueRatePct: '0.00', nplRatePct: '0.00', status: 'within' },
          { bankId: 'rcb', outstandingFen: 1_000_000, overdueRatePct: '100.00', nplRatePct: '100.00', status: 'exceeded' },
        ],
        coverage: { eligible: 3, rated: 2, coveragePct: '66.67', metTarget: false },
      }),
    );
    await cloud.bus.publish(
      event('d1', 'scoring.riskfund.drawn', {
        district: COUNTY,
        loanId: 'L2',
        bankId: 'rcb',
        region: VILLAGE,
        lossFen: 1_000_000,
        sharePct: '70',
        amountFen: 700_000,
        drawnOn: '2019-07-01',
        balanceAfterFen: 800_000,
      }),
    );
  });
  afterAll(() => cloud.stop());

  const counts = async (region: string, period: string) => {
    const response = await call(cloud, 'GET', `/dispatch/counts?region=${region}&period=${period}`, { token: county });
    expect(response.status).toBe(200);
    return Object.fromEntries(response.body.metrics.map((m: { metric: string; value: number }) => [m.metric, m.value]));
  };

  it('贴息 and the quarter review count in the quarter’s last month, draws in their month; each event once', async () => {
    const june = await counts(COUNTY, '2019-06');
    expect(june).toMatchObject({
      'loans.subsidy': 1,
      'loans.subsidy.fen': 25_617,
      'loans.subsidy.cancelled': 1,
      'banks.npl.exceeded': 1,
      'rating.population': 3,
      'rating.rated': 2,
    });
    expect(june['banks.npl.tolerated'] ?? 0).toBe(0);
    expect((await counts(VILLAGE, '2019-06'))['loans.subsidy.fen']).toBe(25_617);
    expect(await counts(COUNTY, '2019-07')).toMatchObject({ 'riskfund.draws': 1, 'riskfund.drawn.fen': 700_000 });
    expect(cloud.bus.deadLetters).toEqual([]);
  });
});
