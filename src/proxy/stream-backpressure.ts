// The inventory stream's flow control: the fan-out waits while the reader's queue is full, and a reader that
// takes nothing for too long (a tab frozen in the background, a script that never reads) stops its run, so that
// nobody can make the server fetch and hold a whole tenant for a socket that does not drain.
export interface StreamGate {
  /** Resolves when the queue has room again; rejects (and calls onStalled) after the stall bound. */
  wait(): Promise<void>;
  /** The reader pulled: wake the waiters. */
  pulled(): void;
  close(): void;
}

export function streamGate(options: {
  desiredSize: () => number | null;
  stalledAfterMs: number;
  onStalled: () => void;
}): StreamGate {
  let waiters: (() => void)[] = [];
  let timer: ReturnType<typeof setTimeout> | undefined;
  const wake = () => {
    if (timer !== undefined) clearTimeout(timer);
    timer = undefined;
    const woken = waiters;
    waiters = [];
    for (const resolve of woken) resolve();
  };
  return {
    wait: () => {
      const room = options.desiredSize();
      if (room === null || room > 0) return Promise.resolve();
      timer ??= setTimeout(() => {
        timer = undefined;
        options.onStalled();
        wake();
      }, options.stalledAfterMs);
      return new Promise<void>((resolve) => waiters.push(resolve));
    },
    pulled: () => {
      const room = options.desiredSize();
      if (room === null || room > 0) wake();
    },
    close: wake,
  };
}
