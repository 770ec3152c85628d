// Runs generated TensorFlow.js layers for real: reads [{name, file}] as JSON on stdin, prints one
// JSON result per case. One Node process for all cases.
import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import * as tf from '@tensorflow/tfjs';

/** The header's own usage: a seed gives the same θ every time (seed 0 included); dispose frees all. */
function lifecycle(mod) {
  const variablesBefore = Object.keys(tf.engine().registeredVariables).length;
  const probe = new mod.EquivariantLinear({ seed: 1 });
  const newVariables = Object.keys(tf.engine().registeredVariables).length - variablesBefore;
  const trainable = probe.trainableVariables.filter((v) => v.trainable).length;
  probe.dispose();
  const before = tf.memory().numTensors;
  const thetas = [0, 0, 7, 7].map((seed) => {
    const layer = new mod.EquivariantLinear({ seed });
    const theta = Array.from(layer.theta.dataSync());
    layer.dispose();
    return theta;
  });
  const same = (a, b) => a.length === b.length && a.every((v, i) => v === b[i]);
  return {
    seedZeroRepeats: same(thetas[0], thetas[1]),
    seedSevenRepeats: same(thetas[2], thetas[3]),
    seedsDiffer: !same(thetas[0], thetas[2]),
    leakedTensors: tf.memory().numTensors - before,
    newVariables,
    trainable,
  };
}

async function check(c) {
  const mod = await import(pathToFileURL(c.file).href);
  const life = lifecycle(mod);
  const layer = new mod.EquivariantLinear({ seed: 0 });
  layer.trainableVariables.forEach((v, i) => v.assign(tf.randomNormal(v.shape, 0, 1, 'float32', 10 + i)));
  const paramCount = layer.trainableVariables.reduce((s, v) => s + v.size, 0);
  const x = tf.randomNormal([4, 3, layer.inFeatures], 0, 1, 'float32', 1);
  const y = layer.apply(x);
  const { grads } = tf.variableGrads(() => tf.sum(tf.square(layer.apply(x))), layer.trainableVariables);
  const gradNorm = tf.norm(grads[layer.theta.name]).arraySync();
  const equivarianceError = mod.selfTest(layer, { trials: 5, tol: 1e-5 });
  const xs = tf.randomNormal([256, layer.inFeatures], 0, 1, 'float32', 2);
  let total = 0;
  const inits = 100;
  for (let i = 0; i < inits; i++) {
    const fresh = new mod.EquivariantLinear({ seed: 100 + i });
    total += tf.tidy(() => tf.mean(tf.square(fresh.apply(xs))).arraySync());
    fresh.dispose();
  }
  return { name: c.name, ok: true, ...life, paramCount, shape: y.shape, gradNorm, equivarianceError, outputVariance: total / inits };
}

const cases = JSON.parse(readFileSync(0, 'utf8'));
const results = [];
for (const c of cases) {
  try {
    results.push(await check(c));
  } catch (e) {
    results.push({ name: c.name, ok: false, error: String(e && e.stack ? e.stack : e) });
  }
}
process.stdout.write(JSON.stringify(results));
