// Rebuilds when any input (file or folder, recursively) is newer than the oldest output, or an output is missing.
// Shared by `npm start` (scripts/start.mjs) and the server-side programs (scripts/run-server.mjs).
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

export const root = new URL('..', import.meta.url).pathname;

function newestMtime(path) {
  const full = join(root, path);
  if (!existsSync(full)) return 0;
  const stat = statSync(full);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(0, ...readdirSync(full).map((entry) => newestMtime(join(path, entry))));
}

export function isStale(inputs, outputs) {
  const builtAt = Math.min(
    ...outputs.map((path) => (existsSync(join(root, path)) ? statSync(join(root, path)).mtimeMs : 0)),
  );
  return builtAt < Math.max(...inputs.map(newestMtime));
}

/** Runs `command args` in the repository when stale; exits the process with the build's code on failure. */
export function buildIfStale({ inputs, outputs, command, args, message }) {
  if (!isStale(inputs, outputs)) return;
  console.error(message);
  const build = spawnSync(command, args, { cwd: root, stdio: ['ignore', 'inherit', 'inherit'] });
  if (build.status !== 0) process.exit(build.status ?? 1);
}
