// The headless audit applies the risks accepted in the dashboard: a real SQLite store (the server's format, in a
// temporary folder), a sandbox over real HTTP, and the SARIF, JUnit and JSON it writes.
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { XMLParser } from 'fast-xml-parser';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startSandbox, type RunningSandbox } from '../sandbox/start-sandbox.ts';
import { tenantKey } from '../store/tenant-key.ts';
import { recordAcceptance } from '../store/acceptance-repository.ts';
import { openStore } from '../store/store.ts';
import type { AuditIo } from './run-audit.ts';
import { runAudit } from './run-audit.ts';

let folder: string;
let sandbox: RunningSandbox;

beforeEach(async () => {
  folder = await mkdtemp(join(tmpdir(), 'idc-audit-store-'));
  sandbox = await startSandbox({ quiet: true, clients: 25, seed: 7 });
});
afterEach(async () => {
  await sandbox.close();
  await rm(folder, { recursive: true, force: true });
});

function capture(env: Record<string, string> = {}) {
  const output = { stdout: '', stderr: '' };
  const io: AuditIo = {
    env: {
      IDC_IDENTITY_DOMAIN: sandbox.identityDomain,
      IDC_CUSTOMER_ID: sandbox.customerId,
      IDC_CLIENT_ID: sandbox.clientId,
      IDC_CLIENT_SECRET: sandbox.clientSecret,
      ...env,
    },
    stdout: { write: (text: string) => (output.stdout += text) },
    stderr: { write: (text: string) => (output.stderr += text) },
    cwd: folder,
    findingsDocUrl: 'https://example.com/docs/findings.md',
    now: () => new Date('2026-12-01T12:00:00Z'),
  };
  return { io, output };
}

interface JsonReport {
  summary: { accepted: number };
  findings: {
    ruleId: string;
    severity: string;
    subject: { id: string; name: string };
    detail: string | null;
    state: string;
    acceptance: { source: string; reason: string } | null;
    fingerprint: string;
  }[];
}

describe('npm run audit with the dashboard’s store', () => {
  it('reports the stored acceptances as accepted: SARIF suppressions, JUnit skipped, JSON state', async () => {
    const storePath = join(folder, 'store', 'inventory.db');
    const before = capture({ IDC_STORE_PATH: storePath });
    expect(await runAudit(['--format', 'json'], before.io)).toBe(1);
    // No store yet: the audit reads none and creates none.
    expect(existsSync(storePath)).toBe(false);
    const open = (JSON.parse(before.output.stdout) as JsonReport).findings.filter(
      (finding) => finding.severity === 'high' || finding.severity === 'critical',
    );
    expect(open.length).toBeGreaterThan(0);

    const store = await openStore({ kind: 'sqlite', path: storePath });
    const tenant = tenantKey({ identityDomain: sandbox.identityDomain, customerId: sandbox.customerId });
    for (const finding of open) {
      await recordAcceptance(store, tenant, {
        rule: finding.ruleId,
        clientId: finding.subject.id,
        clientName: finding.subject.name,
        value: finding.detail,
        reason: 'Reviewed in the dashboard',
        owner: 'security@example.com',
        acceptedBy: 'alice@example.com',
        acceptedAt: new Date('2026-11-30T09:00:00Z'),
        expires: '2027-01-31',
      });
    }
    await store.close();

    const json = capture({ IDC_STORE_PATH: storePath });
    expect(await runAudit(['--format', 'json', '--output', 'audit.json'], json.io)).toBe(0);
    expect(json.output.stderr).toContain(`${open.length} accepted risk`);
    const report = JSON.parse(await readFile(join(folder, 'audit.json'), 'utf8')) as JsonReport;
    expect(report.summary.accepted).toBe(open.length);
    const accepted = report.findings.filter((finding) => finding.state === 'accepted');
    expect(accepted.map((finding) => finding.fingerprint).sort()).toEqual(
      open.map((finding) => finding.fingerprint).sort(),
    );
    expect(accepted.every((finding) => finding.acceptance?.source === 'store')).toBe(true);
    expect(accepted[0]?.acceptance?.reason).toBe('Reviewed in the dashboard');

    const sarif = capture({ IDC_STORE_PATH: storePath });
    expect(await runAudit(['--format', 'sarif'], sarif.io)).toBe(0);
    const results = (
      JSON.parse(sarif.output.stdout) as {
        runs: {
          results: {
            partialFingerprints: Record<string, string>;
            suppressions?: { kind: string; justification: string }[];
          }[];
        }[];
      }
    ).runs[0]?.results;
    const suppressed = (results ?? []).filter((result) => result.suppressions !== undefined);
    expect(suppressed).toHaveLength(open.length);
    expect(suppressed[0]?.suppressions).toEqual([
      expect.objectContaining({ kind: 'external', justification: 'Reviewed in the dashboard' }),
    ]);

    const junit = capture({ IDC_STORE_PATH: storePath });
    expect(await runAudit(['--format', 'junit'], junit.io)).toBe(0);
    const parsed = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '' }).parse(
      junit.output.stdout,
    ) as { testsuites: { testsuite: { name: string; failures: string; testcase?: unknown }[] } };
    const acceptedRules = new Set(open.map((finding) => finding.ruleId));
    for (const suite of parsed.testsuites.testsuite.filter((entry) => acceptedRules.has(entry.name))) {
      expect(suite.failures, suite.name).toBe('0');
    }
    expect(junit.output.stdout).toContain('Reviewed in the dashboard');

    // IDC_STORE=off: the stored acceptances are not applied, the findings are open again.
    expect(await runAudit([], capture({ IDC_STORE_PATH: storePath, IDC_STORE: 'off' }).io)).toBe(1);
    // After the expiry they lapse.
    const later = capture({ IDC_STORE_PATH: storePath });
    later.io.now = () => new Date('2027-02-01T00:00:00Z');
    expect(await runAudit([], later.io)).toBe(1);
  });

  it('exits 2 with a sentence when the store named cannot be read', async () => {
    const notADatabase = join(folder, 'not-a-database.db');
    await writeFile(notADatabase, 'plain text, not SQLite');
    const { io, output } = capture({ IDC_STORE_PATH: notADatabase });
    expect(await runAudit([], io)).toBe(2);
    expect(output.stderr).toContain('audit: The accepted risks could not be read:');
    expect(output.stderr).toContain('Set IDC_STORE=off to audit without them.');
  });
});
