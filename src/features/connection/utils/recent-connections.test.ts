import { beforeEach, describe, expect, it } from 'vitest';
import { forgetConnection, readRecentConnections, rememberConnection } from './recent-connections.ts';

const connection = (n: number) => ({
  identityDomain: 'https://v1.api.eu.janrain.com',
  customerId: `0100000${n}-0000-3000-9000-000000000000`,
  clientId: `client-${n}`,
});

describe('recent connections', () => {
  beforeEach(() => localStorage.clear());

  it('keeps the most recent first, without duplicates, at most five', () => {
    for (const n of [1, 2, 3, 4, 5, 6]) rememberConnection(connection(n));
    rememberConnection(connection(4));
    expect(readRecentConnections().map((item) => item.clientId)).toEqual([
      'client-4',
      'client-6',
      'client-5',
      'client-3',
      'client-2',
    ]);
  });

  it('never stores a secret, even when handed one', () => {
    rememberConnection({ ...connection(1), clientSecret: 'hunter2' } as ReturnType<typeof connection>);
    expect(JSON.stringify(localStorage)).not.toContain('hunter2');
    expect(Object.keys(readRecentConnections()[0] ?? {}).sort()).toEqual([
      'clientId',
      'customerId',
      'identityDomain',
      'lastUsedAt',
    ]);
  });

  it('forgets one, and survives garbage in storage', () => {
    rememberConnection(connection(1));
    rememberConnection(connection(2));
    forgetConnection(connection(1));
    expect(readRecentConnections().map((item) => item.clientId)).toEqual(['client-2']);
    localStorage.setItem('idc-client-inventory.recent-connections', '{not json');
    expect(readRecentConnections()).toEqual([]);
  });
});
