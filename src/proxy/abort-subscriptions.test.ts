import { describe, expect, it } from 'vitest';
import { onAbort } from './abort-subscriptions.ts';

describe('onAbort', () => {
  it('calls every subscriber once when the signal aborts, and none that unsubscribed', () => {
    const controller = new AbortController();
    const calls: string[] = [];
    onAbort(controller.signal, () => calls.push('a'));
    const unsubscribeB = onAbort(controller.signal, () => calls.push('b'));
    const shared = () => calls.push('c');
    onAbort(controller.signal, shared);
    const unsubscribeSecondC = onAbort(controller.signal, shared);
    unsubscribeB();
    unsubscribeSecondC();
    unsubscribeSecondC();
    controller.abort();
    controller.abort();
    expect(calls).toEqual(['a', 'c']);
  });

  it('keeps one listener on the signal however many subscribe', () => {
    const controller = new AbortController();
    let added = 0;
    const add = controller.signal.addEventListener.bind(controller.signal);
    controller.signal.addEventListener = (...args: Parameters<typeof add>) => {
      added += 1;
      add(...args);
    };
    const unsubscriptions = Array.from({ length: 1_000 }, () => onAbort(controller.signal, () => undefined));
    for (const unsubscribe of unsubscriptions) unsubscribe();
    let called = false;
    onAbort(controller.signal, () => (called = true));
    controller.abort();
    expect(added).toBe(1);
    expect(called).toBe(true);
  });

  it('still calls the others when one throws', async () => {
    const controller = new AbortController();
    const calls: number[] = [];
    const reported = new Promise<unknown>((resolve) => process.once('uncaughtException', resolve));
    onAbort(controller.signal, () => {
      throw new Error('first');
    });
    onAbort(controller.signal, () => calls.push(2));
    controller.abort();
    expect(calls).toEqual([2]);
    expect(await reported).toMatchObject({ message: 'first' });
  });
});
