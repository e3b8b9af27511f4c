import { act, renderHook } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { useThrottledValue } from './use-throttled-value.ts';

describe('useThrottledValue', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('shows the latest value at most once per interval while throttling, and every value otherwise', () => {
    const { result, rerender } = renderHook(
      ({ value, throttling }) => useThrottledValue(value, 1000, throttling),
      { initialProps: { value: 1, throttling: true } },
    );
    act(() => {
      vi.advanceTimersByTime(0);
    });
    expect(result.current).toBe(1);

    for (const value of [2, 3, 4]) {
      rerender({ value, throttling: true });
      act(() => {
        vi.advanceTimersByTime(100);
      });
    }
    expect(result.current).toBe(1);
    act(() => {
      vi.advanceTimersByTime(700);
    });
    expect(result.current).toBe(4);

    rerender({ value: 5, throttling: true });
    act(() => {
      vi.advanceTimersByTime(500);
    });
    expect(result.current).toBe(4);

    rerender({ value: 6, throttling: false });
    expect(result.current).toBe(6);
  });
});
