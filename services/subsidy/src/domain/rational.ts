/**
 * Exact rational numbers (BigInt numerator and denominator) for the formula language. Amounts, rates
 * and thresholds are decimals (0.55, 3,608.99 元, a fen fact ÷ 100); with binary floating point a
 * comparison or a half-up rounding near an edge can go either way (0.03 × 10,000,005.50 元 =
 * 300,000.165 元 computed as 300,000.16499… and rounded down). Here every operation is exact, and
 * rounding happens once, at the end, by an explicit rule; `toNumber` is for display only.
 */
export interface Rational {
  readonly n: bigint;
  /** Always positive; the fraction is reduced. */
  readonly d: bigint;
}

const abs = (x: bigint) => (x < 0n ? -x : x);
function gcd(a: bigint, b: bigint): bigint {
  let x = abs(a);
  let y = abs(b);
  while (y !== 0n) [x, y] = [y, x % y];
  return x;
}

export function rational(n: bigint, d: bigint = 1n): Rational {
  if (d === 0n) throw new RangeError('division by zero');
  const sign = d < 0n ? -1n : 1n;
  const g = gcd(n, d) || 1n;
  return { n: (sign * n) / g, d: (sign * d) / g };
}

export function isRational(value: unknown): value is Rational {
  return typeof value === 'object' && value !== null && typeof (value as Rational).n === 'bigint' && typeof (value as Rational).d === 'bigint';
}

/**
 * A JavaScript number as the decimal it was written as (0.1 → 1/10, not the binary double nearest
 * to it): the catalog and the API give decimals; their shortest representation is that decimal.
 */
export function fromNumber(x: number): Rational {
  if (!Number.isFinite(x)) throw new RangeError(`not a finite number: ${x}`);
  if (Number.isInteger(x)) return rational(BigInt(x));
  const match = /^(-?)(\d+)(?:\.(\d+))?(?:e([+-]\d+))?$/.exec(String(x));
  if (!match) throw new RangeError(`not a decimal: ${x}`);
  const digits = BigInt(`${match[2]}${match[3] ?? ''}`);
  const exponent = Number(match[4] ?? 0) - (match[3]?.length ?? 0);
  const value = exponent >= 0 ? rational(digits * 10n ** BigInt(exponent)) : rational(digits, 10n ** BigInt(-exponent));
  return match[1] === '-' ? neg(value) : value;
}

export const ZERO = rational(0n);

export const add = (a: Rational, b: Rational) => rational(a.n * b.d + b.n * a.d, a.d * b.d);
export const sub = (a: Rational, b: Rational) => rational(a.n * b.d - b.n * a.d, a.d * b.d);
export const mul = (a: Rational, b: Rational) => rational(a.n * b.n, a.d * b.d);
export const div = (a: Rational, b: Rational) => rational(a.n * b.d, a.d * b.n);
export const neg = (a: Rational): Rational => ({ n: -a.n, d: a.d });

/** −1, 0 or 1 as a is below, equal to or above b (exact). */
export function compare(a: Rational, b: Rational): number {
  const left = a.n * b.d;
  const right = b.n * a.d;
  return left < right ? -1 : left > right ? 1 : 0;
}

export const min = (values: readonly Rational[]) => values.reduce((m, v) => (compare(v, m) < 0 ? v : m));
export const max = (values: readonly Rational[]) => values.reduce((m, v) => (compare(v, m) > 0 ? v : m));

/** Largest integer ≤ a. */
export function floor(a: Rational): bigint {
  const q = a.n / a.d;
  return a.n < 0n && q * a.d !== a.n ? q - 1n : q;
}

/** Smallest integer ≥ a. */
export function ceil(a: Rational): bigint {
  return -floor(neg(a));
}

/** Nearest integer, a half away from zero (the money convention, "half up"). */
export function roundHalfUp(a: Rational): bigint {
  const half = rational(1n, 2n);
  return a.n < 0n ? -floor(add(neg(a), half)) : floor(add(a, half));
}

/** For display and for values that leave the formula language (never for a comparison). */
export function toNumber(a: Rational): number {
  return Number(a.n) / Number(a.d);
}

/** Yuan (exact) to integer fen, rounded once, half up. */
export function yuanToFenExact(yuan: Rational): number {
  return Number(roundHalfUp(mul(yuan, rational(100n))));
}

/** Integer fen as exact yuan. */
export function fenToYuan(fen: number): Rational {
  return rational(BigInt(fen), 100n);
}

/** A decimal yuan figure of the catalog (1.5, 0.55) to fen, exactly, half up. */
export function decimalYuanToFen(yuan: number): number {
  return yuanToFenExact(fromNumber(yuan));
}
