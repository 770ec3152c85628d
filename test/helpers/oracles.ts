/** Closed-form dimension oracles used across the tests. */

/** Stirling numbers of the second kind S(n, k). */
export function stirling2(n: number, k: number): number {
  const table: number[][] = [[1]];
  for (let i = 1; i <= n; i++) {
    table.push(new Array<number>(i + 1).fill(0));
    for (let j = 1; j <= i; j++) table[i]![j] = j * (table[i - 1]![j] ?? 0) + (table[i - 1]![j - 1] ?? 0);
  }
  return table[n]?.[k] ?? 0;
}

/**
 * dim Hom_{S(n)}(V^{⊗k}, V^{⊗l}) for the permutation rep V = ℝⁿ: the number of set partitions of
 * k + l points into at most n blocks (Bell(k+l) once n ≥ k + l).
 */
export function symmetricTensorHomDim(n: number, k: number, l: number): number {
  let s = 0;
  for (let t = 0; t <= Math.min(n, k + l); t++) s += stirling2(k + l, t);
  return s;
}
