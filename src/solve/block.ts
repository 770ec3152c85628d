/**
 * What a solved block holds, counted without materialising it: a diagram block (symbolic) keeps
 * its rows unexpanded until read, so rank and size questions go through these.
 */
import type { BlockBasis } from './strategy.js';

/**
 * Number of basis elements of a block, without materialising a symbolic one.
 *
 * @example
 * blockRank(basis.blocks[0]) // 15 for S(5) tensor2
 */
export function blockRank(b: Pick<BlockBasis<unknown>, 'elements' | 'diagrams'>): number {
  return b.diagrams ? b.diagrams.elements.length : b.elements.rows;
}

/**
 * Stored entries of a block's rows: exact when materialised (or cheap to), otherwise the
 * materialisation estimate (an upper bound for non-orbit diagram bases).
 *
 * @example
 * blockEntries(basis.blocks[0]) // 625 for S(5) tensor2
 */
export function blockEntries(b: Pick<BlockBasis<unknown>, 'elements' | 'materialisation'>): number {
  return b.materialisation && !b.materialisation.cheap ? b.materialisation.entries : b.elements.colIdx.length;
}

/**
 * Whether reading `elements` is free or cheap: always for materialised strategies, for a diagram
 * block when it is small (see diagram/materialise.ts).
 *
 * @example
 * isCheap(basis.blocks[0]) // true for S(5) tensor2, false for O(3) T(5)
 */
export function isCheap(b: Pick<BlockBasis<unknown>, 'materialisation'>): boolean {
  return b.materialisation === undefined || b.materialisation.cheap;
}
