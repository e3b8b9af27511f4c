// CPU time of the page's main thread (Chromium's CrRendererMain) during an action, from a trace: unlike wall-clock
// time it hardly depends on what else the machine is doing, so it tells whether the page's own work fits a budget
// on a machine busy with other programs.
import type { Browser, Page } from '@playwright/test';

interface TraceEvent {
  ph: string;
  name: string;
  pid: number;
  tid: number;
  tdur?: number;
  args?: { name?: string };
}

/** Sums the thread time of the renderer main threads' top-level tasks in a Chromium trace. */
export function rendererMainThreadCpuMs(trace: { traceEvents: TraceEvent[] }): number {
  const mainThreads = new Set(
    trace.traceEvents
      .filter(
        (event) => event.ph === 'M' && event.name === 'thread_name' && event.args?.name === 'CrRendererMain',
      )
      .map((event) => `${event.pid}:${event.tid}`),
  );
  let micros = 0;
  for (const event of trace.traceEvents) {
    if (event.ph !== 'X' || event.name !== 'ThreadControllerImpl::RunTask') continue;
    if (mainThreads.has(`${event.pid}:${event.tid}`)) micros += event.tdur ?? 0;
  }
  return micros / 1000;
}

export async function measureMainThreadCpu<T>(
  browser: Browser,
  page: Page,
  action: () => Promise<T>,
): Promise<{ value: T; cpuMs: number }> {
  await browser.startTracing(page, { categories: ['toplevel', '__metadata'] });
  let value: T;
  try {
    value = await action();
  } catch (error) {
    // Stop anyway, so that a failed action does not leave tracing on for the next one.
    await browser.stopTracing();
    throw error;
  }
  const buffer = await browser.stopTracing();
  return {
    value,
    cpuMs: rendererMainThreadCpuMs(JSON.parse(buffer.toString()) as { traceEvents: TraceEvent[] }),
  };
}
