// Reads the runners' JSON reports and prints "N passed, N failed"; exits 1 when nothing ran or anything failed.
import { existsSync, readFileSync } from 'node:fs';

const elapsedSeconds = process.argv[2] ?? '?';
let passed = 0;
let failed = 0;
const missing = [];

function read(path) {
  if (!existsSync(path)) {
    missing.push(path);
    return undefined;
  }
  return JSON.parse(readFileSync(path, 'utf8'));
}

const vitest = read('reports/vitest.json');
if (vitest) {
  passed += vitest.numPassedTests;
  failed += vitest.numFailedTests;
  console.log(`vitest: ${vitest.numPassedTests} passed, ${vitest.numFailedTests} failed`);
}

const playwright = read('reports/playwright.json');
if (playwright) {
  const { expected = 0, unexpected = 0, flaky = 0 } = playwright.stats ?? {};
  passed += expected + flaky;
  failed += unexpected;
  console.log(
    `playwright: ${expected + flaky} passed, ${unexpected} failed${flaky ? ` (${flaky} flaky)` : ''}`,
  );
}

for (const path of missing) console.log(`missing report: ${path} (that runner did not finish)`);
console.log(`${passed} passed, ${failed} failed (npm test took ${elapsedSeconds} s)`);
process.exit(failed > 0 || passed === 0 || missing.length > 0 ? 1 : 0);
