// `vite build`: a brotli (.br) and a gzip (.gz) copy beside every text file of the build, compressed once at their
// strongest settings, so that the server sends them by `Accept-Encoding` without compressing per request.
import { readdir, readFile, stat, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';
import type { Plugin } from 'vite';

const brotli = promisify(brotliCompress);
const gzipAsync = promisify(gzip);

const textFile = /\.(?:js|mjs|css|html|svg|json|txt|map|webmanifest)$/i;
/** Smaller files gain almost nothing, and an extra file to look up. */
const minimumBytes = 1024;

async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true });
  const nested = await Promise.all(
    entries.map((entry) => {
      const path = join(dir, entry.name);
      return entry.isDirectory() ? filesUnder(path) : Promise.resolve([path]);
    }),
  );
  return nested.flat();
}

/** Writes `<file>.br` and `<file>.gz` for every compressible file of `dir` when the copy is smaller. */
export async function precompressDirectory(dir: string): Promise<{ files: number }> {
  const files = (await filesUnder(dir)).filter((file) => textFile.test(file));
  let written = 0;
  for (const file of files) {
    if ((await stat(file)).size < minimumBytes) continue;
    const content = await readFile(file);
    const [br, gz] = await Promise.all([
      brotli(content, {
        params: {
          [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY,
          [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT,
          [constants.BROTLI_PARAM_SIZE_HINT]: content.byteLength,
        },
      }),
      gzipAsync(content, { level: constants.Z_BEST_COMPRESSION }),
    ]);
    if (br.byteLength < content.byteLength) await writeFile(`${file}.br`, br);
    if (gz.byteLength < content.byteLength) await writeFile(`${file}.gz`, gz);
    written += 1;
  }
  return { files: written };
}

export function precompressPlugin(): Plugin {
  let outDir = 'dist';
  return {
    name: 'idc-precompress',
    apply: 'build',
    configResolved(config) {
      // An absolute --outDir stays as given; a relative one is under the project root.
      outDir = resolve(config.root, config.build.outDir);
    },
    async closeBundle() {
      await precompressDirectory(outDir);
    },
  };
}
