import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { analyseBundle } from './bundle-size.ts';

const folders: string[] = [];
afterEach(() => {
  for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true });
});

function fakeBuild(files: Record<string, string>): string {
  const dist = mkdtempSync(join(tmpdir(), 'bundle-size-'));
  folders.push(dist);
  mkdirSync(join(dist, 'assets'));
  for (const [name, content] of Object.entries(files)) writeFileSync(join(dist, name), content);
  return dist;
}

const html = `<!doctype html><html><head>
<script type="module" crossorigin src="/assets/index-a1.js"></script>
<link rel="modulepreload" crossorigin href="/assets/vendor-b2.js">
</head><body></body></html>`;

describe('analyseBundle', () => {
  it('counts the entry, its preloads and their static imports as initial, and nothing loaded by import()', () => {
    const dist = fakeBuild({
      'index.html': html,
      'assets/index-a1.js': `import{t as e}from"./vendor-b2.js";import"./polyfill-c3.js";const r=()=>import("./route-d4.js");`,
      'assets/vendor-b2.js': `export{x as t}from"./shared-e5.js";`,
      'assets/shared-e5.js': 'export const x=1;',
      'assets/polyfill-c3.js': 'globalThis.p=1;',
      'assets/route-d4.js': `import{t}from"./vendor-b2.js";import("./grid-f6.js");`,
      'assets/grid-f6.js': `const c="MuiDataGrid-root";${'x'.repeat(5000)}`,
    });
    const report = analyseBundle(dist);

    expect(report.initial.map((chunk) => chunk.file)).toEqual([
      'assets/index-a1.js',
      'assets/vendor-b2.js',
      'assets/polyfill-c3.js',
      'assets/shared-e5.js',
    ]);
    expect(report.lazy.map((chunk) => chunk.file).sort()).toEqual([
      'assets/grid-f6.js',
      'assets/route-d4.js',
    ]);
    expect(report.gridChunks).toEqual(['assets/grid-f6.js']);
    expect(report.gridIsLazy).toBe(true);
    expect(report.initialGzipBytes).toBe(report.initial.reduce((sum, chunk) => sum + chunk.gzipBytes, 0));
    // The repeated filler compresses well: gzip sizes are real compressions, not raw sizes.
    const grid = report.lazy.find((chunk) => chunk.file === 'assets/grid-f6.js');
    expect(grid?.bytes).toBeGreaterThan(5000);
    expect(grid?.gzipBytes).toBeLessThan(200);
  });

  it('reports a grid imported statically by the entry as not lazy', () => {
    const dist = fakeBuild({
      'index.html': html,
      'assets/index-a1.js': 'import"./vendor-b2.js";',
      'assets/vendor-b2.js': 'const c="MuiDataGrid-root";',
    });
    const report = analyseBundle(dist);
    expect(report.gridChunks).toEqual(['assets/vendor-b2.js']);
    expect(report.gridIsLazy).toBe(false);
  });

  it('fails clearly on an index.html without a module script', () => {
    const dist = fakeBuild({ 'index.html': '<html></html>' });
    expect(() => analyseBundle(dist)).toThrow(/no module script/);
  });
});
