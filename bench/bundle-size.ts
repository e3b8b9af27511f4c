// The JavaScript a first visit costs: index.html's entry script and everything it imports statically (what Vite
// also lists as modulepreload links), gzipped as a server would send it; every other chunk is lazy, loaded by a
// route or a component when needed. Read from the built app (dist/), so it is deterministic: the budget test
// (e2e/bundle-budget.spec.ts) and the benchmark share it.
import { readdirSync, readFileSync } from 'node:fs';
import { join, posix } from 'node:path';
import { gzipSync } from 'node:zlib';

/** The first page's budget, in kB of 1,000 bytes (as Vite reports sizes). */
export const initialJsBudgetKb = 150;

/** A string only MUI X DataGrid's code carries: where it is, the grid is. */
const dataGridMarker = 'MuiDataGrid';

export interface ChunkSize {
  /** Path under the build folder, e.g. `assets/index-B9reVCxb.js`. */
  file: string;
  bytes: number;
  gzipBytes: number;
}

export interface BundleReport {
  /** The entry and its static imports, entry first. */
  initial: ChunkSize[];
  initialGzipBytes: number;
  /** Every other JavaScript chunk, largest first. */
  lazy: ChunkSize[];
  /** Chunks holding DataGrid code. */
  gridChunks: string[];
  gridIsLazy: boolean;
}

const scriptSrc = /<script\b[^>]*\btype="module"[^>]*\bsrc="([^"]+)"/g;
const modulePreloadHref = /<link\b[^>]*\brel="modulepreload"[^>]*\bhref="([^"]+)"/g;
// Static `import … from "./x.js"`, `import "./x.js"` and `export … from "./x.js"` (never `import("./x.js")`).
const staticImport = /\b(?:import|export)\s*(?:[\w$*{}\s,]+?\s*from\s*)?["'](\.{1,2}\/[^"']+\.js)["']/g;

function matches(pattern: RegExp, text: string): string[] {
  return [...text.matchAll(pattern)].map((match) => match[1] ?? '').filter((value) => value !== '');
}

/** `/assets/x.js` (from index.html) → `assets/x.js`. */
function fromRoot(href: string): string {
  return href.replace(/^\//, '').split(/[?#]/)[0] ?? '';
}

function sizeOf(distDir: string, file: string): ChunkSize {
  const content = readFileSync(join(distDir, file));
  return { file, bytes: content.length, gzipBytes: gzipSync(content).length };
}

export function analyseBundle(distDir: string): BundleReport {
  const html = readFileSync(join(distDir, 'index.html'), 'utf8');
  const entries = matches(scriptSrc, html).map(fromRoot);
  if (entries.length === 0) throw new Error(`${join(distDir, 'index.html')} has no module script.`);

  // The static import closure, starting at the entries and the preloads Vite put in index.html.
  const initial: string[] = [];
  const pending = [...entries, ...matches(modulePreloadHref, html).map(fromRoot)];
  while (pending.length > 0) {
    const file = pending.shift() ?? '';
    if (initial.includes(file) || !file.endsWith('.js')) continue;
    initial.push(file);
    const code = readFileSync(join(distDir, file), 'utf8');
    for (const imported of matches(staticImport, code)) {
      pending.push(posix.normalize(posix.join(posix.dirname(file), imported)));
    }
  }

  const allScripts = readdirSync(join(distDir, 'assets'))
    .filter((name) => name.endsWith('.js'))
    .map((name) => `assets/${name}`);
  const initialSizes = initial.map((file) => sizeOf(distDir, file));
  const lazy = allScripts
    .filter((file) => !initial.includes(file))
    .map((file) => sizeOf(distDir, file))
    .sort((a, b) => b.gzipBytes - a.gzipBytes);
  const gridChunks = allScripts.filter((file) =>
    readFileSync(join(distDir, file), 'utf8').includes(dataGridMarker),
  );
  return {
    initial: initialSizes,
    initialGzipBytes: initialSizes.reduce((sum, chunk) => sum + chunk.gzipBytes, 0),
    lazy,
    gridChunks,
    gridIsLazy: gridChunks.length > 0 && gridChunks.every((file) => !initial.includes(file)),
  };
}

export function kilobytes(bytes: number): number {
  return Math.round(bytes / 100) / 10;
}
