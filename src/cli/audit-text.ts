// What a person reads in a terminal, and the JSON for scripts: counts by severity, then the open findings, then
// the accepted ones with who, why and until when.
import { severities, severityLabels } from '../identity-cloud/findings/finding.ts';
import type { AuditEntry, AuditReport } from './audit-report.ts';

function describe(entry: AuditEntry): string {
  const { finding } = entry;
  const detail = finding.detail === undefined ? '' : `\n      ${finding.detail}`;
  return `  [${finding.severity}] ${finding.ruleId}: ${finding.title}\n      ${finding.subject.name} (${finding.subject.id})${detail}`;
}

export function renderText(report: AuditReport): string {
  const open = report.entries.filter((entry) => entry.state === 'open');
  const accepted = report.entries.filter((entry) => entry.state === 'accepted');
  const counts = severities.map(
    (severity) => `${severityLabels[severity]} ${report.openBySeverity[severity]}`,
  );
  const lines = [
    `Audit of customer ${report.tenant.customerId} at ${report.tenant.identityDomain}`,
    `Policy: ${report.policyFile ?? 'none (the generic rules only)'}`,
    `Open findings: ${open.length} (${counts.join(', ')}); accepted: ${accepted.length}`,
  ];
  if (open.length > 0) lines.push('', 'Open findings, worst first:', ...open.map(describe));
  if (accepted.length > 0) {
    lines.push('', 'Accepted:');
    for (const entry of accepted) {
      const acceptance = entry.acceptance;
      const where =
        acceptance?.source === 'policy-file' ? 'accepted in the policy file' : 'accepted in the dashboard';
      lines.push(
        describe(entry),
        `      ${where} by ${acceptance?.acceptedBy ?? acceptance?.owner ?? '?'}, owner ${acceptance?.owner ?? '?'}, until ${acceptance?.expires ?? '?'}: ${acceptance?.reason ?? ''}`,
      );
    }
  }
  if (report.limitations.length > 0) {
    lines.push(
      '',
      'Not checked everywhere:',
      ...report.limitations.map((limitation) => `  ${limitation.reason}`),
    );
  }
  return `${lines.join('\n')}\n`;
}

export function renderJson(report: AuditReport): string {
  const document = {
    format: 'idc-audit-findings',
    version: 1,
    tenant: report.tenant,
    generatedAt: report.generatedAt,
    policyFile: report.policyFile,
    summary: { open: report.openBySeverity, accepted: report.acceptedCount },
    findings: report.entries.map((entry) => ({
      ruleId: entry.finding.ruleId,
      severity: entry.finding.severity,
      title: entry.finding.title,
      subject: entry.finding.subject,
      detail: entry.finding.detail ?? null,
      explanation: entry.finding.explanation,
      recommendation: entry.finding.recommendation,
      state: entry.state,
      acceptance: entry.acceptance,
      fingerprint: entry.fingerprint,
    })),
    limitations: report.limitations,
  };
  return `${JSON.stringify(document, null, 2)}\n`;
}
