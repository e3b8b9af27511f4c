import { describe, expect, it } from 'vitest';
import { formatCount, formatDuration, formatRelativeTime, pluralize } from './format.ts';

describe('formatting', () => {
  it('counts with thousands separators and plurals', () => {
    expect(formatCount(10000)).toBe('10,000');
    expect(pluralize(1, 'client')).toBe('1 client');
    expect(pluralize(2, 'client')).toBe('2 clients');
    expect(pluralize(1000, 'policy', 'policies')).toBe('1,000 policies');
  });

  it('turns token lifetimes into human units', () => {
    expect(formatDuration(3600)).toBe('1 hour');
    expect(formatDuration(60)).toBe('1 minute');
    expect(formatDuration(7776000)).toBe('90 days');
    expect(formatDuration(5400)).toBe('1 hour 30 minutes');
    expect(formatDuration(31557600)).toBe('1 year');
    expect(formatDuration(0)).toBe('0 seconds');
  });

  it('says how far away an expiry is', () => {
    const now = new Date('2024-01-01T00:00:00Z');
    expect(formatRelativeTime(new Date('2024-01-01T00:58:00Z'), now)).toBe('in 58 minutes');
    expect(formatRelativeTime(new Date('2023-12-31T23:58:00Z'), now)).toBe('2 minutes ago');
  });
});
