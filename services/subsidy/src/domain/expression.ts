/**
 * The catalog's small formula language (policy-catalog.md `conventions.formula`): numbers, fact and
 * parameter names, + - * / and parentheses, and the functions min, max, floor, ceil, round, banded,
 * bandAmount, bandRate, bandThreshold, addYears. Parsed once into a tree; evaluated without eval.
 */
import type { Band } from '../catalog/schema.js';
import { add, ceil, compare, div, floor, fromNumber, isRational, max, min, mul, neg, type Rational, rational, roundHalfUp, sub, toNumber, ZERO } from './rational.js';

export type Expr =
  | { type: 'num'; value: number }
  | { type: 'ref'; name: string }
  | { type: 'neg'; operand: Expr }
  | { type: 'bin'; op: '+' | '-' | '*' | '/'; left: Expr; right: Expr }
  | { type: 'call'; fn: FunctionName; args: Expr[] };

export const FUNCTIONS = ['min', 'max', 'floor', 'ceil', 'round', 'banded', 'bandAmount', 'bandRate', 'bandThreshold', 'addYears'] as const;
export type FunctionName = (typeof FUNCTIONS)[number];
const ARITY: Record<FunctionName, [number, number]> = {
  min: [2, 8],
  max: [2, 8],
  floor: [1, 1],
  ceil: [1, 1],
  round: [1, 1],
  banded: [1, 1],
  bandAmount: [1, 1],
  bandRate: [1, 1],
  bandThreshold: [1, 1],
  addYears: [2, 2],
};
/** Band lookups take the name of the fact that selects the band, not a computed value. */
const LOOKUPS = new Set<FunctionName>(['bandAmount', 'bandRate', 'bandThreshold']);

export class FormulaSyntaxError extends Error {}

type Token = { kind: 'num'; value: number } | { kind: 'id'; value: string } | { kind: 'op'; value: string };

function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < text.length) {
    const ch = text[i] as string;
    if (/\s/.test(ch)) {
      i++;
    } else if (/[0-9.]/.test(ch)) {
      const match = /^(\d+(\.\d+)?|\.\d+)/.exec(text.slice(i));
      if (!match) throw new FormulaSyntaxError(`bad number at ${i} in "${text}"`);
      tokens.push({ kind: 'num', value: Number(match[0]) });
      i += match[0].length;
    } else if (/[A-Za-z_]/.test(ch)) {
      const match = /^[A-Za-z_][A-Za-z0-9_]*/.exec(text.slice(i)) as RegExpExecArray;
      tokens.push({ kind: 'id', value: match[0] });
      i += match[0].length;
    } else if ('+-*/(),'.includes(ch)) {
      tokens.push({ kind: 'op', value: ch });
      i++;
    } else {
      throw new FormulaSyntaxError(`unexpected "${ch}" at ${i} in "${text}"`);
    }
  }
  return tokens;
}

