// The browser scenarios measure the built app: build it (the app only, never dist-server/, which holds the
// running benchmark) when a source is newer than dist/index.html.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const appInputs = ['src', 'public', 'index.html', 'vite.config.ts', 'package-lock.json'];

function newestMtime(path: string): number {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(0, ...readdirSync(path).map((entry) => newestMtime(join(path, entry))));
}

export function appBuildIsStale(root: string): boolean {
  const index = join(root, 'dist', 'index.html');
  if (!existsSync(index)) return true;
  return statSync(index).mtimeMs < Math.max(...appInputs.map((input) => newestMtime(join(root, input))));
}

/** Builds dist/ when stale; returns whether it built. Throws when the build fails. */
export function ensureAppBuild(
  root: string = resolve('.'),
  log: (line: string) => void = console.error,
): boolean {
  if (!appBuildIsStale(root)) return false;
  log('Building the app (dist/ is older than its sources)…');
  const build = spawnSync(
    process.execPath,
    [join(root, 'node_modules/vite/bin/vite.js'), 'build', '--logLevel', 'warn'],
    {
      cwd: root,
      stdio: ['ignore', 'inherit', 'inherit'],
    },
  );
  if (build.status !== 0) throw new Error(`The app build failed (exit code ${build.status}).`);
  return true;
}

/**
 * A private copy of dist/ for the duration of the run: the browser scenarios must not see a build that someone
 * (an `npm test` in the same working tree) replaces halfway through.
 */
export function snapshotAppBuild(root: string = resolve('.')): { dir: string; remove: () => void } {
  const dir = mkdtempSync(join(tmpdir(), 'idc-bench-dist-'));
  cpSync(join(root, 'dist'), dir, { recursive: true });
  return {
    dir,
    remove: () => {
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
