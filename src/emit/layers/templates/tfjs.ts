/**
 * The fixed helper code every generated TensorFlow.js file carries (the generated file stays
 * self-contained; this is its one copy in the TypeScript source). It reads the file's `_DATA` /
 * `DATA` literal (see ../header.ts) and nothing else of the layer.
 */
export const HELPERS = String.raw`
/** W.flat = src[index]: positions into src for every entry of W, built once per block pair. */
function gatherIndex(e) {
  const zero = e.srcLength - 1;
  const index = new Int32Array(e.rows * e.cols).fill(zero);
  for (const b of e.blocks) {
    b.outIndices.forEach((outIdx, o) => {
      b.inIndices.forEach((inIdx, i) => {
        const pair = o * b.inIndices.length + i;
        for (let a = 0; a < b.m; a++) {
          for (let c = 0; c < b.n; c++) {
            const pos = b.pos[a * b.n + c];
            index[outIdx[a] * e.cols + inIdx[c]] = pos >= 0 ? b.base + pair * b.stride + pos : zero;
          }
        }
      });
    });
  }
  return index;
}

/** Seeded uniform [0, 1) (mulberry32) and standard normal (Box-Muller) generators. */
function rng(seed) {
  let s = seed >>> 0;
  const uniform = () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const normal = () => Math.sqrt(-2 * Math.log(1 - uniform())) * Math.cos(2 * Math.PI * uniform());
  return { uniform, normal };
}

const matmul = (a, b) => a.map((row) => b[0].map((_, j) => row.reduce((s, v, k) => s + v * b[k][j], 0)));
const eye = (n) => Array.from({ length: n }, (_, i) => Array.from({ length: n }, (_, j) => (i === j ? 1 : 0)));

function dense([rows, cols, vals], n) {
  const out = Array.from({ length: n }, () => new Array(n).fill(0));
  rows.forEach((r, k) => (out[r][cols[k]] = vals[k]));
  return out;
}

/** exp(a) in float64 by scaling and squaring a Taylor series (small matrices only). */
function expm(a) {
  const norm = Math.max(0, ...a.map((row) => row.reduce((s, v) => s + Math.abs(v), 0)));
  const s = norm > 0.5 ? Math.ceil(Math.log2(norm)) + 1 : 0;
  const scaled = a.map((row) => row.map((v) => v / 2 ** s));
  let result = eye(a.length);
  let term = eye(a.length);
  for (let k = 1; k < 20; k++) {
    term = matmul(term, scaled).map((row) => row.map((v) => v / k));
    result = result.map((row, i) => row.map((v, j) => v + term[i][j]));
  }
  for (let k = 0; k < s; k++) result = matmul(result, result);
  return result;
}

/**
 * A random group element g = exp(sum_k t_k A_k) * h_i1 ... h_iL, t_k ~ N(0, scale^2), as the
 * float64 matrices of every summand type of the in and out reps.
 * @param {{ uniform(): number, normal(): number }} random
 * @returns {{ in: number[][][], out: number[][][] }}
 */
export function randomElement(random, scale = 0.2, word = 6) {
  const action = DATA.action;
  const t = Array.from({ length: action.lie }, () => random.normal() * scale);
  const length = action.discrete > 0 ? 1 + Math.floor(random.uniform() * word) : 0;
  const letters = Array.from({ length }, () => Math.floor(random.uniform() * action.discrete));
  const mats = (side) =>
    action[side].types.map((ty) => {
      let g = eye(ty.dim);
      if (action.lie > 0) {
        const algebra = ty.lie.reduce((acc, coo, k) => {
          const m = dense(coo, ty.dim);
          return acc.map((row, i) => row.map((v, j) => v + t[k] * m[i][j]));
        }, eye(ty.dim).map((row) => row.map(() => 0)));
        g = expm(algebra);
      }
      for (const i of letters) g = matmul(g, dense(ty.discrete[i], ty.dim));
      return g;
    });
  return { in: mats('in'), out: mats('out') };
}

/** rho(g) x for rows x (number[][] of length dim each), summand instance by summand instance. */
export function act(side, mats, x) {
  return x.map((row) => {
    const y = new Array(row.length).fill(0);
    for (const inst of DATA.action[side].instances) {
      const m = mats[inst.type];
      inst.indices.forEach((r, a) => {
        let s = 0;
        inst.indices.forEach((c, b) => (s += m[a][b] * row[c]));
        y[r] = s;
      });
    }
    return y;
  });
}

/**
 * Checks layer.apply(rho_in(g) x) = rho_out(g) layer.apply(x) on random g; returns the worst
 * relative error and throws above tol.
 * @param {EquivariantLinear} layer
 * @param {{ trials?: number, tol?: number, seed?: number }} [options]
 * @returns {number}
 */
export function selfTest(layer, options = {}) {
  const { trials = 5, tol = 1e-5, seed = 0 } = options;
  const random = rng(seed);
  let worst = 0;
  for (let trial = 0; trial < trials; trial++) {
    const g = randomElement(random);
    const x = Array.from({ length: 7 }, () => Array.from({ length: layer.inFeatures }, () => random.normal()));
    const run = (rows) => tf.tidy(() => layer.apply(tf.tensor2d(rows)).arraySync());
    const lhs = run(act('in', g.in, x));
    const rhs = act('out', g.out, run(x));
    let num = 0;
    let den = 0;
    lhs.forEach((row, i) => row.forEach((v, j) => ((num += (v - rhs[i][j]) ** 2), (den += rhs[i][j] ** 2))));
    worst = Math.max(worst, Math.sqrt(num) / Math.max(Math.sqrt(den), 1e-30));
  }
  if (worst > tol) throw new Error('equivariance error ' + worst + ' > ' + tol);
  return worst;
}
`;
