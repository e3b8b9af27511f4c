import { useEffect, useRef, useState } from 'react';

/**
 * `value`, updated at most once per `intervalMs` while `throttling` (the latest value each time), and at once
 * otherwise. For what is costly to draw and changes with every publish of a streaming inventory (a chart), while
 * the text beside it follows every publish.
 */
export function useThrottledValue<Value>(value: Value, intervalMs: number, throttling: boolean): Value {
  const [shown, setShown] = useState(value);
  const shownAt = useRef(Number.NEGATIVE_INFINITY);
  useEffect(() => {
    if (!throttling) return;
    const wait = Math.max(0, shownAt.current + intervalMs - performance.now());
    const timer = setTimeout(() => {
      shownAt.current = performance.now();
      setShown(value);
    }, wait);
    return () => {
      clearTimeout(timer);
    };
  }, [value, intervalMs, throttling]);
  return throttling ? shown : value;
}
