import { describe, expect, it } from 'vitest';
import { SessionStore } from './session-store.ts';
import { TokenSource } from './token-source.ts';

const connection = {
  identityDomain: 'http://127.0.0.1:1',
  customerId: '01000000-0000-3000-9000-000000000000',
  clientId: 'id',
  clientSecret: 'secret',
};

function tokens() {
  return new TokenSource(() => Promise.reject(new Error('not used')));
}

describe('SessionStore', () => {
  it('creates 256-bit random ids and finds sessions by them only', () => {
    const store = new SessionStore({ idleTtlMs: 60_000, maxSessions: 10 });
    const session = store.create(connection, tokens());
    expect(session.id).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(store.get(session.id)).toBe(session);
    // One character changed (the last one is one of 16 values, so a fixed replacement could equal it).
    expect(store.get(`${session.id.slice(0, 42)}${session.id.endsWith('A') ? 'B' : 'A'}`)).toBeUndefined();
    expect(store.get('../../etc')).toBeUndefined();
    expect(store.get(undefined)).toBeUndefined();
    expect(new Set(Array.from({ length: 100 }, () => store.create(connection, tokens()).id)).size).toBe(100);
  });

  it('forgets idle sessions and aborts their work', () => {
    let now = 0;
    const store = new SessionStore({ idleTtlMs: 1000, maxSessions: 10, now: () => now });
    const active = store.create(connection, tokens());
    const idle = store.create(connection, tokens());
    now = 800;
    store.get(active.id);
    now = 1500;
    expect(store.sweep()).toBe(1);
    expect(idle.lifetime.signal.aborted).toBe(true);
    expect(store.get(active.id)).toBe(active);
    now = 3000;
    expect(store.get(active.id)).toBeUndefined();
    expect(store.size).toBe(0);
  });

  it('evicts the least recently used session beyond the cap', () => {
    const store = new SessionStore({ idleTtlMs: 60_000, maxSessions: 3 });
    const [a, b, c] = [
      store.create(connection, tokens()),
      store.create(connection, tokens()),
      store.create(connection, tokens()),
    ];
    store.get(a.id);
    const d = store.create(connection, tokens());
    expect(store.size).toBe(3);
    expect(store.get(b.id)).toBeUndefined();
    expect(b.lifetime.signal.aborted).toBe(true);
    for (const kept of [a, c, d]) expect(store.get(kept.id)).toBe(kept);
  });

  it('stays bounded through 1,000 creations', () => {
    const store = new SessionStore({ idleTtlMs: 60_000, maxSessions: 50 });
    for (let index = 0; index < 1000; index += 1) store.create(connection, tokens());
    expect(store.size).toBe(50);
  });
});
