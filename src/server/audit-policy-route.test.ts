// The server keeps the audit policy file in force without a restart, and tells the app (GET /api/audit/policy).
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AuditPolicyState } from '../identity-cloud/audit/audit-policy-state.ts';
import { auditPolicyStateSchema } from '../identity-cloud/audit/audit-policy-state.ts';
import type { RunningServer } from './start-server.ts';
import { startServer } from './start-server.ts';

let folder: string;
let server: RunningServer | null = null;
const logLines: string[] = [];

beforeEach(async () => {
  folder = await mkdtemp(join(tmpdir(), 'idc-policy-'));
  logLines.length = 0;
});
afterEach(async () => {
  await server?.close();
  server = null;
  await rm(folder, { recursive: true, force: true });
});

async function start(path: string, required = false): Promise<RunningServer> {
  server = await startServer({
    staticDir: null,
    proxy: { log: (line) => logLines.push(line) },
    auditPolicy: { path, required, intervalMs: 20 },
  });
  return server;
}

async function policyState(running: RunningServer): Promise<AuditPolicyState> {
  const response = await fetch(new URL('api/audit/policy', running.url));
  expect(response.status).toBe(200);
  expect(response.headers.get('cache-control')).toBe('no-store');
  return auditPolicyStateSchema.parse(await response.json());
}

async function eventually(running: RunningServer, check: (state: AuditPolicyState) => boolean) {
  const deadline = Date.now() + 10_000;
  for (;;) {
    const state = await policyState(running);
    if (check(state)) return state;
    if (Date.now() > deadline) throw new Error(`policy state never matched: ${JSON.stringify(state)}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

describe('GET /api/audit/policy', () => {
  it('answers "none" when the default file is absent, then picks the file up when it appears', async () => {
    const path = join(folder, 'idc-audit.yaml');
    const running = await start(path);
    expect(await policyState(running)).toMatchObject({ status: 'none', policy: null, errors: [] });
    await writeFile(path, 'maxConfigurationClients: 1\n');
    const state = await eventually(running, (s) => s.status === 'active');
    expect(state).toMatchObject({ file: 'idc-audit.yaml', policy: { maxConfigurationClients: 1 } });
  });

  it('keeps the previous policy when the file becomes invalid, with the errors, and recovers without restart', async () => {
    const path = join(folder, 'idc-audit.yaml');
    await writeFile(path, 'maxConfigurationClients: 1\n');
    const running = await start(path);
    expect(await policyState(running)).toMatchObject({ status: 'active' });
    await writeFile(path, 'maxConfigurationClients: 1\ndisabledRules: [no-such-rule]\n');
    const invalid = await eventually(running, (s) => s.status === 'invalid');
    expect(invalid.policy).toEqual({ maxConfigurationClients: 1 });
    expect(invalid.errors).toEqual([
      {
        file: 'idc-audit.yaml',
        line: 2,
        column: 17,
        field: 'disabledRules[0]',
        message: 'is not a rule id (see docs/findings.md for the list)',
      },
    ]);
    expect(logLines.join('\n')).toContain(
      'Audit policy idc-audit.yaml refused, the previous policy stays in force',
    );
    await writeFile(path, 'maxConfigurationClients: 3\n');
    const recovered = await eventually(running, (s) => s.status === 'active');
    expect(recovered.policy).toEqual({ maxConfigurationClients: 3 });
  });

  it('starts with no policy but says why when the required file is invalid or missing', async () => {
    const running = await start(join(folder, 'missing.yaml'), true);
    expect(await policyState(running)).toMatchObject({
      status: 'invalid',
      policy: null,
      errors: [{ file: 'missing.yaml', field: '', message: 'the file does not exist' }],
    });
  });

  it('answers "none" when no policy file is watched at all', async () => {
    server = await startServer({ staticDir: null, proxy: { log: () => undefined } });
    expect(await policyState(server)).toMatchObject({ status: 'none', policy: null });
  });
});
