// The list for the HTML of /history: a slow, failing or nonsensical history gives the plain page, never an error.
import { Context } from 'hono';
import { describe, expect, it } from 'vitest';
import { HistoryUnavailableError, type HistoryPort } from '../proxy/history-port.ts';
import { carriedHistoryReader } from './carried-history.ts';

const tenant = { identityDomain: 'https://tenant.example', customerId: 'customer' };
const snapshot = {
  id: 7,
  takenAt: '2026-12-01T06:00:00Z',
  source: 'scheduled',
  partial: false,
  unchanged: false,
  clients: 3,
  changes: null,
  findings: { high: 1 },
};
const context = new Context(new Request('http://127.0.0.1/history'));

function portListing(listSnapshots: () => Promise<unknown>): HistoryPort {
  const unused = () => Promise.reject(new Error('not used here'));
  return {
    status: unused,
    record: unused,
    begin: () => {
      throw new Error('not used here');
    },
    listSnapshots,
    snapshot: unused,
    clientHistory: unused,
  };
}

function reader(listSnapshots: () => Promise<unknown>, timeoutMs = 1_000) {
  return carriedHistoryReader({ history: portListing(listSnapshots), tenantOf: () => tenant, timeoutMs });
}

describe('the snapshot list the HTML of /history carries', () => {
  it('is the tenant’s list as the app reads it (ids as text)', async () => {
    const carried = await reader(() => Promise.resolve({ snapshots: [snapshot] }))(context);
    expect(carried).toEqual({ ...tenant, snapshots: [{ ...snapshot, id: '7' }] });
  });

  it('is none when the store does not answer within the deadline', async () => {
    const never = new Promise<unknown>(() => undefined);
    expect(await reader(() => never, 20)(context)).toBeNull();
  });

  it('is none when history is off or fails, or answers what the contract does not know', async () => {
    expect(
      await reader(() => Promise.reject(new HistoryUnavailableError('IDC_STORE=off')))(context),
    ).toBeNull();
    expect(await reader(() => Promise.reject(new Error('disk I/O error')))(context)).toBeNull();
    expect(await reader(() => Promise.resolve({ snapshots: [{ id: 1 }] }))(context)).toBeNull();
    expect(await reader(() => Promise.resolve({ snapshots: [] }))(context)).toBeNull();
  });

  it('is none without a session, and for a list longer than the page should carry', async () => {
    const history = portListing(() => Promise.resolve({ snapshots: [snapshot] }));
    expect(
      await carriedHistoryReader({ history, tenantOf: () => null, timeoutMs: 1_000 })(context),
    ).toBeNull();
    const long = Array.from({ length: 1_001 }, (_, index) => ({ ...snapshot, id: index }));
    expect(await reader(() => Promise.resolve({ snapshots: long }))(context)).toBeNull();
  });
});
