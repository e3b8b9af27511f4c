import { describe, expect, it } from 'vitest';
import { slugOf, uniqueNames, uniqueSlugs } from './target-names.ts';

describe('target names', () => {
  it('slugs are lower-case ASCII, hyphenated, bounded, never empty', () => {
    expect(slugOf('Zürich Bürgerportal · 日本語')).toBe('zurich-burgerportal');
    expect(slugOf('<script>alert("x")</script>')).toBe('script-alert-x-script');
    expect(slugOf('日本語')).toBe('client');
    expect(slugOf('a'.repeat(100))).toHaveLength(48);
  });

  it('colliding slugs all get a suffix from their own id, whatever the order', () => {
    const clients = [
      { clientId: 'AAAA1111-x', name: 'Shop' },
      { clientId: 'bbbb2222-y', name: 'shop!' },
      { clientId: 'cccc', name: 'Other' },
    ];
    const forward = uniqueSlugs(clients);
    expect([...forward.values()]).toEqual(['shop-aaaa1111', 'shop-bbbb2222', 'other']);
    expect(uniqueSlugs([...clients].reverse())).toEqual(forward);
  });

  it('ids sharing a prefix still get distinct slugs', () => {
    const slugs = uniqueSlugs([
      { clientId: '12345678-aaaa', name: 'Same' },
      { clientId: '12345678-bbbb', name: 'Same' },
    ]);
    expect(new Set(slugs.values()).size).toBe(2);
  });

  it('names are cleaned of forbidden characters and made unique', () => {
    const names = uniqueNames(
      [
        { clientId: 'a1', name: '<b>Shop</b>' },
        { clientId: 'b2', name: 'b Shop /b' },
      ],
      /[<>]/g,
    );
    expect([...names.values()]).toEqual(['b Shop /b (a1)', 'b Shop /b (b2)']);
  });
});
