// Runs npm scripts at the same time and fails when any of them fails: `tsc -b` and ESLint each use one core, so on
// a two-core machine they take as long together as the slower alone. Each script's output is held back and printed
// in one block when it ends, so that two tools' lines never interleave.
import { spawn } from 'node:child_process';

const scripts = process.argv.slice(2);
if (scripts.length === 0) {
  console.error('usage: node scripts/run-side-by-side.mjs <npm script> [<npm script> …]');
  process.exit(2);
}

function run(script) {
  const started = Date.now();
  return new Promise((resolve) => {
    const child = spawn('npm', ['run', '--silent', script], { stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk.toString()));
    child.stderr.on('data', (chunk) => (output += chunk.toString()));
    const finish = (passed, detail) => {
      const seconds = ((Date.now() - started) / 1000).toFixed(0);
      const body = output.trimEnd();
      process.stdout.write(
        `── npm run ${script}: ${passed ? 'passed' : `FAILED (${detail})`} in ${seconds} s\n${body === '' ? '' : `${body}\n`}`,
      );
      resolve(passed);
    };
    child.on('error', (error) => finish(false, error.message));
    child.on('close', (code, signal) => finish(code === 0, signal ?? `exit code ${String(code)}`));
  });
}

const results = await Promise.all(scripts.map(run));
process.exit(results.every(Boolean) ? 0 : 1);
