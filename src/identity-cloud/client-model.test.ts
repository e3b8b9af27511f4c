import { describe, expect, it } from 'vitest';
import {
  clientDisplayName,
  clientModel,
  clientName,
  policyReference,
  policyReferenceText,
  policyTitle,
} from './client-model.ts';
import { buildInventory, confidentialClient, loginPolicyA } from './inventory-fixtures.ts';

describe('client names', () => {
  it('trims a name, and calls a client without one by its id', () => {
    expect(clientName({ name: '  Shop  ' })).toBe('Shop');
    expect([clientName({ name: '   ' }), clientName({ name: null }), clientName({})]).toEqual([
      null,
      null,
      null,
    ]);
    expect(clientDisplayName({ id: 'c-1', name: ' ' })).toBe('Unnamed client (c-1)');
    expect(clientDisplayName({ id: 'c-1', name: 'Shop ' })).toBe('Shop');
  });

  it('shows an untitled policy by its id', () => {
    expect(policyTitle({ id: 'tp-1', title: null })).toBe('Untitled (tp-1)');
    expect(policyTitle({ id: 'tp-1', title: ' Standard ' })).toBe('Standard');
  });
});

describe('clientModel', () => {
  const inventory = buildInventory({
    clients: [{ ...confidentialClient('web'), name: null, loginPolicy: 'lp-a', tokenPolicy: 'tp-gone' }],
    loginPolicies: [loginPolicyA],
    extraSummaries: [{ id: 'slow', name: 'Slow one' }, { id: 'down' }],
    failures: [
      { resource: 'tokenPolicy', id: 'tp-gone', status: 404 },
      { resource: 'client', id: 'down', status: 502, detail: 'bad gateway' },
    ],
  });

  it('prefers the details, and names policies that could not be read by why', () => {
    expect(clientModel(inventory, { id: 'web', name: 'Listed' })).toMatchObject({
      name: 'Unnamed client (web)',
      status: 'loaded',
      kind: 'confidential',
      kindLabel: 'Confidential',
      loginPolicy: { id: 'lp-a', title: 'Customer login', problem: null },
      tokenPolicy: { id: 'tp-gone', title: null, problem: 'missing' },
    });
    expect(policyReferenceText(policyReference(inventory, 'tokenPolicy', 'tp-gone'))).toBe('Missing policy');
    expect(policyReferenceText(policyReference(inventory, 'tokenPolicy', 'tp-other'))).toBe(
      'Title unavailable',
    );
    expect(policyReference(inventory, 'loginPolicy', '')).toBeNull();
    expect(policyReferenceText(null)).toBe('');
  });

  it('says whether listed details are pending or failed', () => {
    expect(clientModel(inventory, { id: 'slow', name: 'Slow one' })).toMatchObject({
      name: 'Slow one',
      status: 'pending',
      kind: null,
      kindLabel: '',
      failure: null,
      loginPolicy: null,
    });
    expect(clientModel(inventory, { id: 'down' })).toMatchObject({
      name: 'Unnamed client (down)',
      status: 'failed',
      failure: { status: 502, detail: 'bad gateway' },
    });
  });
});
