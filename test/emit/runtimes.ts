/**
 * Locating the runtimes that generated layers are run with. In CI (process.env.CI set) a missing
 * runtime fails the run; locally the tests skip with a loud warning.
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { beforeEach, describe } from 'vitest';
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

/** The one command that installs every runtime the tests use (README's test section names it). */
export const INSTALL_RUNTIMES = 'for s in .ci/setup.d/*.sh; do bash "$s"; done';

/** Returns true when the runtime is there; otherwise throws in CI, or warns loudly and returns false. */
export function requireRuntime(name: string, present: boolean): boolean {
  if (present) return true;
  if (process.env.CI) throw new Error(`${missing(name)}; CI must have every runtime`);
  console.warn(`\n!!!!!!!!!! SKIPPING: ${missing(name)} !!!!!!!!!!\n`);
  return false;
}

function missing(name: string): string {
  return `${name} is not installed (install every runtime with: ${INSTALL_RUNTIMES})`;
}

/**
 * A suite that needs a runtime. Without it (outside CI) its tests are still registered and each
 * is skipped with the reason, so the run's closing line counts them as skipped instead of
 * dropping them ("0 test"). Hooks in `body` must return early when `present` is false.
 */
export function describeWithRuntime(name: string, runtime: string, present: boolean, body: () => void): void {
  describe(name, () => {
    if (!present) beforeEach((ctx) => ctx.skip(missing(runtime)));
    body();
  });
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
