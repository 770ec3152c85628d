/**
 * Colours for the weight-sharing pictures. Deterministic (no randomness, no global state): the
 * colour of basis element k depends only on k and on how many elements there are.
 */

/**
 * HSL → `#rrggbb`. h in degrees, s and l in [0, 1].
 *
 * @example
 * hslHex(0, 1, 0.5) // '#ff0000'
 */
export function hslHex(h: number, s: number, l: number): string {
  const a = s * Math.min(l, 1 - l);
  const f = (n: number): number => {
    const k = (n + h / 30) % 12;
    return l - a * Math.max(-1, Math.min(k - 3, 9 - k, 1));
  };
  const hex = (x: number): string => Math.round(x * 255).toString(16).padStart(2, '0');
  return `#${hex(f(0))}${hex(f(8))}${hex(f(4))}`;
}

/** Up to this many elements take Kelly's contrast colours; beyond, a larger palette of 96. */
export const DISTINCT_COLOURS = 20;

const GOLDEN_ANGLE = 137.50776405003785;
/** Size of the fallback palette: 3 lightness × 2 saturation levels × 16 golden-angle hues. */
export const LARGE_PALETTE = 96;

/**
 * Kelly's colours of maximum contrast (1965), without white, black and grey (grey means "zero" in
 * our pictures), plus a teal: 20 colours chosen to be told apart, also in print.
 */
const KELLY = [
  '#be0032', '#0067a5', '#f3c300', '#008856', '#875692', '#f38400', '#a1caf1', '#e68fac', '#dcd300', '#604e97',
  '#f99379', '#8db600', '#882d17', '#c2b280', '#00a3a3', '#b3446c', '#f6a600', '#2b3d26', '#654522', '#e25822',
] as const;

/**
 * The categorical colour of basis element `k` out of `count`.
 *
 * Up to 20 elements take Kelly's contrast colours in order. Beyond that, element k takes slot
 * (k · 37) mod 96 of a fixed larger palette (golden-angle hues × 3 lightness × 2 saturation
 * levels): 37 is prime to 96, so up to 96 elements all get different colours, elements with
 * nearby indices land far apart, and beyond 96 element k shares its colour with k ± 96.
 *
 * @example
 * categoricalColour(0, 15) // '#be0032'
 */
export function categoricalColour(k: number, count: number): string {
  if (count <= DISTINCT_COLOURS) return KELLY[k % KELLY.length]!;
  const slot = (k * 37) % LARGE_PALETTE;
  const hue = (slot * GOLDEN_ANGLE) % 360;
  const light = [0.45, 0.6, 0.74][slot % 3]!;
  const sat = slot % 2 === 0 ? 0.7 : 0.5;
  return hslHex(hue, sat, light);
}

/**
 * A diverging scale for signed values in [-1, 1]: blue (−1) through white (0) to red (+1).
 *
 * @example
 * divergingColour(0) // '#ffffff'
 */
export function divergingColour(t: number): string {
  const x = Math.max(-1, Math.min(1, t));
  // Interpolate in RGB between white and a saturated end colour; simple and monotone in lightness.
  const end = x >= 0 ? [178, 24, 43] : [33, 102, 172];
  const w = Math.abs(x);
  const hex = (c: number): string => Math.round(255 + (c - 255) * w).toString(16).padStart(2, '0');
  return `#${hex(end[0]!)}${hex(end[1]!)}${hex(end[2]!)}`;
}
