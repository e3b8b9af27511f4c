// `node scripts/run-server.mjs <name> [...args]`: rebuild the server bundle when the sources are newer, then run
// dist-server/<name>.js with the args, forwarding signals and the exit code (npm run sandbox | export | migrate | bench).
import { spawn } from 'node:child_process';
import { constants } from 'node:os';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { buildIfStale, root } from './build-if-stale.mjs';

const [name, ...args] = process.argv.slice(2);
if (!name || !/^[a-z][a-z0-9-]*$/.test(name)) {
  console.error('Usage: node scripts/run-server.mjs <name> [...args]   (runs dist-server/<name>.js)');
  process.exit(2);
}

const entry = join('dist-server', `${name}.js`);
buildIfStale({
  inputs: ['src', 'bench', 'package-lock.json', 'vite.server.config.ts'],
  outputs: [entry],
  command: process.execPath,
  args: [
    join(root, 'node_modules/vite/bin/vite.js'),
    'build',
    '--config',
    'vite.server.config.ts',
    '--logLevel',
    'warn',
  ],
  message: `Building the server bundle (sources changed since the last build of ${entry})…`,
});
if (!existsSync(join(root, entry))) {
  console.error(`${entry} was not built: is "${name}" an input of vite.server.config.ts?`);
  process.exit(2);
}

const child = spawn(process.execPath, ['--enable-source-maps', join(root, entry), ...args], {
  cwd: root,
  stdio: 'inherit',
});
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
  process.on(signal, () => {
    child.kill(signal);
  });
}
// A child killed by a signal exits like a shell reports it: 128 + the signal's number.
child.on('exit', (code, signal) => {
  process.exit(signal ? 128 + (constants.signals[signal] ?? 0) : (code ?? 0));
});
