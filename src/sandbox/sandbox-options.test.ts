import { describe, expect, it } from 'vitest';
import { resolveKnobs, resolveSandboxOptions, sandboxDefaults } from './sandbox-options.ts';

describe('sandbox options', () => {
  it('applies the documented defaults', () => {
    expect(resolveSandboxOptions()).toEqual({
      host: '127.0.0.1',
      port: 0,
      customerId: '01000000-0000-3000-9000-000000000000',
      clientId: sandboxDefaults.clientId,
      clientSecret: sandboxDefaults.clientSecret,
      clients: 60,
      seed: 1,
      latencyMs: 0,
      tokenLifetimeSeconds: 3600,
      maxConcurrency: Number.POSITIVE_INFINITY,
      faults: { serverError: 0, hang: 0, malformed: 0 },
      hangMs: 30_000,
      scope: '*:config/**',
      quiet: false,
    });
  });

  it('splits faultRate: half 500s, a quarter hangs, a quarter malformed bodies', () => {
    expect(resolveSandboxOptions({ faultRate: 0.2 }).faults).toEqual({
      serverError: 0.1,
      hang: 0.05,
      malformed: 0.05,
    });
  });

  it('lets explicit per-kind rates override their share of faultRate', () => {
    expect(resolveSandboxOptions({ faultRate: 0.2, faults: { hang: 0 } }).faults).toEqual({
      serverError: 0.1,
      hang: 0,
      malformed: 0.05,
    });
    expect(resolveSandboxOptions({ faults: { serverError: 0.05, hang: 0.02 } }).faults).toEqual({
      serverError: 0.05,
      hang: 0.02,
      malformed: 0,
    });
  });

  it.each([
    [{ port: 70_000 }, /port must be an integer from 0 to 65535/],
    [{ clients: 0 }, /clients must be an integer from 1 to 20000/],
    [{ clients: 20_001 }, /clients/],
    [{ customerId: 'not-a-uuid' }, /customerId must be a UUID/],
    [{ clientId: 'has:colon' }, /clientId must be/],
    [{ clientId: '' }, /clientId must be/],
    [{ clientSecret: 'has space' }, /clientSecret must be/],
    [{ latencyMs: -1 }, /latencyMs/],
    [{ tokenLifetimeSeconds: 0 }, /tokenLifetimeSeconds/],
    [{ maxConcurrency: 0 }, /maxConcurrency/],
    [{ faultRate: 1.5 }, /faultRate/],
    [{ faults: { serverError: 0.6, hang: 0.6 } }, /add up to more than 1/],
    [{ scope: 'config/**' }, /scope must be space-separated patterns/],
    [{ host: '' }, /host/],
  ])('refuses %j with a message naming the option', (options, message) => {
    expect(() => resolveSandboxOptions(options)).toThrow(message);
  });

  it('never repeats a refused secret in the error', () => {
    expect(() => resolveSandboxOptions({ clientSecret: 'visible secret' })).toThrow(
      expect.objectContaining({ message: expect.not.stringContaining('visible secret') as unknown }) as Error,
    );
  });

  it('changes only the knobs given at runtime, validating them', () => {
    const current = resolveSandboxOptions({ latencyMs: 50, faultRate: 0.1 });
    const next = resolveKnobs({ maxConcurrency: 16 }, current);
    expect(next).toMatchObject({ latencyMs: 50, maxConcurrency: 16, faults: current.faults });
    expect(resolveKnobs({ faults: { hang: 0.5 } }, current).faults).toEqual({
      serverError: 0,
      hang: 0.5,
      malformed: 0,
    });
    expect(() => resolveKnobs({ latencyMs: Number.NaN }, current)).toThrow(RangeError);
  });
});
