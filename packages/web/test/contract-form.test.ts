import { scoringApi } from '@jingzhun/types';
import { describe, expect, it } from 'vitest';
import * as z from 'zod';
import { skeletonOf } from '../src/console/contract-form.js';

describe('the JSON body a generic operation form starts from', () => {
  it('lists every required field of the 人民银行 submission, with defaults, nested counts and no optional fields', () => {
    const body = skeletonOf(scoringApi.submitPboc.body) as Record<string, unknown>;
    expect(body).toMatchObject({ loansStart: '', loansEnd: '', obsIncrease: '0', nplAroseDuringYear: false });
    expect(body.outletsEnd).toMatchObject({ ruralAtms: 0 });
    // Corrections only: expectedVersion and reason are optional and left out.
    expect(body).not.toHaveProperty('reason');
    expect(body).not.toHaveProperty('expectedVersion');
  });

  it('gives an enum its first value, a list an empty list and a nullable its inner type', () => {
    const schema = z.object({
      kind: z.enum(['dibao', 'tekun']),
      members: z.array(z.string()),
      grade: z.number().int().nullable(),
      note: z.string().optional(),
      channel: z.literal('yikatong'),
    });
    expect(skeletonOf(schema)).toEqual({ kind: 'dibao', members: [], grade: 0, channel: 'yikatong' });
  });
});
