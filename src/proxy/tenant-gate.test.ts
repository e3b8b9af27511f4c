import { describe, expect, it } from 'vitest';
import { gatePriority, TenantGate } from './tenant-gate.ts';

describe('TenantGate', () => {
  it('hands out slots up to the limit, then in priority order as slots free up', async () => {
    const gate = new TenantGate({ initialLimit: 2, maxLimit: 2 });
    const first = await gate.acquire(gatePriority.inventoryItem);
    const second = await gate.acquire(gatePriority.inventoryItem);
    const order: string[] = [];
    const item = gate.acquire(gatePriority.inventoryItem).then((ticket) => {
      order.push('item');
      return ticket;
    });
    const interactive = gate.acquire(gatePriority.interactive).then((ticket) => {
      order.push('interactive');
      return ticket;
    });
    expect(gate.queued).toBe(2);
    gate.release(first, 'success');
    const interactiveTicket = await interactive;
    gate.release(second, 'success');
    await item;
    expect(order).toEqual(['interactive', 'item']);
    gate.release(interactiveTicket, 'other');
  });

  it('rejects an aborted waiter without losing the slot', async () => {
    const gate = new TenantGate({ initialLimit: 1, maxLimit: 1 });
    const held = await gate.acquire(gatePriority.inventoryItem);
    const controller = new AbortController();
    const cancelled = gate.acquire(gatePriority.inventoryItem, controller.signal);
    const next = gate.acquire(gatePriority.inventoryItem);
    controller.abort(new Error('gone'));
    await expect(cancelled).rejects.toThrow('gone');
    expect(gate.queued).toBe(1);
    gate.release(held, 'success');
    const ticket = await next;
    expect(gate.snapshot().inFlight).toBe(1);
    gate.release(ticket, 'success');
    expect(gate.snapshot().inFlight).toBe(0);
  });

  it('rejects at once when the signal is already aborted', async () => {
    const gate = new TenantGate({ maxLimit: 4 });
    await expect(
      gate.acquire(gatePriority.interactive, AbortSignal.abort(new Error('late'))),
    ).rejects.toThrow('late');
  });
});
