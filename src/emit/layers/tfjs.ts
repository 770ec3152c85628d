/**
 * TensorFlow.js code generation: an ES module (`@tensorflow/tfjs` only) exporting a class whose θ
 * and bias are `tf.Variable`s and whose basis lives in non-trainable tensors, with JSDoc types so
 * TypeScript (allowJs / checkJs) sees the API, and a self-test of its equivariance.
 */
import type { LayerBases } from '../../basis.js';
import { SpecError } from '../../errors.js';
import type { Expansion, LayerData } from './data.js';
import { checkedLayerData, type LayerEmitOptions } from './size.js';
import { dataLiteral, headerLines, list } from './header.js';
import { HELPERS } from './templates/tfjs.js';

function constantLines(name: string, e: Expansion): string[] {
  const out = [`    this.${name}Index = tf.tensor1d(gatherIndex(DATA.${name}), 'int32');`];
  e.blocks.forEach((b, t) => {
    if (b.form === 'sparse') {
      out.push(`    this.${name}Rows${t} = tf.tensor1d(${list(b.cooRows!)}, 'int32');`);
      out.push(`    this.${name}Cols${t} = tf.tensor1d(${list(b.cooCols!)}, 'int32');`);
      out.push(`    this.${name}Vals${t} = tf.tensor1d(${list(b.cooValues!)}, 'float32');`);
    } else if (b.form === 'dense') {
      out.push(`    this.${name}Dense${t} = tf.tensor2d(${list(b.dense!)}, [${b.r}, ${b.m * b.n}], 'float32');`);
    }
  });
  return out;
}

/**
 * src = concat(p, −p, E_t…, 0) then one gather (see data.ts). A sparse block is a
 * segment sum over its COO entries for all instance pairs at once; a dense block one matmul.
 */
function expandMethod(name: string, variable: string, e: Expansion): string[] {
  const parts = ['p'];
  if (e.negate) parts.push('tf.neg(p)');
  e.blocks.forEach((b, t) => {
    if (b.form === 'gather') return;
    const pairs = b.outIndices.length * b.inIndices.length;
    const slice = `tf.slice(p, [${b.paramOffset}], [${pairs * b.r}]).reshape([${pairs}, ${b.r}])`;
    if (b.form === 'sparse') {
      parts.push(
        `tf.transpose(tf.unsortedSegmentSum(tf.transpose(tf.mul(tf.gather(${slice}, this.${name}Rows${t}, 1), this.${name}Vals${t})), this.${name}Cols${t}, ${b.m * b.n})).reshape([-1])`,
      );
    } else {
      parts.push(`tf.matMul(${slice}, this.${name}Dense${t}).reshape([-1])`);
    }
  });
  if (e.zeroSlot) parts.push('tf.zeros([1])');
  const src = parts.length === 1 ? parts[0]! : `tf.concat([\n        ${parts.join(',\n        ')},\n      ])`;
  const shape = name === 'weight' ? `[${e.rows}, ${e.cols}]` : `[${e.rows}]`;
  return [
    `  /** The expanded ${name === 'weight' ? 'W, shape [dim_out, dim_in]' : 'bias, shape [dim_out]'}. @returns {tf.Tensor} */`,
    `  expand${name === 'weight' ? 'Weight' : 'Bias'}() {`,
    '    return tf.tidy(() => {',
    `      const p = this.${variable};`,
    `      const src = ${src};`,
    `      return tf.gather(src, this.${name}Index).reshape(${shape});`,
    '    });',
    '  }',
  ];
}

