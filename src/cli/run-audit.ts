// The headless audit: the inventory read as `npm run export` reads it (same proxy, same reader), the audit
// policy and accepted risks applied by the same pure evaluation as the dashboard's, written as text, JSON, SARIF
// or JUnit. `main` of dist-server/audit.js.
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { relative, resolve } from 'node:path';
import type { AuditPolicy } from '../identity-cloud/audit/audit-policy.ts';
import { formatPolicyError, readAuditPolicy } from '../identity-cloud/audit/read-audit-policy.ts';
import type { Connection } from '../identity-cloud/connection-rules.ts';
import { evaluateInventory } from '../identity-cloud/findings/evaluate-inventory.ts';
import { createProxyApp } from '../proxy/create-proxy-app.ts';
import type { SandboxOptions } from '../sandbox/start-sandbox.ts';
import type { ProgressStream } from '../export/export-progress.ts';
import { createExportProgress } from '../export/export-progress.ts';
import { checkSession, ExportFailure, fetchExportInventory, incompleteItems } from '../export/run-export.ts';
import type { AuditArguments } from './audit-options.ts';
import { auditUsage, parseAuditArguments } from './audit-options.ts';
import { renderJunit } from './audit-junit.ts';
import type { AuditReport } from './audit-report.ts';
import { buildAuditReport, failsAt } from './audit-report.ts';
import { renderSarif } from './audit-sarif.ts';
import { renderJson, renderText } from './audit-text.ts';
import { startHeadlessCommand, withHeadlessConnection } from '../export/headless-connection.ts';
import { readStoredAcceptances, type StoredAcceptancesResult } from './stored-acceptances.ts';
import { writeFailureReason, writeFileAtomically } from '../export/atomic-write.ts';

export const auditExitCodes = { clean: 0, findings: 1, unusable: 2 } as const;
export type AuditExitCode = (typeof auditExitCodes)[keyof typeof auditExitCodes];

export const defaultPolicyFile = 'idc-audit.yaml';

/** Acceptances kept by the dashboard's store; by default the store of IDC_STORE, IDC_STORE_PATH, DATABASE_URL. */
export type AcceptanceSource = (tenant: {
  identityDomain: string;
  customerId: string;
}) => Promise<StoredAcceptancesResult>;

export interface AuditIo {
  env: Readonly<Record<string, string | undefined>>;
  stdout: { write(text: string): unknown };
  stderr: ProgressStream;
  /** Where relative --policy and --output paths are resolved. */
  cwd: string;
  /** Absolute URL of docs/findings.md, for SARIF's help URIs. */
  findingsDocUrl: string;
  now?: () => Date;
  sandboxOptions?: SandboxOptions;
  acceptances?: AcceptanceSource;
}

class AuditFailure extends Error {}

interface LoadedPolicy {
  policy: AuditPolicy;
  /** As written in reports: relative to the working folder (the repository, in CI). */
  file: string | null;
}

async function loadPolicy(args: AuditArguments, io: AuditIo): Promise<LoadedPolicy> {
  const given = args.policy ?? io.env.IDC_AUDIT_POLICY ?? null;
  const path = resolve(io.cwd, given ?? defaultPolicyFile);
  if (given === null && !existsSync(path)) return { policy: {}, file: null };
  const name = relative(io.cwd, path) || path;
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    const reason = error instanceof Error && 'code' in error ? String(error.code) : 'read error';
    throw new AuditFailure(`Could not read the policy file ${name} (${reason}).`);
  }
  const result = readAuditPolicy(text, name);
  if (!result.ok) {
    throw new AuditFailure(
      `The policy file is invalid; nothing was audited.\n${result.errors.map(formatPolicyError).join('\n')}`,
    );
  }
  return { policy: result.policy, file: name };
}

function render(args: AuditArguments, report: AuditReport, policy: AuditPolicy, io: AuditIo): string {
  switch (args.format) {
    case 'json':
      return renderJson(report);
    case 'sarif':
      return renderSarif(report, {
        policy,
        findingsDocUrl: io.findingsDocUrl,
        toolVersion: io.env.npm_package_version ?? '0.0.0',
      });
    case 'junit':
      return renderJunit(report, policy);
    case 'text':
      return renderText(report);
  }
}

