import { describe, expect, it } from 'vitest';
import { fanOutBoundMs, median, percentile, round } from './stats.ts';

describe('median', () => {
  it('takes the middle value of an odd count and the mean of the two middle values of an even count', () => {
    expect(median([5, 1, 3])).toBe(3);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([7])).toBe(7);
  });

  it('is NaN without values and leaves its input unsorted', () => {
    expect(median([])).toBeNaN();
    const values = [3, 1, 2];
    median(values);
    expect(values).toEqual([3, 1, 2]);
  });
});

describe('percentile', () => {
  const hundred = Array.from({ length: 100 }, (_, index) => 100 - index);

  it('uses the nearest rank', () => {
    expect(percentile(hundred, 50)).toBe(50);
    expect(percentile(hundred, 99)).toBe(99);
    expect(percentile(hundred, 100)).toBe(100);
    expect(percentile(hundred, 0)).toBe(1);
    expect(percentile([10, 20, 30], 50)).toBe(20);
  });

  it('refuses a percentile outside 0..100', () => {
    expect(() => percentile([1], 101)).toThrow(RangeError);
  });
});

describe('fanOutBoundMs', () => {
  it('counts the list request and rounds the round trips up', () => {
    expect(fanOutBoundMs(1000, 16, 50)).toBe(63 * 50);
    expect(fanOutBoundMs(100, 16, 50)).toBe(7 * 50);
    expect(fanOutBoundMs(10_000, 16, 50)).toBe(626 * 50);
    expect(fanOutBoundMs(15, 16, 50)).toBe(50);
  });
});

describe('round', () => {
  it('rounds to the given decimals', () => {
    expect(round(1.2345, 2)).toBe(1.23);
    expect(round(2.5)).toBe(3);
    expect(round(Number.NaN, 2)).toBeNaN();
  });
});
