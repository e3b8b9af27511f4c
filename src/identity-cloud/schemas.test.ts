import { describe, expect, it } from 'vitest';
import { clientListSchema, clientSchema } from './schemas.ts';

const referenceList = {
  total: 2,
  _embedded: {
    clients: [
      {
        id: 'b83fff95-a685-49db-a019-84d03275f7a0',
        name: 'Akamai Documentation Login Client',
        _links: {
          self: {
            href: '/01000000-0000-3000-9000-000000000000/config/clients/b83fff95-a685-49db-a019-84d03275f7a0',
          },
        },
      },
      {
        id: 'd4266439-dbb1-46ab-8976-1d192325b828',
        name: 'Akamai Training Login Client',
        _links: {
          self: {
            href: '/config/01000000-0000-3000-9000-000000000000/clients/d4266439-dbb1-46ab-8976-1d192325b828',
          },
        },
      },
    ],
  },
};

describe('HAL list schema', () => {
  it('reads the reference example, with either self-link shape', () => {
    const list = clientListSchema.parse(referenceList);
    expect(list.total).toBe(2);
    expect(list.items.map((item) => item.name)).toEqual([
      'Akamai Documentation Login Client',
      'Akamai Training Login Client',
    ]);
  });

  it('counts the items when total is absent, and treats a missing _embedded as empty', () => {
    expect(clientListSchema.parse({ _embedded: { clients: [{ id: 'a' }] } }).total).toBe(1);
    expect(clientListSchema.parse({ total: 0 })).toEqual({ total: 0, items: [] });
  });

  it('rejects items without an id, pointing at the item', () => {
    const result = clientListSchema.safeParse({ _embedded: { clients: [{ name: 'no id' }] } });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.path).toEqual(['_embedded', 'clients', 0, 'id']);
  });
});

describe('client schema', () => {
  it('keeps unknown fields and accepts null optional ones', () => {
    const client = clientSchema.parse({
      id: 'x',
      name: null,
      type: 'public',
      redirectURIs: null,
      loginPolicy: null,
      futureField: { nested: true },
    });
    expect(client).toMatchObject({ futureField: { nested: true }, redirectURIs: null });
  });
});
