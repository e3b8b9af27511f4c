// The access log on both engines: what is recorded comes back newest first, filtered by person and kind.
import { describe, expect, it } from 'vitest';
import { listActivity, recordActivity } from './activity-repository.ts';
import { freshStorePerTest, testEngines } from './test-stores.ts';

describe.each(testEngines())('activity on %s', (engine) => {
  const fresh = freshStorePerTest(engine);

  it('lists events newest first, filtered by person and by kind', async () => {
    const at = (second: number) => new Date(Date.UTC(2026, 11, 1, 9, 0, second));
    await recordActivity(fresh.store, { kind: 'sign-in', user: 'alice', address: '10.0.0.1', at: at(1) });
    await recordActivity(fresh.store, {
      kind: 'connection',
      user: 'alice',
      address: '10.0.0.1',
      tenant: 'https://v1.api.us.janrain.com/abc',
      at: at(2),
    });
    await recordActivity(fresh.store, {
      kind: 'refusal',
      user: null,
      address: '10.0.0.9',
      detail: 'not allowed',
      at: at(3),
    });
    await recordActivity(fresh.store, { kind: 'sign-in', user: 'bob', address: '10.0.0.2', at: at(4) });

    const all = await listActivity(fresh.store, { limit: 10 });
    expect(all.map((event) => [event.kind, event.user])).toEqual([
      ['sign-in', 'bob'],
      ['refusal', null],
      ['connection', 'alice'],
      ['sign-in', 'alice'],
    ]);
    expect(all[2]).toMatchObject({
      tenant: 'https://v1.api.us.janrain.com/abc',
      at: '2026-12-01T09:00:02.000Z',
    });
    expect(
      (await listActivity(fresh.store, { user: 'alice', limit: 10 })).map((event) => event.kind),
    ).toEqual(['connection', 'sign-in']);
    expect(
      (await listActivity(fresh.store, { kind: 'sign-in', limit: 10 })).map((event) => event.user),
    ).toEqual(['bob', 'alice']);
    expect(await listActivity(fresh.store, { limit: 1 })).toHaveLength(1);
  });
});
