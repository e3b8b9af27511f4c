import { expect, it } from 'vitest';
import { rendererMainThreadCpuMs } from './main-thread-cpu.ts';

it('sums the thread time of top-level tasks on renderer main threads only', () => {
  const trace = {
    traceEvents: [
      { ph: 'M', name: 'thread_name', pid: 1, tid: 10, args: { name: 'CrRendererMain' } },
      { ph: 'M', name: 'thread_name', pid: 2, tid: 20, args: { name: 'CrBrowserMain' } },
      { ph: 'X', name: 'ThreadControllerImpl::RunTask', pid: 1, tid: 10, tdur: 12_500 },
      { ph: 'X', name: 'ThreadControllerImpl::RunTask', pid: 1, tid: 10, tdur: 7_500 },
      // Another thread of the renderer, the browser's main thread, and an event without thread time.
      { ph: 'X', name: 'ThreadControllerImpl::RunTask', pid: 1, tid: 11, tdur: 50_000 },
      { ph: 'X', name: 'ThreadControllerImpl::RunTask', pid: 2, tid: 20, tdur: 90_000 },
      { ph: 'X', name: 'ThreadControllerImpl::RunTask', pid: 1, tid: 10 },
      { ph: 'X', name: 'Receive mojo message', pid: 1, tid: 10, tdur: 3_000 },
    ],
  };
  expect(rendererMainThreadCpuMs(trace)).toBe(20);
});
