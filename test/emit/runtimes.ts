/**
 * Locating the runtimes that generated layers are run with. In CI (process.env.CI set) a missing
 * runtime fails the run; locally the tests skip with a loud warning.
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

export const root = new URL('../../', import.meta.url).pathname;

function imports(python: string, module: string): boolean {
  if (!existsSync(python)) return false;
  try {
    execFileSync(python, ['-c', `import ${module}`], { stdio: 'pipe', timeout: 120_000 });
    return true;
  } catch {
    return false;
  }
}

/**
 * The first interpreter that can import `module`: $SOLVE_BASIS_PYTHON, the repo's .venv (JAX), the
 * Debian system Python (python3-torch installs for /usr/bin/python3, not for a pyenv python3).
 */
export function findPython(module: string): string | null {
  const candidates = [process.env.SOLVE_BASIS_PYTHON, join(root, '.venv', 'bin', 'python'), '/usr/bin/python3'];
  for (const c of candidates) if (c && imports(c, module)) return c;
  return null;
}

/** Returns true when the runtime is there; otherwise throws in CI, or warns loudly and returns false. */
export function requireRuntime(name: string, present: boolean): boolean {
  if (present) return true;
  const message = `${name} is not installed: the generated-layer tests for it cannot run (see .ci/setup.d/)`;
  if (process.env.CI) throw new Error(`${message}; CI must have every runtime`);
  console.warn(`\n!!!!!!!!!! SKIPPING: ${message} !!!!!!!!!!\n`);
  return false;
}

/**
 * A PyTorch 2.x interpreter (torch.compile, torch.export): $SOLVE_BASIS_TORCH2_PYTHON, or the
 * repo's .venv-torch2 (.ci/setup.d/42-torch2.sh). Debian's python3-torch is 1.13 and does not count.
 */
export function findTorch2(): string | null {
  const candidates = [process.env.SOLVE_BASIS_TORCH2_PYTHON, join(root, '.venv-torch2', 'bin', 'python')];
  for (const c of candidates) if (c && imports(c, 'torch; assert int(torch.__version__.split(".")[0]) >= 2')) return c;
  return null;
}
