import { beforeEach, describe, expect, it } from 'vitest';
import {
  defaultTenantLabel,
  forgetTenant,
  maximumSavedTenants,
  readSavedTenants,
  saveTenant,
  savedTenantsSnapshot,
  savedTenantsStorageKey,
} from './saved-tenants.ts';

const tenant = (n: number) => ({
  identityDomain: 'https://v1.api.eu.janrain.com',
  customerId: `0100000${n}-0000-3000-9000-000000000000`,
  clientId: `client-${n}`,
});

describe('saved tenants', () => {
  beforeEach(() => localStorage.clear());

  it('keeps the most recent first, without duplicates, at most ten', () => {
    for (let n = 0; n < 12; n += 1) saveTenant(tenant(n));
    saveTenant(tenant(4));
    const ids = readSavedTenants().map((item) => item.clientId);
    expect(ids).toHaveLength(maximumSavedTenants);
    expect(ids.slice(0, 3)).toEqual(['client-4', 'client-11', 'client-10']);
    expect(ids).not.toContain('client-0');
  });

  it('names a tenant by its label, keeps the label when saved again without one, and defaults it', () => {
    saveTenant({ ...tenant(1), label: '  Production  ' });
    saveTenant(tenant(1));
    saveTenant(tenant(2));
    const [second, first] = readSavedTenants();
    expect(first?.label).toBe('Production');
    expect(second?.label).toBe('01000002… on v1.api.eu.janrain.com');
    expect(defaultTenantLabel(tenant(2))).toBe(second?.label);
  });

  it('never stores a secret, even when handed one or found in storage', () => {
    saveTenant({ ...tenant(1), clientSecret: 'hunter2' } as ReturnType<typeof tenant>);
    expect(JSON.stringify(localStorage)).not.toContain('hunter2');
    localStorage.setItem(
      savedTenantsStorageKey,
      JSON.stringify([{ ...tenant(3), clientSecret: 'planted', lastUsedAt: '2024-01-01T00:00:00.000Z' }]),
    );
    saveTenant(tenant(4));
    expect(JSON.stringify(localStorage)).not.toContain('planted');
    expect(Object.keys(readSavedTenants()[1] ?? {}).sort()).toEqual([
      'clientId',
      'customerId',
      'identityDomain',
      'label',
      'lastUsedAt',
    ]);
  });

  it('reads entries saved before labels existed', () => {
    localStorage.setItem(
      savedTenantsStorageKey,
      JSON.stringify([{ ...tenant(5), lastUsedAt: '2024-01-01T00:00:00.000Z' }, { nonsense: true }]),
    );
    expect(readSavedTenants()).toEqual([
      { ...tenant(5), label: '01000005… on v1.api.eu.janrain.com', lastUsedAt: '2024-01-01T00:00:00.000Z' },
    ]);
  });

  it('forgets one, survives garbage, and hands out a stable snapshot until storage changes', () => {
    saveTenant(tenant(1));
    saveTenant(tenant(2));
    forgetTenant(tenant(1));
    expect(readSavedTenants().map((item) => item.clientId)).toEqual(['client-2']);
    const snapshot = savedTenantsSnapshot();
    expect(savedTenantsSnapshot()).toBe(snapshot);
    saveTenant(tenant(3));
    expect(savedTenantsSnapshot()).not.toBe(snapshot);
    localStorage.setItem(savedTenantsStorageKey, '{not json');
    expect(readSavedTenants()).toEqual([]);
  });
});
