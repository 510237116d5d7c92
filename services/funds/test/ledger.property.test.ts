import { DomainError } from '@jingzhun/types';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  assertWithinBudget,
  type Balances,
  committedAccount,
  disbursedAccount,
  type Movement,
  post,
  potAccount,
  projectTotals,
  trialBalance,
  UPPER,
} from '../src/domain/ledger.js';

const POTS = ['county', 'town-a', 'town-b'];
const PROJECTS = [
  { id: 'p1', budgetFen: 50_000 },
  { id: 'p2', budgetFen: 120_000 },
];

const operation = fc.oneof(
  fc.record({ op: fc.constant('receive' as const), pot: fc.constantFrom(...POTS), amount: fc.integer({ min: -5, max: 100_000 }) }),
  fc.record({ op: fc.constant('allocate' as const), from: fc.constantFrom(...POTS), pot: fc.constantFrom(...POTS), amount: fc.integer({ min: 1, max: 100_000 }) }),
  fc.record({ op: fc.constant('commit' as const), pot: fc.constantFrom(...POTS), project: fc.constantFrom(...PROJECTS), amount: fc.integer({ min: 1, max: 80_000 }) }),
  fc.record({ op: fc.constant('release' as const), pot: fc.constantFrom(...POTS), project: fc.constantFrom(...PROJECTS), amount: fc.integer({ min: 1, max: 80_000 }) }),
  fc.record({ op: fc.constant('disburse' as const), pot: fc.constantFrom(...POTS), project: fc.constantFrom(...PROJECTS), amount: fc.integer({ min: 1, max: 80_000 }) }),
);

/** What the handlers do for each operation: the budget check for a commitment, then the ledger. */
type Operation = typeof operation extends fc.Arbitrary<infer T> ? T : never;

function apply(balances: Balances, op: Operation): Record<string, number> {
  let movement: Movement;
  switch (op.op) {
    case 'receive':
      movement = { kind: 'received', from: UPPER, to: potAccount(op.pot), amountFen: op.amount };
      break;
    case 'allocate':
      movement = { kind: 'allocated', from: potAccount(op.from), to: potAccount(op.pot), amountFen: op.amount };
      break;
    case 'commit':
      assertWithinBudget(op.project.budgetFen, projectTotals(balances, op.project.id), op.amount);
      movement = { kind: 'committed', from: potAccount(op.pot), to: committedAccount(op.project.id, op.pot), amountFen: op.amount };
      break;
    case 'release':
      movement = { kind: 'released', from: committedAccount(op.project.id, op.pot), to: potAccount(op.pot), amountFen: op.amount };
      break;
    case 'disburse':
      movement = { kind: 'disbursed', from: committedAccount(op.project.id, op.pot), to: disbursedAccount(op.project.id, op.pot), amountFen: op.amount };
  }
  return post(balances, movement);
}

describe('fund ledger (seed 004 SCH-02 L408–409; issue 16 "every movement a ledger entry, balanced")', () => {
  it('property: any sequence of operations keeps the books balanced, no account overdrawn and no project above its budget', () => {
    fc.assert(
      fc.property(fc.array(operation, { maxLength: 60 }), (operations) => {
        let balances: Balances = {};
        let received = 0;
        for (const o of operations) {
          try {
            const next = apply(balances, o);
            if (o.op === 'receive') received += o.amount;
            balances = next;
          } catch (error) {
            // A refused operation is a DomainError and changes nothing.
            expect(error).toBeInstanceOf(DomainError);
          }
          const trial = trialBalance(balances);
          expect(trial.sumFen).toBe(0);
          expect(trial.negative).toEqual([]);
          expect((balances[UPPER] ?? 0) + received).toBe(0);
          for (const project of PROJECTS) {
            const totals = projectTotals(balances, project.id);
            expect(totals.committedFen + totals.disbursedFen).toBeLessThanOrEqual(project.budgetFen);
          }
        }
      }),
      { numRuns: 300 },
    );
  });

  it('refuses an overdraft, a non-positive or fractional amount and a movement between the wrong accounts', () => {
    expect(() => post({}, { kind: 'committed', from: potAccount('x'), to: committedAccount('p', 'x'), amountFen: 1 })).toThrow(/POT_INSUFFICIENT/);
    expect(() => post({}, { kind: 'received', from: UPPER, to: potAccount('x'), amountFen: 0 })).toThrow(/AMOUNT_INVALID/);
    expect(() => post({}, { kind: 'received', from: UPPER, to: potAccount('x'), amountFen: 1.5 })).toThrow(/AMOUNT_INVALID/);
    expect(() => post({ [potAccount('x')]: 10 }, { kind: 'disbursed', from: potAccount('x'), to: disbursedAccount('p', 'x'), amountFen: 5 })).toThrow(/LEDGER_INVALID/);
  });

  it('issue 16: a commitment above the approved budget is refused', () => {
    expect(() => assertWithinBudget(100, { committedFen: 60, disbursedFen: 30 }, 11)).toThrow(/BUDGET_EXCEEDED/);
    expect(() => assertWithinBudget(100, { committedFen: 60, disbursedFen: 30 }, 10)).not.toThrow();
  });
});