async function audit(
  args: AuditArguments,
  loaded: LoadedPolicy,
  connection: Connection,
  io: AuditIo,
  progress: ReturnType<typeof createExportProgress>,
): Promise<AuditExitCode> {
  const proxy = createProxyApp({ defaultConnection: connection });
  try {
    await checkSession(proxy);
    const { inventory, skippedLines } = await fetchExportInventory(proxy, progress);
    const now = io.now?.() ?? new Date();
    const tenant = { identityDomain: connection.identityDomain, customerId: connection.customerId };
    const read = io.acceptances ?? ((of) => readStoredAcceptances(io.env, io.cwd, of));
    const fromStore = await read(tenant);
    if (!fromStore.ok) throw new AuditFailure(fromStore.message);
    const stored = fromStore.acceptances;
    if (fromStore.location !== null) {
      progress.line(
        `${stored.length} accepted risk${stored.length === 1 ? '' : 's'} read from the store at ${fromStore.location}.`,
      );
    }
    const findings = evaluateInventory(inventory, { policy: loaded.policy, acceptances: stored, now });
    const report = buildAuditReport(findings, {
      identityDomain: connection.identityDomain,
      customerId: connection.customerId,
      generatedAt: now,
      policyFile: loaded.file,
      inventory,
    });
    const content = render(args, report, loaded.policy, io);
    let destination = 'stdout';
    if (args.output === null) {
      io.stdout.write(content);
    } else {
      destination = resolve(io.cwd, args.output);
      try {
        await writeFileAtomically(destination, content);
      } catch (error) {
        throw new AuditFailure(`Could not write ${destination} (${writeFailureReason(error)}).`);
      }
    }
    const open = report.entries.length - report.acceptedCount;
    const summary = `${open} open finding${open === 1 ? '' : 's'}, ${report.acceptedCount} accepted, written to ${destination}`;
    const failed = incompleteItems(inventory);
    if (inventory.done === null || failed > 0 || skippedLines > 0) {
      const reason =
        inventory.done === null
          ? 'the inventory stream ended early'
          : failed > 0
            ? `${failed} item${failed === 1 ? '' : 's'} could not be read`
            : `${skippedLines} malformed line${skippedLines === 1 ? '' : 's'} skipped`;
      progress.line(`audit: incomplete, ${reason}: findings may be missing (${summary}).`);
      return auditExitCodes.unusable;
    }
    const failing = failsAt(report, args.failOn);
    const threshold = args.failOn === 'never' ? '' : `; fails at ${args.failOn} and above`;
    progress.line(`Audited ${inventory.clientsById.size} clients: ${summary}${threshold}.`);
    return failing ? auditExitCodes.findings : auditExitCodes.clean;
  } finally {
    proxy.close();
  }
}

/** Runs the audit; resolves with the exit code. Every failure ends with a reason on stderr. */
export async function runAudit(argv: readonly string[], io: AuditIo): Promise<AuditExitCode> {
  const progress = createExportProgress(io.stderr);
  const fail = (message: string): AuditExitCode => {
    progress.line(`audit: ${message}`);
    return auditExitCodes.unusable;
  };

  const start = startHeadlessCommand(parseAuditArguments(argv), io.env);
  if (start.kind === 'help') {
    io.stdout.write(`${auditUsage}\n`);
    return auditExitCodes.clean;
  }
  if (start.kind === 'error') return fail(start.message);
  const { options, source } = start.arguments;
  try {
    // The policy first: a policy that cannot be read starts no sandbox.
    const loaded = await loadPolicy(options, io);
    return await withHeadlessConnection(source, io.sandboxOptions, (connection, sandboxed) => {
      if (sandboxed) progress.line('No IDC_* connection variables set: auditing the built-in sandbox.');
      progress.line(`Auditing customer ${connection.customerId} at ${connection.identityDomain}…`);
      return audit(options, loaded, connection, io, progress);
    });
  } catch (error) {
    if (error instanceof AuditFailure || error instanceof ExportFailure) return fail(error.message);
    throw error;
  }
}