/** Parses a formula into a tree. Throws FormulaSyntaxError on anything outside the grammar. */
export function parseFormula(text: string): Expr {
  const tokens = tokenize(text);
  let pos = 0;
  const peek = () => tokens[pos];
  const isOp = (value: string) => {
    const token = peek();
    return token?.kind === 'op' && token.value === value;
  };
  const expect = (value: string) => {
    if (!isOp(value)) throw new FormulaSyntaxError(`expected "${value}" in "${text}"`);
    pos++;
  };
  function expression(): Expr {
    let left = term();
    while (isOp('+') || isOp('-')) {
      const op = (tokens[pos++] as { value: '+' | '-' }).value;
      left = { type: 'bin', op, left, right: term() };
    }
    return left;
  }
  function term(): Expr {
    let left = unary();
    while (isOp('*') || isOp('/')) {
      const op = (tokens[pos++] as { value: '*' | '/' }).value;
      left = { type: 'bin', op, left, right: unary() };
    }
    return left;
  }
  function unary(): Expr {
    if (isOp('-')) {
      pos++;
      return { type: 'neg', operand: unary() };
    }
    return primary();
  }
  function primary(): Expr {
    const token = peek();
    if (!token) throw new FormulaSyntaxError(`unexpected end of "${text}"`);
    if (token.kind === 'num') {
      pos++;
      return { type: 'num', value: token.value };
    }
    if (token.kind === 'id') {
      pos++;
      if (!isOp('(')) return { type: 'ref', name: token.value };
      if (!(FUNCTIONS as readonly string[]).includes(token.value)) throw new FormulaSyntaxError(`unknown function ${token.value} in "${text}"`);
      const fn = token.value as FunctionName;
      expect('(');
      const args: Expr[] = [expression()];
      while (isOp(',')) {
        pos++;
        args.push(expression());
      }
      expect(')');
      const [lo, hi] = ARITY[fn];
      if (args.length < lo || args.length > hi) throw new FormulaSyntaxError(`${fn} takes ${lo}–${hi} arguments in "${text}"`);
      if (LOOKUPS.has(fn) && args[0]?.type !== 'ref') throw new FormulaSyntaxError(`${fn} takes a fact name in "${text}"`);
      return { type: 'call', fn, args };
    }
    if (token.value === '(') {
      pos++;
      const inner = expression();
      expect(')');
      return inner;
    }
    throw new FormulaSyntaxError(`unexpected "${token.value}" in "${text}"`);
  }
  const tree = expression();
  if (pos !== tokens.length) throw new FormulaSyntaxError(`trailing input in "${text}"`);
  return tree;
}

/** Every name a formula reads (facts and parameters), in order of first use. */
export function referencedNames(expr: Expr, into: string[] = []): string[] {
  switch (expr.type) {
    case 'ref':
      if (!into.includes(expr.name)) into.push(expr.name);
      break;
    case 'neg':
      referencedNames(expr.operand, into);
      break;
    case 'bin':
      referencedNames(expr.left, into);
      referencedNames(expr.right, into);
      break;
    case 'call':
      for (const arg of expr.args) referencedNames(arg, into);
      break;
    case 'num':
      break;
  }
  return into;
}

export type Value = number | string | boolean;
/** A value inside the evaluation: numbers are exact rationals (see rational.ts). */
export type ExactValue = Rational | string | boolean;

export class FormulaEvaluationError extends Error {}

function exact(value: Value | Rational): ExactValue {
  return typeof value === 'number' ? fromNumber(value) : value;
}

/**
 * Matches a band against a fact value (numeric: from ≤ v < to, compared exactly; categorical:
 * equal, or contained in a list).
 */
export function bandMatches(band: Band, value: Value | Rational): boolean {
  if (band.value !== undefined) {
    return Array.isArray(band.value) ? band.value.includes(value as never) : band.value === value;
  }
  if (
    band.from !== undefined &&
    typeof value === 'number' &&
    Number.isSafeInteger(value) &&
    Number.isSafeInteger(band.from) &&
    (band.to == null || Number.isSafeInteger(band.to))
  ) {
    // Integers (ages, counts) compare exactly as they are.
    return value >= band.from && (band.to == null || value < band.to);
  }
  if (band.from !== undefined && (typeof value === 'number' || isRational(value))) {
    const x = exact(value) as Rational;
    return compare(x, fromNumber(band.from)) >= 0 && (band.to == null || compare(x, fromNumber(band.to)) < 0);
  }
  return false;
}

export function findBand(bands: readonly Band[], key: string, value: Value | Rational): Band | undefined {
  return bands.find((band) => (band.key === undefined || band.key === key) && bandMatches(band, value));
}

/** banded(x): Σ rate × max(0, min(x, to) − from) over the numeric bands (conventions `banded(x)`), exactly. */
export function banded(bands: readonly Band[], x: Rational): Rational {
  let total = ZERO;
  for (const band of bands) {
    if (band.from === undefined || band.rate === undefined) continue;
    const upper = band.to == null ? x : min([x, fromNumber(band.to)]);
    total = add(total, mul(fromNumber(band.rate), max([ZERO, sub(upper, fromNumber(band.from))])));
  }
  return total;
}

