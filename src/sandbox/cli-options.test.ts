import { describe, expect, it } from 'vitest';
import { CliUsageError, parseSandboxArgs, sandboxUsage } from './cli-options.ts';

describe('sandbox CLI flags', () => {
  it('maps every documented flag to its option', () => {
    expect(
      parseSandboxArgs([
        '--host',
        '0.0.0.0',
        '--port',
        '4010',
        '--customer-id',
        '01000000-0000-3000-9000-0000000000aa',
        '--client-id',
        'my-client',
        '--client-secret',
        'my-secret',
        '--clients',
        '1000',
        '--seed',
        '7',
        '--latency',
        '50',
        '--token-lifetime',
        '60',
        '--max-concurrency',
        '16',
        '--fault-rate',
        '0.05',
        '--scope',
        'GET:config/**',
      ]),
    ).toEqual({
      help: false,
      options: {
        host: '0.0.0.0',
        port: 4010,
        customerId: '01000000-0000-3000-9000-0000000000aa',
        clientId: 'my-client',
        clientSecret: 'my-secret',
        clients: 1000,
        seed: 7,
        latencyMs: 50,
        tokenLifetimeSeconds: 60,
        maxConcurrency: 16,
        faultRate: 0.05,
        scope: 'GET:config/**',
      },
    });
  });

  it('leaves unset flags to the defaults, and accepts --flag=value', () => {
    expect(parseSandboxArgs([])).toEqual({ help: false, options: {} });
    expect(parseSandboxArgs(['--latency=12.5'])).toEqual({ help: false, options: { latencyMs: 12.5 } });
  });

  it('answers --help with the usage, which names every flag', () => {
    expect(parseSandboxArgs(['--help'])).toEqual({ help: true });
    for (const flag of [
      '--host',
      '--port',
      '--customer-id',
      '--client-id',
      '--client-secret',
      '--clients',
      '--seed',
      '--latency',
      '--token-lifetime',
      '--max-concurrency',
      '--fault-rate',
      '--scope',
    ]) {
      expect(sandboxUsage).toContain(flag);
    }
  });

  it.each([
    [['--port', 'abc'], '--port expects a whole number, got "abc".'],
    [['--clients', '1e3'], '--clients expects a whole number, got "1e3".'],
    [['--latency=-5'], '--latency expects a number, got "-5".'],
    [['--clients', '50000'], '--clients must be an integer from 1 to 20000 (got 50000).'],
    [['--fault-rate', '2'], '--fault-rate must be a number from 0 to 1 (got 2).'],
    [['--max-concurrency', '0'], '--max-concurrency must be an integer from 1 to 1000000 (got 0).'],
    [['--customer-id', 'acme'], /^--customer-id must be a UUID/],
    [['--scope', '*'], /^--scope must be space-separated patterns/],
    [['--bogus'], /Unknown option '--bogus'/],
    [['positional'], /positional/i],
  ])('refuses %j with a clear message', (argv, message) => {
    expect(() => parseSandboxArgs(argv)).toThrow(CliUsageError);
    expect(() => parseSandboxArgs(argv)).toThrow(message);
  });
});
