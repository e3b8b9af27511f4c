import { describe, expect, it } from 'vitest';
import type { TokenGrant } from './token-exchange.ts';
import { refreshMarginMs, TokenSource } from './token-source.ts';

function grant(token: string, issuedAt: number, lifetimeMs = 3_600_000): TokenGrant {
  return { accessToken: token, expiresAt: issuedAt + lifetimeMs, lifetimeMs, scope: '*:config/**' };
}

describe('TokenSource', () => {
  it('shares one exchange among concurrent callers (single flight)', async () => {
    let exchanges = 0;
    let release: (value: TokenGrant) => void = () => undefined;
    const source = new TokenSource(() => {
      exchanges += 1;
      return new Promise((resolve) => (release = resolve));
    });
    const callers = Array.from({ length: 50 }, () => source.get());
    release(grant('t1', Date.now()));
    const tokens = await Promise.all(callers);
    expect(exchanges).toBe(1);
    expect(new Set(tokens.map((token) => token.accessToken))).toEqual(new Set(['t1']));
  });

  it('renews shortly before expiry, not after', async () => {
    let now = 0;
    let counter = 0;
    const source = new TokenSource(() => Promise.resolve(grant(`t${++counter}`, now, 1000)), {
      now: () => now,
    });
    expect((await source.get()).accessToken).toBe('t1');
    now = 850;
    expect((await source.get()).accessToken).toBe('t1');
    now = 901; // inside the 100 ms margin of a 1 s token
    expect((await source.get()).accessToken).toBe('t2');
    expect(refreshMarginMs(3_600_000)).toBe(60_000);
  });

  it('re-exchanges once after a refusal, however many requests were refused with the same token', async () => {
    let counter = 0;
    const source = new TokenSource(() => Promise.resolve(grant(`t${++counter}`, Date.now())));
    const first = await source.get();
    for (let index = 0; index < 20; index += 1) source.invalidate(first.accessToken);
    const renewed = await Promise.all(Array.from({ length: 20 }, () => source.get()));
    expect(counter).toBe(2);
    // A late refusal of the old token does not throw away the new one.
    source.invalidate(first.accessToken);
    expect((await source.get()).accessToken).toBe(renewed[0]?.accessToken);
    expect(counter).toBe(2);
  });

  it('treats a refusal of the token exchanged after a refusal as a permission refusal (no exchange storm)', async () => {
    let now = 0;
    let counter = 0;
    const source = new TokenSource(() => Promise.resolve(grant(`t${++counter}`, now)), { now: () => now });
    const first = await source.get();
    expect(source.invalidate(first.accessToken)).toBe(true); // maybe expired: exchange once
    const second = await source.get();
    expect(source.invalidate(second.accessToken)).toBe(false); // refused again at once: a narrow scope
    expect((await source.get()).accessToken).toBe('t2');
    now += 61_000; // a minute later, a refusal may mean expiry or revocation again
    expect(source.invalidate(second.accessToken)).toBe(true);
    expect((await source.get()).accessToken).toBe('t3');
    expect(counter).toBe(3);
  });

  it('does not cache a failed exchange', async () => {
    let attempts = 0;
    const source = new TokenSource(() => {
      attempts += 1;
      return attempts === 1 ? Promise.reject(new Error('down')) : Promise.resolve(grant('ok', Date.now()));
    });
    await expect(source.get()).rejects.toThrow('down');
    expect((await source.get()).accessToken).toBe('ok');
  });
});