function classCode(d: LayerData): string[] {
  const hasBias = d.bias.size > 0;
  return [
    `/** W x + b with W in Hom_G(${d.inRep}, ${d.outRep}) and b invariant; input [..., ${d.dimIn}] -> [..., ${d.dimOut}]. */`,
    'export class EquivariantLinear {',
    '  /** @param {{ seed?: number }} [options] seed of the initialisation (any integer; random when absent) */',
    '  constructor(options = {}) {',
    `    this.inFeatures = ${d.dimIn};`,
    `    this.outFeatures = ${d.dimOut};`,
    // The file's own generator, not tf.randomNormal's seed: TF.js takes seed 0 for "no seed".
    '    const random = rng(options.seed ?? Math.floor(Math.random() * 4294967296));',
    '    /** @type {tf.Variable} */',
    // tf.variable keeps its initial tensor alive as a second handle: build both in a tidy so that
    // only the variable survives (dispose() then frees everything).
    `    this.theta = tf.tidy(() => tf.variable(tf.tensor1d(Array.from({ length: ${d.weight.size} }, () => INIT_STD * random.normal()), 'float32')));`,
    '    /** @type {tf.Variable | null} */',
    hasBias ? `    this.bias = tf.tidy(() => tf.variable(tf.zeros([${d.bias.size}])));` : '    this.bias = null;',
    ...constantLines('weight', d.weight),
    ...(hasBias ? constantLines('bias', d.bias) : []),
    '  }',
    '',
    '  /** The trainable variables (theta, then bias when there is one). @returns {tf.Variable[]} */',
    '  get trainableVariables() {',
    '    return this.bias === null ? [this.theta] : [this.theta, this.bias];',
    '  }',
    '',
    ...expandMethod('weight', 'theta', d.weight),
    '',
    ...(hasBias ? [...expandMethod('bias', 'bias', d.bias), ''] : []),
    '  /** @param {tf.Tensor} x shape [..., dim_in] @returns {tf.Tensor} shape [..., dim_out] */',
    '  apply(x) {',
    '    return tf.tidy(() => {',
    `      const flat = tf.reshape(x, [-1, ${d.dimIn}]);`,
    `      let y = tf.matMul(flat, this.expandWeight(), false, true);`,
    ...(hasBias ? ['      y = tf.add(y, this.expandBias());'] : []),
    `      return tf.reshape(y, [...x.shape.slice(0, -1), ${d.dimOut}]);`,
    '    });',
    '  }',
    '',
    '  /** Frees every tensor and variable of the layer. */',
    '  dispose() {',
    '    for (const v of Object.values(this)) if (v instanceof tf.Tensor) v.dispose();',
    '  }',
    '}',
  ];
}

/**
 * The TensorFlow.js ES module for a basis.
 *
 * @example
 * const text = emitTfjs(solveLayer({ group: 'S(5)', in: 'V**2' }));
 * text.includes('export class EquivariantLinear') // true
 */
export function emitTfjs(layer: LayerBases, options: LayerEmitOptions = {}): string {
  if (layer.weight.field.complex) {
    // TF.js's CPU backend has complex64 tensors but no complex matMul or gather, and no gradient
    // for tf.real (checked with @tensorflow/tfjs 4): a complex layer there would need a design of
    // its own in real arithmetic, not a dtype flag.
    throw new SpecError('E_OPTION', 'TF.js layers for complex groups are not supported; use --format pytorch or jax', {
      path: '--format',
      expected: `pytorch or jax for the complex group ${layer.weight.group.name}`,
      actual: 'tfjs',
      hint: 'the PyTorch and JAX layers are complex (complex64) for U(n) and SU(n); --format json gives the basis to any framework',
    });
  }
  const d = checkedLayerData(layer, 'tfjs', options);
  return [
    '/**',
    ...headerLines(d, 'tfjs', 'selfTest()').map((l) => (l === '' ? ' *' : ` * ${l}`)),
    ' *',
    ' * An ES module (depends on @tensorflow/tfjs only). Usage:',
    " *   import { EquivariantLinear, selfTest } from './layer.js';",
    ` *   const layer = new EquivariantLinear({ seed: 0 });   // layer.trainableVariables: ${d.bias.size > 0 ? 'theta, bias' : 'theta (out has no invariants: no bias)'}`,
    ' *   const y = layer.apply(x);                          // x: [..., dim_in]',
    ' *   selfTest(layer);                                   // throws if not equivariant',
    ' */',
    "import * as tf from '@tensorflow/tfjs';",
    '',
    `export const INIT_STD = ${d.initStd};`,
    `const DATA = ${dataLiteral(d)};`,
    HELPERS,
    ...classCode(d),
    '',
  ].join('\n');
}
