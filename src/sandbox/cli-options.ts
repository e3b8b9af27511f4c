// `npm run sandbox -- --port 4010 --clients 1000 --latency 50`: the flags (their names are part of the
// contract), parsed strictly so that a typo is an error rather than a silently ignored knob.
import { parseArgs } from 'node:util';
import { maxSandboxClients } from './seed-tenant.ts';
import { resolveSandboxOptions, sandboxDefaults } from './sandbox-options.ts';
import type { SandboxOptions } from './sandbox-options.ts';

export const sandboxUsage = `Usage: npm run sandbox -- [flags]

Starts the Identity Cloud sandbox, a local emulator of the token and configuration API, and prints the
identity domain, customer ID, client ID and secret to paste into the dashboard.

  --host <name>             address to listen on (default ${sandboxDefaults.host})
  --port <n>                port, 0 = any free port (default ${sandboxDefaults.port})
  --customer-id <uuid>      customer ID (default ${sandboxDefaults.customerId})
  --client-id <id>          configuration client ID (default ${sandboxDefaults.clientId})
  --client-secret <secret>  configuration client secret (default ${sandboxDefaults.clientSecret})
  --clients <n>             clients in the tenant, 1 to ${maxSandboxClients} (default ${sandboxDefaults.clients})
  --seed <n>                data seed: same seed, same data (default ${sandboxDefaults.seed})
  --latency <ms>            added to every request, with ±20% jitter (default ${sandboxDefaults.latencyMs})
  --token-lifetime <s>      access token lifetime in seconds (default ${sandboxDefaults.tokenLifetimeSeconds})
  --max-concurrency <n>     /config requests in progress at once; above: 429 + Retry-After (default unlimited)
  --fault-rate <0..1>       share of /config GETs failing: half 500s, a quarter hangs, a quarter malformed (default 0)
  --scope <scope>           the configuration client's allowed scope (default "${sandboxDefaults.scope}")
  --help                    this text
`;

export class CliUsageError extends Error {
  override name = 'CliUsageError';
}

function toNumber(flag: string, value: string | undefined, integer: boolean): number | undefined {
  if (value === undefined) return undefined;
  const syntax = integer ? /^\d+$/ : /^(\d+(\.\d*)?|\.\d+)$/;
  if (!syntax.test(value.trim())) {
    throw new CliUsageError(`--${flag} expects ${integer ? 'a whole number' : 'a number'}, got "${value}".`);
  }
  return Number(value);
}

/** resolveSandboxOptions names options as in code; on the command line, name the flag instead. */
const flagOfOption: Record<string, string> = {
  host: '--host',
  port: '--port',
  customerId: '--customer-id',
  clientId: '--client-id',
  clientSecret: '--client-secret',
  clients: '--clients',
  seed: '--seed',
  latencyMs: '--latency',
  tokenLifetimeSeconds: '--token-lifetime',
  maxConcurrency: '--max-concurrency',
  faultRate: '--fault-rate',
  scope: '--scope',
};

function inFlagTerms(message: string): string {
  return message.replace(/^(\w+)/, (name: string) => flagOfOption[name] ?? name);
}

export type ParsedSandboxArgs = { help: true } | { help: false; options: SandboxOptions };

// Every flag but --help takes a value.
const stringOption = { type: 'string' } as const;

/** Parses and validates the flags; throws CliUsageError with a one-line reason. */
export function parseSandboxArgs(argv: readonly string[]): ParsedSandboxArgs {
  let values;
  try {
    ({ values } = parseArgs({
      args: [...argv],
      strict: true,
      allowPositionals: false,
      options: {
        host: stringOption,
        port: stringOption,
        'customer-id': stringOption,
        'client-id': stringOption,
        'client-secret': stringOption,
        clients: stringOption,
        seed: stringOption,
        latency: stringOption,
        'token-lifetime': stringOption,
        'max-concurrency': stringOption,
        'fault-rate': stringOption,
        scope: stringOption,
        help: { type: 'boolean', short: 'h' },
      },
    }));
  } catch (error) {
    throw new CliUsageError(error instanceof Error ? error.message : String(error));
  }
  if (values.help) return { help: true };

  const options: SandboxOptions = {
    host: values.host,
    port: toNumber('port', values.port, true),
    customerId: values['customer-id'],
    clientId: values['client-id'],
    clientSecret: values['client-secret'],
    clients: toNumber('clients', values.clients, true),
    seed: toNumber('seed', values.seed, true),
    latencyMs: toNumber('latency', values.latency, false),
    tokenLifetimeSeconds: toNumber('token-lifetime', values['token-lifetime'], true),
    maxConcurrency: toNumber('max-concurrency', values['max-concurrency'], true),
    faultRate: toNumber('fault-rate', values['fault-rate'], false),
    scope: values.scope,
  };
  const defined = Object.fromEntries(
    Object.entries(options).filter(([, value]) => value !== undefined),
  ) as SandboxOptions;
  try {
    resolveSandboxOptions(defined);
  } catch (error) {
    throw new CliUsageError(inFlagTerms(error instanceof Error ? error.message : String(error)));
  }
  return { help: false, options: defined };
}
