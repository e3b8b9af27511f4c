// The headless audit against a sandbox over real HTTP (ephemeral ports), its main function called in-process.
import { readFile, readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ruleDefinitions } from '../identity-cloud/findings/rule-catalogue.ts';
import { runAudit } from './run-audit.ts';
import { connectionEnvironment } from '../test-support/node/sandbox-connection.ts';
import { commandUnderTest, unreachableTenantEnvironment } from '../test-support/node/command-under-test.ts';

const command = commandUnderTest('idc-audit-');

function capture(env: Record<string, string> = {}) {
  return command.capture(env, {
    findingsDocUrl: 'https://example.com/docs/findings.md',
    now: () => new Date('2026-12-01T12:00:00Z'),
  });
}

/** Every rule at high or worse brought down to low: nothing left to fail the default threshold. */
const lenientPolicy = `severity:\n${ruleDefinitions
  .filter((rule) => rule.severity === 'critical' || rule.severity === 'high')
  .map((rule) => `  ${rule.id}: low`)
  .join('\n')}\n`;

describe('npm run audit: exit codes against the sandbox', () => {
  it('exits 1 when an open finding is at or above the default threshold (high), with a summary on stdout', async () => {
    const { io, output } = capture();
    expect(await runAudit([], io)).toBe(1);
    expect(output.stdout).toMatch(
      /^Audit of customer 01000000-0000-3000-9000-000000000000 at http:\/\/127\.0\.0\.1:\d+$/m,
    );
    expect(output.stdout).toMatch(
      /^Open findings: \d+ \(Critical \d+, High [1-9]\d*, Medium \d+, Low \d+, Info \d+\); accepted: 0$/m,
    );
    expect(output.stdout).toContain('[high] client-dangling-policy');
    expect(output.stderr).toMatch(
      /Audited 25 clients: \d+ open findings, 0 accepted, written to stdout; fails at high and above\./,
    );
  });

  it('exits 0 with --fail-on never, and when the policy lowers every high rule', async () => {
    expect(await runAudit(['--fail-on', 'never'], capture().io)).toBe(0);
    await writeFile(join(command.folder, 'idc-audit.yaml'), lenientPolicy);
    const { io, output } = capture();
    expect(await runAudit([], io)).toBe(0);
    expect(output.stdout).toContain('Policy: idc-audit.yaml');
    expect(output.stdout).toMatch(/Critical 0, High 0,/);
    // The same file, but stricter threshold: the lowered findings fail at low.
    expect(await runAudit(['--fail-on', 'low'], capture().io)).toBe(1);
  });

  it('exits 0 when the policy file accepts the only high findings, and lists them as accepted', async () => {
    const first = capture();
    await runAudit(['--format', 'json'], first.io);
    const report = JSON.parse(first.output.stdout) as {
      findings: { ruleId: string; severity: string; subject: { id: string }; detail: string | null }[];
    };
    const serious = report.findings.filter((f) => f.severity === 'high' || f.severity === 'critical');
    expect(serious.length).toBeGreaterThan(0);
    const accepted = serious
      .map(
        (f) =>
          `  - client: ${JSON.stringify(f.subject.id)}\n    rule: ${f.ruleId}\n${f.detail === null ? '' : `    value: ${JSON.stringify(f.detail)}\n`}    reason: Reviewed\n    owner: sec@example.com\n    expires: "2027-01-31"`,
      )
      .join('\n');
    await writeFile(join(command.folder, 'policy.yaml'), `acceptedFindings:\n${accepted}\n`);
    const { io, output } = capture();
    expect(
      await runAudit(['--policy', 'policy.yaml', '--output', 'audit.json', '--format', 'json'], io),
    ).toBe(0);
    const written = JSON.parse(await readFile(join(command.folder, 'audit.json'), 'utf8')) as {
      summary: { accepted: number };
      findings: { state: string; acceptance: { source: string } | null }[];
    };
    expect(written.summary.accepted).toBe(serious.length);
    expect(
      written.findings
        .filter((f) => f.state === 'accepted')
        .every((f) => f.acceptance?.source === 'policy-file'),
    ).toBe(true);
    expect(output.stdout).toBe('');
    // After the expiry date the acceptances lapse and the audit fails again.
    const later = capture();
    later.io.now = () => new Date('2027-02-01T00:00:00Z');
    expect(await runAudit(['--policy', 'policy.yaml'], later.io)).toBe(1);
  });

  it('exits 2 on an invalid policy file, naming file, line and field, and audits nothing', async () => {
    await writeFile(
      join(command.folder, 'idc-audit.yaml'),
      'maxAccessTokenLifetime: 3600\ndisabledRules: [no-such-rule]\n',
    );
    const { io, output } = capture();
    expect(await runAudit(['--output', 'out.sarif', '--format', 'sarif'], io)).toBe(2);
    expect(output.stderr).toContain('audit: The policy file is invalid; nothing was audited.');
    expect(output.stderr).toContain('idc-audit.yaml:2:17: disabledRules[0]: is not a rule id');
    expect(await readdir(command.folder)).toEqual(['idc-audit.yaml']);
  });

  it('exits 2 when the policy file given does not exist, or an argument is wrong', async () => {
    const missing = capture();
    expect(await runAudit(['--policy', 'nope.yaml'], missing.io)).toBe(2);
    expect(missing.output.stderr).toContain('audit: Could not read the policy file nope.yaml (ENOENT).');
    const wrong = capture();
    expect(await runAudit(['--fail-on', 'severe'], wrong.io)).toBe(2);
    expect(wrong.output.stderr).toContain(
      '--fail-on must be critical, high, medium, low, info, never (got "severe").',
    );
  });

  it('exits 2 when the inventory cannot be read (tenant unreachable)', async () => {
    const { io, output } = capture(
      await unreachableTenantEnvironment({ IDC_CLIENT_SECRET: 'audit-secret-value-0123456789' }),
    );
    expect(await runAudit(['--fail-on', 'never'], io)).toBe(2);
    expect(output.stderr).toMatch(/audit: Could not connect \(\d+\)/);
    expect(output.stderr).not.toContain('audit-secret-value-0123456789');
  });

  it('exits 2 when the inventory is incomplete (policies forbidden), even with --fail-on never, and still writes it', async () => {
    const sandbox = await command.startSandbox({ quiet: true, clients: 10 });
    const { io, output } = capture({
      ...connectionEnvironment(sandbox),
      IDC_SCOPE: 'GET:config/clients GET:config/clients/*',
    });
    expect(await runAudit(['--fail-on', 'never', '--output', 'partial.txt'], io)).toBe(2);
    expect(output.stderr).toMatch(/audit: incomplete, \d+ items could not be read: findings may be missing/);
    const text = await readFile(join(command.folder, 'partial.txt'), 'utf8');
    expect(text).toContain('Not checked everywhere:');
  });
});

