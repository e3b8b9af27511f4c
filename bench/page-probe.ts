// Timing inside the page, where the user sees it: performance.now() (whose origin is the navigation start),
// MutationObserver to know when the DOM changed, and the frame after the last change (requestAnimationFrame, then
// a message: the callback runs once that frame's style, layout and paint are done) to know when it was painted.
//
// Plain JavaScript injected with addInitScript: the Node-side TypeScript project has no DOM types, and this code
// runs in the page anyway. It installs `window.__benchProbe`:
// - load timings: `namesPaintedAt` (the first client name painted, in the grid or in the preview shown while
//   the grid loads), `donePaintedAt` (the grid showing, the "Loading client details" progress bar gone, every
//   row's details in, the inventory stream ended);
// - `arm(eventType)` before an interaction and `settled(quietMs)` after it: from the input event's timestamp to
//   the frame after the grid's DOM stopped changing.
export const pageProbeScript = String.raw`
(() => {
  if (window.__benchProbe) return;
  const afterNextPaint = (callback) =>
    requestAnimationFrame(() => {
      const channel = new MessageChannel();
      channel.port1.onmessage = () => callback(performance.now());
      channel.port2.postMessage(null);
    });
  const probe = {
    namesAt: null,
    namesPaintedAt: null,
    progressSeen: false,
    inventoryEndedAt: null,
    doneAt: null,
    donePaintedAt: null,
    current: null,
  };
  window.__benchProbe = probe;

  const nameCell = '[role="grid"] [role="row"][data-id] [data-field="name"]';
  // The names the page shows while the grid's own chunk still loads (clients-grid-preview.tsx).
  const previewName = '[aria-busy="true"] table tbody a';
  const detailsBar = '[role="progressbar"][aria-label="Loading client details"]';
  const listBar = '[role="progressbar"][aria-label="Loading the client list"]';
  // Done: names on screen, no progress bar, and either the details bar came and went or the stream has ended
  // (on a slow machine the stream may end before the page ever rendered the bar).
  const checkDone = () => {
    if (probe.doneAt !== null || probe.namesAt === null || document.querySelector(nameCell) === null) return;
    if (document.querySelector(detailsBar) !== null || document.querySelector(listBar) !== null) return;
    if (!probe.progressSeen && probe.inventoryEndedAt === null) return;
    probe.doneAt = performance.now();
    load.disconnect();
    afterNextPaint((time) => (probe.donePaintedAt = time));
  };
  const load = new MutationObserver(() => {
    if (probe.namesAt === null) {
      const cell = document.querySelector(nameCell) ?? document.querySelector(previewName);
      if (cell !== null && cell.textContent.trim() !== '') {
        probe.namesAt = performance.now();
        afterNextPaint((time) => (probe.namesPaintedAt = time));
      }
    }
    if (document.querySelector(detailsBar) !== null) probe.progressSeen = true;
    checkDone();
  });
  // A resource timing entry is added when a response's body has been read to its end.
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) {
      if (new URL(entry.name).pathname === '/api/inventory') probe.inventoryEndedAt = entry.responseEnd;
    }
    checkDone();
  }).observe({ type: 'resource', buffered: true });
  load.observe(document, { childList: true, subtree: true, characterData: true });

  probe.arm = (eventType) => {
    const grid = document.querySelector('[role="grid"]');
    if (grid === null) throw new Error('No grid on the page.');
    const state = { start: null, lastMutation: null, lastPaint: null, mutations: 0, observer: null };
    document.addEventListener(eventType, (event) => (state.start = event.timeStamp), { capture: true, once: true });
    state.observer = new MutationObserver(() => {
      state.mutations += 1;
      const at = performance.now();
      state.lastMutation = at;
      afterNextPaint((time) => {
        if (state.lastMutation === at) state.lastPaint = time;
      });
    });
    state.observer.observe(grid, { childList: true, subtree: true, characterData: true, attributes: true });
    probe.current = state;
  };

  probe.settled = (quietMs) =>
    new Promise((resolve) => {
      const state = probe.current;
      const begun = performance.now();
      const check = () => {
        const now = performance.now();
        // Quiet: no change for quietMs (since the start when nothing changed), and the last change painted.
        const quiet =
          now - (state.lastMutation ?? begun) >= quietMs &&
          (state.lastMutation === null || state.lastPaint !== null);
        if (quiet || now - begun > 10000) {
          state.observer.disconnect();
          resolve({
            ms: state.start === null || state.lastPaint === null ? null : state.lastPaint - state.start,
            mutations: state.mutations,
          });
          return;
        }
        setTimeout(check, 10);
      };
      check();
    });
})();
`;

export interface LoadTimings {
  namesPaintedAt: number | null;
  donePaintedAt: number | null;
  progressSeen: boolean;
}

export interface Settled {
  /** From the input event to the frame after the grid's last DOM change; null when nothing changed. */
  ms: number | null;
  mutations: number;
}

/** Polls an expression in the page until it is truthy (waitForFunction's string form is refused by the app's CSP). */
export async function waitInPage(
  page: { evaluate: (expression: string) => Promise<unknown> },
  expression: string,
  timeoutMs: number,
): Promise<void> {
  const deadline = performance.now() + timeoutMs;
  while (!(await page.evaluate(expression))) {
    if (performance.now() > deadline) {
      const probe = JSON.stringify(await page.evaluate('window.__benchProbe'));
      const text = String(await page.evaluate('document.body.innerText.slice(0, 400)'));
      throw new Error(
        `Timed out after ${timeoutMs} ms waiting for ${expression}. Probe: ${probe}. Page: ${text.replace(/\s+/g, ' ')}`,
      );
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
