// The start banner: the four values to paste into the dashboard's connection form, and the knobs in force.
// It prints the sandbox's own demo secret on purpose: this credential exists only in the local emulator.
import type { ResolvedSandboxOptions } from './sandbox-options.ts';
import type { SandboxTenant } from './tenant-types.ts';

function describeFaults(faults: ResolvedSandboxOptions['faults']): string {
  const total = faults.serverError + faults.hang + faults.malformed;
  if (total === 0) return 'none';
  const percent = (share: number) => `${(share * 100).toFixed(1).replace(/\.0$/, '')}%`;
  return `${percent(total)} of /config GETs (500s ${percent(faults.serverError)}, hangs ${percent(faults.hang)}, malformed ${percent(faults.malformed)})`;
}

export function formatBanner(
  options: ResolvedSandboxOptions,
  identityDomain: string,
  tenant: SandboxTenant,
): string {
  const concurrency =
    options.maxConcurrency === Number.POSITIVE_INFINITY
      ? 'unlimited'
      : `${options.maxConcurrency} (then 429)`;
  return [
    'Identity Cloud sandbox is running. Paste these into the dashboard:',
    `  Identity domain   ${identityDomain}`,
    `  Customer ID       ${options.customerId}`,
    `  Client ID         ${options.clientId}`,
    `  Client secret     ${options.clientSecret}`,
    `  Scope             ${options.scope}`,
    '',
    `  Data              ${tenant.clients.length} clients, ${tenant.loginPolicies.length} login policies, ${tenant.tokenPolicies.length} token policies (seed ${options.seed})`,
    `  Latency           ${options.latencyMs} ms ±20%`,
    `  Token lifetime    ${options.tokenLifetimeSeconds} s`,
    `  Max concurrency   ${concurrency}`,
    `  Faults            ${describeFaults(options.faults)}`,
    `  Stats             ${identityDomain}/__sandbox/stats`,
  ].join('\n');
}
