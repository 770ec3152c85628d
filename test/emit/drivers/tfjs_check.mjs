// Runs generated TensorFlow.js layers for real: reads [{name, file}] as JSON on stdin, prints one
// JSON result per case. One Node process for all cases.
import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import * as tf from '@tensorflow/tfjs';

async function check(c) {
  const mod = await import(pathToFileURL(c.file).href);
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
  return { name: c.name, ok: true, paramCount, shape: y.shape, gradNorm, equivarianceError, outputVariance: total / inits };
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
