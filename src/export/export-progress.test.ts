import { describe, expect, it } from 'vitest';
import { createExportProgress } from './export-progress.ts';

function recorder(isTTY: boolean) {
  const writes: string[] = [];
  return { stream: { isTTY, write: (text: string) => writes.push(text) }, writes };
}

describe('createExportProgress', () => {
  it('rewrites one line in place on a terminal, then ends it before a message', () => {
    const { stream, writes } = recorder(true);
    let clock = 0;
    const progress = createExportProgress(stream, () => clock);
    progress.update(0, 1000, 0);
    clock = 50;
    progress.update(10, 1000, 0);
    clock = 200;
    progress.update(412, 1000, 3);
    progress.line('Done.');
    expect(writes).toEqual([
      '\r\u001b[2KReading client details: 0 of 1,000',
      '\r\u001b[2KReading client details: 412 of 1,000, 3 failed',
      '\n',
      'Done.\n',
    ]);
  });

  it('writes whole lines, at most every 5 s, in a log, and always the last one', () => {
    const { stream, writes } = recorder(false);
    let clock = 0;
    const progress = createExportProgress(stream, () => clock);
    progress.update(0, 3, 0);
    clock = 1_000;
    progress.update(1, 3, 0);
    clock = 2_000;
    progress.update(3, 3, 0);
    expect(writes).toEqual(['Reading client details: 0 of 3\n', 'Reading client details: 3 of 3\n']);
  });
});