describe('npm run audit: nothing secret in SARIF, JUnit or JSON', () => {
  it('writes no client secret, policy secret or access token in any format', async () => {
    const sandbox = await command.startSandbox({ quiet: true, clients: 30, seed: 11 });
    const env = connectionEnvironment(sandbox);
    const outputs: Record<string, string> = {};
    for (const format of ['sarif', 'junit', 'json', 'text']) {
      const { io } = capture(env);
      const code = await runAudit(
        ['--format', format, '--output', `audit.${format}`, '--fail-on', 'never'],
        io,
      );
      expect(code).toBe(0);
      outputs[format] = await readFile(join(command.folder, `audit.${format}`), 'utf8');
    }
    const secrets = [
      sandbox.clientSecret,
      ...sandbox.data.loginPolicies.map(
        (policy) => policy.identityStoreDetails.connectionDetails.clientSecret,
      ),
      ...sandbox.issuedAccessTokens(),
    ];
    expect(sandbox.issuedAccessTokens().length).toBeGreaterThan(0);
    for (const [format, text] of Object.entries(outputs)) {
      expect(text.length, `${format} output was written`).toBeGreaterThan(500);
      for (const secret of secrets) {
        expect(text.includes(secret), `a secret in the ${format} output`).toBe(false);
        expect(text.includes(Buffer.from(secret).toString('base64')), `a base64 secret in ${format}`).toBe(
          false,
        );
      }
    }
    // Not blind: the outputs carry the inventory (client ids) the secrets sit beside upstream.
    const someClient = sandbox.data.clients[0]?.id ?? '';
    expect(outputs.junit).toContain(someClient);
    expect(outputs.json).toContain(sandbox.clientId);
  });
});