function addYears(date: string, years: number): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!match) throw new FormulaEvaluationError(`not a date: ${date}`);
  const year = Number(match[1]) + years;
  // 29 February plus whole years lands on 28 February in a common year.
  const day = match[2] === '02' && match[3] === '29' && !(year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0)) ? '28' : match[3];
  return `${String(year).padStart(4, '0')}-${match[2]}-${day}`;
}

/**
 * Evaluates a tree exactly. `lookup` returns a name's value (undefined when unknown: the caller
 * checks `referencedNames` first so a missing fact is reported, never taken as zero); a number is
 * read as the decimal it prints as, a Rational as it is (yuan facts: fen ÷ 100).
 */
export function evaluateExact(expr: Expr, lookup: (name: string) => Value | Rational | undefined, bands: readonly Band[] = []): ExactValue {
  const num = (e: Expr): Rational => {
    const value = evaluateExact(e, lookup, bands);
    if (!isRational(value)) throw new FormulaEvaluationError(`not a number: ${String(value)}`);
    return value;
  };
  switch (expr.type) {
    case 'num':
      return fromNumber(expr.value);
    case 'ref': {
      const value = lookup(expr.name);
      if (value === undefined) throw new FormulaEvaluationError(`missing value for ${expr.name}`);
      if (typeof value === 'number' && !Number.isFinite(value)) throw new FormulaEvaluationError(`not a number: ${String(value)}`);
      return exact(value);
    }
    case 'neg':
      return neg(num(expr.operand));
    case 'bin': {
      const left = num(expr.left);
      const right = num(expr.right);
      switch (expr.op) {
        case '+':
          return add(left, right);
        case '-':
          return sub(left, right);
        case '*':
          return mul(left, right);
        case '/':
          if (right.n === 0n) throw new FormulaEvaluationError('division by zero');
          return div(left, right);
      }
      break;
    }
    case 'call': {
      const args = expr.args;
      switch (expr.fn) {
        case 'min':
          return min(args.map(num));
        case 'max':
          return max(args.map(num));
        case 'floor':
          return rational(floor(num(args[0] as Expr)));
        case 'ceil':
          return rational(ceil(num(args[0] as Expr)));
        case 'round':
          return rational(roundHalfUp(num(args[0] as Expr)));
        case 'banded':
          return banded(bands, num(args[0] as Expr));
        case 'addYears': {
          const date = evaluateExact(args[0] as Expr, lookup, bands);
          return addYears(String(date), toNumber(num(args[1] as Expr)));
        }
        case 'bandAmount':
        case 'bandRate':
        case 'bandThreshold': {
          const key = (args[0] as { name: string }).name;
          const value = lookup(key);
          if (value === undefined) throw new FormulaEvaluationError(`missing value for ${key}`);
          const band = findBand(bands, key, value);
          const field = expr.fn === 'bandAmount' ? 'amount' : expr.fn === 'bandRate' ? 'rate' : 'threshold';
          const result = band?.[field];
          if (typeof result !== 'number') throw new NoBandError(key, isRational(value) ? toNumber(value) : value);
          return fromNumber(result);
        }
      }
    }
  }
  throw new FormulaEvaluationError('unreachable');
}

/** evaluateExact with a number as the result (for display and tests; never compare it at an edge). */
export function evaluate(expr: Expr, lookup: (name: string) => Value | Rational | undefined, bands: readonly Band[] = []): Value {
  const value = evaluateExact(expr, lookup, bands);
  return isRational(value) ? toNumber(value) : value;
}

/** The value of the selecting fact matches no band: the person is outside the item (not an error of the data). */
export class NoBandError extends Error {
  constructor(
    readonly key: string,
    readonly value: Value,
  ) {
    super(`no band of ${key} matches ${String(value)}`);
  }
}

/** The formula as printed in an explanation: × and − as in the documents. */
export function printFormula(text: string): string {
  return text.replace(/\s*\*\s*/g, ' × ').replace(/ - /g, ' − ');
}
