import { describe, expect, it } from 'vitest';
import { networkSize } from '../../src/emit/networks/size.js';
import { emitJaxNetwork } from '../../src/emit/networks/jax.js';
import { emitPyTorchNetwork } from '../../src/emit/networks/pytorch.js';
import { networkParameters } from '../../src/basis.js';
import { solveNetwork } from '../../src/network.js';

describe('generated network size guard', () => {
  const net = solveNetwork({ group: 'O(3)', in: 'V', out: 'scalar', hidden: 64, layers: 2 });

  it('counts the same parameters as the network', () => {
    expect(networkSize(net, 'pytorch').parameters).toBe(networkParameters(net));
  });

  it('refuses a network whose runtime would exceed --max-memory, with E_TOO_LARGE, before writing', () => {
    for (const emit of [emitPyTorchNetwork, emitJaxNetwork]) {
      expect(() => emit(net, { maxMemoryBytes: 100_000 })).toThrow(expect.objectContaining({ code: 'E_TOO_LARGE', hint: expect.stringMatching(/--hidden/) }));
    }
    expect(emitPyTorchNetwork(net, { maxMemoryBytes: 2 ** 30 })).toContain('class EquivariantNetwork');
  });
});
