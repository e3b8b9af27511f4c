// The progress line on stderr: rewritten in place on a terminal, at most one line every few seconds in a log
// (a scheduler's output file should not fill with thousands of updates).
export interface ProgressStream {
  write(text: string): unknown;
  isTTY?: boolean;
}

export interface ExportProgress {
  update(done: number, total: number | null, failed: number): void;
  /** Ends the progress line, then writes a line of its own. */
  line(text: string): void;
}

const terminalIntervalMs = 100;
const logIntervalMs = 5_000;

function count(value: number): string {
  return value.toLocaleString('en-US');
}

export function createExportProgress(stream: ProgressStream, now: () => number = Date.now): ExportProgress {
  const terminal = stream.isTTY === true;
  let lastWrite = Number.NEGATIVE_INFINITY;
  let pending = false;
  return {
    update(done, total, failed) {
      const finished = total !== null && done >= total;
      if (!finished && now() - lastWrite < (terminal ? terminalIntervalMs : logIntervalMs)) return;
      lastWrite = now();
      const failedText = failed > 0 ? `, ${count(failed)} failed` : '';
      const text = `Reading client details: ${count(done)} of ${total === null ? '?' : count(total)}${failedText}`;
      if (terminal) {
        stream.write(`\r\u001b[2K${text}`);
        pending = true;
      } else {
        stream.write(`${text}\n`);
      }
    },
    line(text) {
      if (pending) stream.write('\n');
      pending = false;
      stream.write(`${text}\n`);
    },
  };
}
