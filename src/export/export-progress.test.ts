import { describe, expect, it } from 'vitest';
import { createExportProgress } from './export-progress.ts';

/** A progress on a recorded stream, updated at each `[clock ms, done, total, failed]` in turn. */
function progressAfter(isTTY: boolean, updates: [number, number, number, number][]) {
  const writes: string[] = [];
  let clock = 0;
  const progress = createExportProgress({ isTTY, write: (text: string) => writes.push(text) }, () => clock);
  for (const [at, done, total, failed] of updates) {
    clock = at;
    progress.update(done, total, failed);
  }
  return { progress, writes };
}

describe('createExportProgress', () => {
  it('rewrites one line in place on a terminal, then ends it before a message', () => {
    const { progress, writes } = progressAfter(true, [
      [0, 0, 1000, 0],
      [50, 10, 1000, 0],
      [200, 412, 1000, 3],
    ]);
    progress.line('Done.');
    expect(writes).toEqual([
      '\r\u001b[2KReading client details: 0 of 1,000',
      '\r\u001b[2KReading client details: 412 of 1,000, 3 failed',
      '\n',
      'Done.\n',
    ]);
  });

  it('writes whole lines, at most every 5 s, in a log, and always the last one', () => {
    const { writes } = progressAfter(false, [
      [0, 0, 3, 0],
      [1_000, 1, 3, 0],
      [2_000, 3, 3, 0],
    ]);
    expect(writes).toEqual(['Reading client details: 0 of 3\n', 'Reading client details: 3 of 3\n']);
  });
});
