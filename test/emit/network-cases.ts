/**
 * The networks every runtime test generates and runs: small widths, two blocks, one case per group
 * family the issue names — O(n), SO(n), the Lorentz groups (discrete parity and time reversal in
 * O(1,3)), Sp(n), S(n), A(n), Z(n), the cube group, a custom group, products (a point cloud under
 * SO(3) x S(4)), GL(n) (V* not isomorphic to V), one without bilinear layers and one given hidden
 * reps explicitly, per layer.
 */
import { readFileSync } from 'node:fs';
import { networkParameters, type NetworkBases } from '../../src/basis.js';
import { solveNetwork, type NetworkRequest } from '../../src/network.js';
import { root } from './runtimes.js';

export interface NetworkCase {
  readonly name: string;
  readonly request: NetworkRequest;
}

const customCube = JSON.parse(readFileSync(`${root}/examples/cube-rotations.json`, 'utf8')) as unknown;

export const NETWORK_CASES: readonly NetworkCase[] = [
  { name: 'o5_synthetic', request: { group: 'O(5)', in: '2V', out: 'scalar', hidden: 48, layers: 2 } },
  { name: 'o3_inertia', request: { group: 'O(3)', in: '5*scalar+5V', out: 'V⊗V', hidden: 40, layers: 2 } },
  { name: 'so3_vectors', request: { group: 'SO(3)', in: '2V', out: 'V', hidden: 32, layers: 2 } },
  { name: 'o13_particles', request: { group: 'O(1,3)', in: '4V', out: 'scalar', hidden: 48, layers: 2 } },
  { name: 'so13p_tensor', request: { group: 'SO+(1,3)', in: 'V+scalar', out: 'V⊗V', hidden: 40, layers: 2 } },
  { name: 'sp2_vector', request: { group: 'Sp(2)', in: '2V', out: 'V', hidden: 40, layers: 2 } },
  { name: 's5_set', request: { group: 'S(5)', in: 'V', out: 'scalar+V', hidden: 40, layers: 2 } },
  { name: 'a5_set', request: { group: 'A(5)', in: 'V', out: 'V', hidden: 32, layers: 2 } },
  { name: 'z6_cyclic', request: { group: 'Z(6)', in: 'V', out: 'V', hidden: 32, layers: 2 } },
  { name: 'cube_faces', request: { group: 'Cube', in: 'V', out: 'scalar', hidden: 32, layers: 2 } },
  { name: 'custom_cube_rotations', request: { group: 'cube-rotations.json', in: 'V', out: 'V', hidden: 32, layers: 2, readFile: () => JSON.stringify(customCube) } },
  { name: 'so3_points', request: { group: 'SO(3) x S(4)', in: 'V1⊗V2', out: 'V1', hidden: 48, layers: 2 } },
  { name: 'gl3_dual', request: { group: 'GL(3)', in: 'V+V*', out: 'V⊗V*', hidden: 48, layers: 2 } },
  // Without bilinear layers a gated network cannot form invariants of V (its gates see only scalars):
  // a scalar input keeps every parameter in use.
  { name: 'o3_no_bilinear', request: { group: 'O(3)', in: 'scalar+V', out: 'V', hidden: 32, layers: 2, bilinear: false } },
  { name: 'o3_explicit_reps', request: { group: 'O(3)', in: 'V', out: 'V', hidden: ['8*scalar+2V+V⊗V', '4*scalar+3V'] } },
];

export interface PreparedNetwork extends NetworkCase {
  readonly net: NetworkBases;
  readonly params: number;
}

/** Solves each case once, with the expected parameter count. */
export function prepareNetworks(): PreparedNetwork[] {
  return NETWORK_CASES.map((c) => {
    const net = solveNetwork(c.request);
    return { ...c, net, params: networkParameters(net) };
  });
}
