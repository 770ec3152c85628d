/**
 * BigInt integer helpers shared by the exact fields, the modular solvers and the exact checks.
 */

/**
 * Greatest common divisor, never negative; gcd(0, 0) = 0.
 *
 * @example
 * gcd(-12n, 18n) // 6n
 */
export function gcd(a: bigint, b: bigint): bigint {
  if (a < 0n) a = -a;
  if (b < 0n) b = -b;
  while (b !== 0n) [a, b] = [b, a % b];
  return a;
}

/**
 * ⌊√n⌋ for n ≥ 0, by Newton's iteration from above (it decreases monotonically to ⌊√n⌋ from a
 * power of two ≥ √n).
 *
 * @example
 * isqrt(99n) // 9n
 */
export function isqrt(n: bigint): bigint {
  if (n < 2n) return n;
  let x = 1n << BigInt(Math.ceil(n.toString(2).length / 2));
  for (;;) {
    const y = (x + n / x) >> 1n;
    if (y >= x) return x;
    x = y;
  }
}
