import { describe, expect, it } from 'vitest';
import { configuredRegions, failureMessage, RUN_REGIONS_ENV, unfinished } from '../src/run/schedule.js';

describe('the scheduled monthly run: its regions and when it fails', () => {
  it('computes the regions the stage configured, once each, and the demo district without configuration', () => {
    expect(configuredRegions({ [RUN_REGIONS_ENV]: '370405000000,370481000000, 370405000000' })).toEqual(['370405000000', '370481000000']);
    expect(configuredRegions({})).toEqual(['370405000000']);
    expect(configuredRegions({ [RUN_REGIONS_ENV]: ' ' })).toEqual(['370405000000']);
  });

  it('refuses a misconfigured region list at once, naming the bad entries', () => {
    expect(() => configuredRegions({ [RUN_REGIONS_ENV]: '370405000000,3704,abc' })).toThrow(/3704, abc/);
  });

  it('fails the invocation for a refused or unfinished region, after the others had their turn', () => {
    const outcomes = [
      { region: '370405000000', status: 'COMPLETED', done: 300, total: 300 },
      { region: '370481000000', status: 'RUNNING', done: 1200, total: 5000 },
      { region: '370402000000', status: 'REFUSED', done: 0, total: 0, error: '该期已审批' },
      { region: '370403000000', status: 'APPROVED', done: 10, total: 10 },
    ];
    const failed = unfinished(outcomes);
    expect(failed.map((outcome) => outcome.region)).toEqual(['370481000000', '370402000000']);
    expect(failureMessage('2026-12', failed)).toBe('monthly run 2026-12: 370481000000 unfinished at 1200/5000; 370402000000 refused: 该期已审批');
    expect(unfinished(outcomes.filter((outcome) => outcome.status === 'COMPLETED' || outcome.status === 'APPROVED'))).toEqual([]);
  });
});
