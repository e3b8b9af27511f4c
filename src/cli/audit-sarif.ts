// SARIF 2.1.0 (OASIS), for code scanning dashboards: one rule per findings rule, one result per finding, accepted
// findings as results with an external suppression. Valid against schemas/sarif-schema-2.1.0.json (tested).
import type { AuditPolicy } from '../identity-cloud/audit/audit-policy.ts';
import type { Severity } from '../identity-cloud/findings/finding.ts';
import type { RuleDefinition } from '../identity-cloud/findings/rule-catalogue.ts';
import { ruleDefinitions } from '../identity-cloud/findings/rule-catalogue.ts';
import { ruleAnchor } from '../identity-cloud/findings/rule-docs.ts';
import { configResources } from '../identity-cloud/config-resources.ts';
import type { AuditEntry, AuditReport } from './audit-report.ts';

export const sarifSchemaUri =
  'https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json';
export const fingerprintName = 'idcFinding/v1';

export interface SarifOptions {
  policy: AuditPolicy;
  /** Absolute URL of docs/findings.md; each rule's help URI is its section there. */
  findingsDocUrl: string;
  toolVersion: string;
}

const levels: Record<Severity, 'error' | 'warning' | 'note'> = {
  critical: 'error',
  high: 'error',
  medium: 'warning',
  low: 'note',
  info: 'note',
};

// GitHub code scanning orders by this CVSS-like score; the bands are its own (critical ≥ 9, high ≥ 7, …).
const securitySeverity: Record<Severity, string> = {
  critical: '9.5',
  high: '8.0',
  medium: '5.5',
  low: '3.0',
  info: '0.0',
};

function pascalCase(id: string): string {
  return id
    .split('-')
    .map((part) => part.charAt(0).toUpperCase() + part.slice(1))
    .join('');
}

function sarifRule(rule: RuleDefinition, options: SarifOptions) {
  const severity = options.policy.severity?.[rule.id] ?? rule.severity;
  const enabled = !(options.policy.disabledRules ?? []).includes(rule.id);
  const reference = rule.reference ? ` (${rule.reference})` : '';
  return {
    id: rule.id,
    name: pascalCase(rule.id),
    shortDescription: { text: rule.title },
    fullDescription: { text: rule.explanation },
    help: {
      text: `${rule.explanation}\n\nWhat to do: ${rule.recommendation}${reference}`,
      markdown: `${rule.explanation}\n\n**What to do:** ${rule.recommendation}${reference}`,
    },
    helpUri: `${options.findingsDocUrl}#${ruleAnchor(rule.id)}`,
    defaultConfiguration: { level: levels[severity], enabled },
    properties: {
      tags: ['security', 'identity', rule.subjectKind],
      'security-severity': securitySeverity[severity],
    },
  };
}

function logicalLocations(entry: AuditEntry) {
  const { subject, detail } = entry.finding;
  const subjectPath = `${configResources[subject.kind].collection}/${subject.id}`;
  const locations: Record<string, unknown>[] = [
    {
      name: subject.name,
      fullyQualifiedName: subjectPath,
      kind: 'object',
      properties: { id: subject.id, type: subject.kind },
    },
  ];
  if (detail !== undefined) {
    locations.push({ name: detail, fullyQualifiedName: `${subjectPath}/${detail}`, kind: 'value' });
  }
  return locations;
}

function sarifResult(entry: AuditEntry, ruleIndex: number, policyFile: string | null) {
  const { finding } = entry;
  const where = finding.detail === undefined ? '' : `: ${finding.detail}`;
  const location: Record<string, unknown> = { logicalLocations: logicalLocations(entry) };
  // Code scanning files every result under a file of the repository: the policy that judged it.
  if (policyFile !== null) {
    location.physicalLocation = { artifactLocation: { uri: policyFile }, region: { startLine: 1 } };
  }
  const result: Record<string, unknown> = {
    ruleId: finding.ruleId,
    ruleIndex,
    level: levels[finding.severity],
    message: { text: `${finding.title} (${finding.subject.name})${where}. ${finding.explanation}` },
    locations: [location],
    partialFingerprints: { [fingerprintName]: entry.fingerprint },
    properties: { severity: finding.severity, 'security-severity': securitySeverity[finding.severity] },
  };
  if (entry.acceptance !== null) {
    const acceptance = entry.acceptance;
    result.suppressions = [
      {
        kind: 'external',
        status: 'accepted',
        justification: acceptance.reason,
        properties: {
          owner: acceptance.owner,
          expires: acceptance.expires,
          source: acceptance.source,
          ...(acceptance.acceptedBy === undefined ? {} : { acceptedBy: acceptance.acceptedBy }),
        },
      },
    ];
  }
  return result;
}

export function renderSarif(report: AuditReport, options: SarifOptions): string {
  const ruleIndexes = new Map(ruleDefinitions.map((rule, index) => [rule.id, index]));
  const log = {
    $schema: sarifSchemaUri,
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'idc-audit',
            fullName: 'Client inventory for Akamai Identity Cloud: audit',
            version: options.toolVersion,
            rules: ruleDefinitions.map((rule) => sarifRule(rule, options)),
          },
        },
        automationDetails: { id: `idc-audit/${report.tenant.customerId}/` },
        invocations: [{ executionSuccessful: true, endTimeUtc: report.generatedAt }],
        results: report.entries.map((entry) =>
          sarifResult(entry, ruleIndexes.get(entry.finding.ruleId) ?? -1, report.policyFile),
        ),
        properties: { identityDomain: report.tenant.identityDomain, customerId: report.tenant.customerId },
      },
    ],
  };
  return `${JSON.stringify(log, null, 2)}\n`;
}
