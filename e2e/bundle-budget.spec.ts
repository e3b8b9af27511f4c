// The bundle budget, enforced on every build: the JavaScript of the first page (index.html's entry and its
// static imports, gzipped) stays within 150 kB, and the data grid, the heaviest dependency, is in a lazy chunk.
// Reads dist/ (built by `npm run test:e2e` before Playwright starts); no browser needed.
import { resolve } from 'node:path';
import { expect, test } from '@playwright/test';
import { analyseBundle, initialJsBudgetKb, kilobytes } from '../bench/bundle-size.ts';

test('the first page loads at most 150 kB of gzipped JavaScript, the grid only when needed', () => {
  const report = analyseBundle(resolve('dist'));
  const listing = report.initial.map((chunk) => `${chunk.file} ${kilobytes(chunk.gzipBytes)} kB`).join(', ');

  expect(
    kilobytes(report.initialGzipBytes),
    `initial JavaScript (gzip): ${listing}; budget ${initialJsBudgetKb} kB`,
  ).toBeLessThanOrEqual(initialJsBudgetKb);
  expect(report.gridChunks, 'a chunk holds the data grid').not.toEqual([]);
  expect(report.gridIsLazy, `the data grid (${report.gridChunks.join(', ')}) is loaded lazily`).toBe(true);
});
