import { describe, expect, it } from 'vitest';
import { hiddenRep } from '../../src/rep/hidden.js';
import { baseOf, dual, printRep, repDim, tensor, V } from '../../src/rep/rep.js';

const dimOf = (rep: ReturnType<typeof hiddenRep>, base: number, factors: number[] = []): number => repDim(rep, base, factors);

describe('hiddenRep: a channel count as a hidden rep', () => {
  it('splits the channels evenly by dimension over scalars, vectors and rank-2 tensors', () => {
    const o5 = hiddenRep(384, [{ rep: V, dim: 5 }]);
    expect(printRep(o5)).toBe('128*scalar+26V+5V⊗V');
    expect(dimOf(o5, 5)).toBe(383);
    expect(printRep(hiddenRep(384, [{ rep: V, dim: 3 }]))).toBe('128*scalar+43V+14V⊗V');
  });

  it('drops a type larger than its share and gives its share to the others of its rank', () => {
    // S(20): V⊗V has 400 coordinates, more than the 128 that rank 2 gets.
    expect(printRep(hiddenRep(384, [{ rep: V, dim: 20 }]))).toBe('192*scalar+10V');
    // A point cloud: V2⊗V2 (dim 100) does not fit, V1⊗V1 and V1⊗V2 share rank 2.
    const cloud = hiddenRep(384, [{ rep: baseOf(1), dim: 3 }, { rep: baseOf(2), dim: 10 }]);
    expect(printRep(cloud)).toBe('128*scalar+21V1+6V2+7V1⊗V1+2V1⊗V2');
    expect(Math.abs(dimOf(cloud, 13, [3, 10]) - 384)).toBeLessThan(15);
  });

  it('uses duals as separate atoms when it is given them (SL(n), GL(n))', () => {
    const gl = hiddenRep(96, [{ rep: V, dim: 3 }, { rep: dual(V), dim: 3 }]);
    expect(printRep(gl)).toBe('32*scalar+5V+5V*+V⊗V+V⊗V*+V*⊗V*');
  });

  it('never drops a required type (the network input and output summands), which joins its rank', () => {
    const cloud = hiddenRep(96, [{ rep: baseOf(1), dim: 3 }, { rep: baseOf(2), dim: 4 }], [{ rep: tensor([baseOf(1), baseOf(2)]), dim: 12, rank: 2 }]);
    expect(printRep(cloud)).toBe('32*scalar+5V1+4V2+2V1⊗V1+V1⊗V2');
    expect(printRep(hiddenRep(4, [{ rep: V, dim: 5 }], [{ rep: V, dim: 5, rank: 1 }]))).toBe('2*scalar+V');
  });

  it('is scalars only when no tensor fits, and deterministic', () => {
    expect(printRep(hiddenRep(4, [{ rep: V, dim: 5 }]))).toBe('4*scalar');
    expect(printRep(hiddenRep(200, [{ rep: V, dim: 4 }]))).toBe(printRep(hiddenRep(200, [{ rep: V, dim: 4 }])));
  });
});
