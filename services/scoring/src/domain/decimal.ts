/**
 * Exact rational arithmetic for the bank assessment (issue 6: "no float drift in ratios or half
 * points"). A value is a reduced fraction of two bigints with a positive denominator. Inputs are
 * decimal strings ("450000", "193282.5", "-600"); points are multiples of 0.5 and serialise as
 * decimal strings ("14.5", "-2", "99").
 *
 * Pure: no I/O, no clock.
 */
export interface Dec {
  readonly n: bigint;
  readonly d: bigint;
}

const ZERO_N = BigInt(0);
const ONE_N = BigInt(1);
const TWO_N = BigInt(2);
const FIVE_N = BigInt(5);
const TEN_N = BigInt(10);

function abs(value: bigint): bigint {
  return value < ZERO_N ? -value : value;
}

function gcd(a: bigint, b: bigint): bigint {
  let x = abs(a);
  let y = abs(b);
  while (y !== ZERO_N) [x, y] = [y, x % y];
  return x;
}

export function rational(numerator: bigint, denominator: bigint = ONE_N): Dec {
  if (denominator === ZERO_N) throw new RangeError('division by zero');
  const sign = denominator < ZERO_N ? -ONE_N : ONE_N;
  const g = gcd(numerator, denominator) || ONE_N;
  return { n: (sign * numerator) / g, d: (sign * denominator) / g };
}

export const ZERO: Dec = rational(ZERO_N);
export const ONE: Dec = rational(ONE_N);
export const HUNDRED: Dec = rational(BigInt(100));

/** Accepted decimal text: optional minus, digits, optional fraction of up to 12 digits. */
export const DECIMAL_PATTERN = /^-?\d{1,15}(\.\d{1,12})?$/;

/** Parses a decimal string exactly. Throws RangeError on anything else (no exponents, no commas). */
export function dec(text: string | number | bigint): Dec {
  if (typeof text === 'bigint') return rational(text);
  if (typeof text === 'number') {
    if (!Number.isSafeInteger(text)) throw new RangeError(`only safe integers may be given as numbers: ${text}`);
    return rational(BigInt(text));
  }
  const trimmed = text.trim();
  if (!DECIMAL_PATTERN.test(trimmed)) throw new RangeError(`not a decimal: ${text}`);
  const negative = trimmed.startsWith('-');
  const [whole, fraction = ''] = trimmed.replace('-', '').split('.') as [string, string?];
  const n = BigInt(whole + fraction) * (negative ? -ONE_N : ONE_N);
  return rational(n, TEN_N ** BigInt(fraction.length));
}

export function isDecimalText(text: string): boolean {
  return DECIMAL_PATTERN.test(text.trim());
}

export const add = (a: Dec, b: Dec): Dec => rational(a.n * b.d + b.n * a.d, a.d * b.d);
export const sub = (a: Dec, b: Dec): Dec => rational(a.n * b.d - b.n * a.d, a.d * b.d);
export const mul = (a: Dec, b: Dec): Dec => rational(a.n * b.n, a.d * b.d);
export function div(a: Dec, b: Dec): Dec {
  if (b.n === ZERO_N) throw new RangeError('division by zero');
  return rational(a.n * b.d, a.d * b.n);
}
export const neg = (a: Dec): Dec => rational(-a.n, a.d);

/** -1, 0 or 1. */
export function cmp(a: Dec, b: Dec): -1 | 0 | 1 {
  const left = a.n * b.d;
  const right = b.n * a.d;
  return left < right ? -1 : left > right ? 1 : 0;
}
export const eq = (a: Dec, b: Dec): boolean => cmp(a, b) === 0;
export const gt = (a: Dec, b: Dec): boolean => cmp(a, b) > 0;
export const gte = (a: Dec, b: Dec): boolean => cmp(a, b) >= 0;
export const lt = (a: Dec, b: Dec): boolean => cmp(a, b) < 0;
export const isZero = (a: Dec): boolean => a.n === ZERO_N;
export const sign = (a: Dec): -1 | 0 | 1 => (a.n < ZERO_N ? -1 : a.n > ZERO_N ? 1 : 0);
export const max = (a: Dec, b: Dec): Dec => (gte(a, b) ? a : b);
export const min = (a: Dec, b: Dec): Dec => (gte(a, b) ? b : a);
export function sum(values: readonly Dec[]): Dec {
  return values.reduce(add, ZERO);
}

/**
 * Rounds to `decimals` places, half away from zero ("四舍五入"): 65.5001 → 65.50, 10.666… → 10.67,
 * −2.005 → −2.01.
 */
export function roundHalfUp(a: Dec, decimals: number): Dec {
  const scale = TEN_N ** BigInt(decimals);
  const scaled = abs(a.n) * scale;
  let q = scaled / a.d;
  const r = scaled % a.d;
  if (r * TWO_N >= a.d) q += ONE_N;
  return rational(a.n < ZERO_N ? -q : q, scale);
}

/** True when the value has a finite decimal expansion (denominator only has factors 2 and 5). */
export function isTerminating(a: Dec): boolean {
  let d = a.d;
  while (d % TWO_N === ZERO_N) d /= TWO_N;
  while (d % FIVE_N === ZERO_N) d /= FIVE_N;
  return d === ONE_N;
}

/**
 * Canonical decimal string without trailing zeros: 14.5 → "14.5", 99 → "99", −2 → "-2". A value
 * without a finite expansion is an error here; round it first (`toFixed`).
 */
export function toDecimalString(a: Dec): string {
  if (!isTerminating(a)) throw new RangeError('value has no finite decimal expansion; round it first');
  let places = 0;
  let scale = ONE_N;
  while ((a.n * scale) % a.d !== ZERO_N) {
    places++;
    scale *= TEN_N;
  }
  return toFixed(a, places);
}

/** Fixed number of decimals, rounding half away from zero: toFixed(65.5, 2) → "65.50". */
export function toFixed(a: Dec, decimals: number): string {
  const rounded = roundHalfUp(a, decimals);
  const scale = TEN_N ** BigInt(decimals);
  const scaled = (rounded.n * scale) / rounded.d;
  const negative = scaled < ZERO_N;
  const digits = abs(scaled)
    .toString()
    .padStart(decimals + 1, '0');
  const whole = digits.slice(0, digits.length - decimals);
  const fraction = digits.slice(digits.length - decimals);
  return `${negative ? '-' : ''}${whole}${decimals > 0 ? `.${fraction}` : ''}`;
}

/** Exact percentage of a ratio (no rounding): what every threshold is compared with. */
export function exactPercent(numerator: Dec, denominator: Dec): Dec {
  return mul(div(numerator, denominator), HUNDRED);
}

/** Percentage of a ratio, rounded half up to `decimals` places (0.01 pp when decimals = 2). */
export function percent(numerator: Dec, denominator: Dec, decimals: number): Dec {
  return roundHalfUp(exactPercent(numerator, denominator), decimals);
}

/** Integer value of a whole-number Dec (throws when it is not whole). */
export function toInteger(a: Dec): number {
  if (a.d !== ONE_N) throw new RangeError('not a whole number');
  return Number(a.n);
}
