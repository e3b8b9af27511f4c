// `npm start`: build the app and the server when the sources are newer than the build, then serve.
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { buildIfStale, root } from './build-if-stale.mjs';

buildIfStale({
  inputs: ['src', 'public', 'index.html', 'package-lock.json', 'vite.config.ts', 'vite.server.config.ts'],
  outputs: ['dist/index.html', 'dist-server/server.js'],
  command: 'npm',
  args: ['run', '--silent', 'build'],
  message: 'Building the dashboard (sources changed since the last build)…',
});

const server = spawn(
  process.execPath,
  ['--enable-source-maps', join(root, 'dist-server/server.js'), ...process.argv.slice(2)],
  {
    cwd: root,
    stdio: 'inherit',
  },
);
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => server.kill(signal));
server.on('exit', (code) => process.exit(code ?? 0));
