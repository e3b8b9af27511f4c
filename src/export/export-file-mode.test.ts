// An export holds the tenant's configuration: its file is readable by its owner only, whatever the umask.
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { runExport, type ExportIo } from './run-export.ts';

let folder: string;
let previousUmask: number;
beforeEach(async () => {
  folder = await mkdtemp(join(tmpdir(), 'export-mode-'));
  previousUmask = process.umask(0o022); // the usual default, which made files 0644
});
afterEach(async () => {
  process.umask(previousUmask);
  await rm(folder, { recursive: true, force: true });
});

it.each(['json', 'csv'])('writes the %s file 0600', async (format) => {
  const io: ExportIo = {
    env: {},
    stdout: { write: () => true },
    stderr: { write: () => true },
    cwd: folder,
    sandboxOptions: { clients: 3, seed: 7 },
  };
  expect(await runExport(['--format', format, '--out', `out.${format}`], io)).toBe(0);
  const { mode } = await stat(join(folder, `out.${format}`));
  expect((mode & 0o777).toString(8)).toBe('600');
});
