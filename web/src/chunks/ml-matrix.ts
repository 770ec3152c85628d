/**
 * The ml-matrix chunk: loaded into the worker only for float problems (irrational generators, or
 * a forced float strategy), which use its SVD (src/linalg/svd.ts). See chunks/mathjs.ts.
 */
export * from 'ml-matrix';
