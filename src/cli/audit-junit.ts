// JUnit XML for CI dashboards: a test suite per rule, a test case per subject (client or policy) the rule looks at;
// failed when an open finding matched, skipped when every match is accepted (or the rule could not be checked).
import type { AuditPolicy } from '../identity-cloud/audit/audit-policy.ts';
import type { FindingSubject } from '../identity-cloud/findings/finding.ts';
import { ruleDefinitions } from '../identity-cloud/findings/rule-catalogue.ts';
import type { AuditEntry, AuditReport } from './audit-report.ts';

// XML 1.0 allows neither C0 controls (but tab, LF, CR) nor lone surrogates: a hostile redirect URI must not break
// the file the CI reads.
// eslint-disable-next-line no-control-regex -- stripping control characters is the point
const invalidXmlCharacters = /[^\u0009\u000a\u000d\u0020-\ud7ff\ue000-\ufffd\u{10000}-\u{10ffff}]/gu;

export function xmlText(value: string): string {
  return value
    .replace(invalidXmlCharacters, '\ufffd')
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;')
    .replaceAll("'", '&apos;');
}

const kindLabels = { client: 'client', loginPolicy: 'login policy', tokenPolicy: 'token policy' } as const;

function caseName(subject: FindingSubject): string {
  return `${kindLabels[subject.kind]} ${subject.name} (${subject.id})`;
}

function describeEntry(entry: AuditEntry): string {
  const { finding } = entry;
  const detail = finding.detail === undefined ? '' : `${finding.detail}: `;
  return `${detail}${finding.explanation}\nWhat to do: ${finding.recommendation}`;
}

export function renderJunit(report: AuditReport, policy: AuditPolicy): string {
  const disabled = new Set(policy.disabledRules ?? []);
  const entriesByCase = new Map<string, AuditEntry[]>();
  for (const entry of report.entries) {
    const key = `${entry.finding.ruleId}|${entry.finding.subject.kind}|${entry.finding.subject.id}`;
    entriesByCase.set(key, [...(entriesByCase.get(key) ?? []), entry]);
  }
  const unchecked = new Map<string, string>();
  for (const limitation of report.limitations) {
    for (const ruleId of limitation.ruleIds) unchecked.set(ruleId, limitation.reason);
  }

  const suites: string[] = [];
  let totals = { tests: 0, failures: 0, skipped: 0 };
  for (const rule of ruleDefinitions) {
    if (disabled.has(rule.id)) continue;
    const cases: string[] = [];
    let failures = 0;
    let skipped = 0;
    for (const subject of report.subjects) {
      if (subject.kind !== rule.subjectKind) continue;
      const entries = entriesByCase.get(`${rule.id}|${subject.kind}|${subject.id}`) ?? [];
      const open = entries.filter((entry) => entry.state === 'open');
      const attributes = `classname="${xmlText(`idc-audit.${rule.id}`)}" name="${xmlText(caseName(subject))}"`;
      if (open.length > 0) {
        failures += 1;
        const severity = open[0]?.finding.severity ?? rule.severity;
        const body = open.map(describeEntry).join('\n\n');
        cases.push(
          `    <testcase ${attributes}>\n      <failure message="${xmlText(rule.title)}" type="${severity}">${xmlText(body)}</failure>\n    </testcase>`,
        );
      } else if (entries.length > 0) {
        skipped += 1;
        const reasons = entries
          .map((entry) =>
            entry.acceptance === null
              ? ''
              : `accepted: ${entry.acceptance.reason} (${entry.acceptance.owner}, until ${entry.acceptance.expires})`,
          )
          .join('; ');
        cases.push(
          `    <testcase ${attributes}>\n      <skipped message="${xmlText(reasons)}"/>\n    </testcase>`,
        );
      } else if (unchecked.has(rule.id)) {
        skipped += 1;
        const reason = `not checked: ${unchecked.get(rule.id) ?? ''}`;
        cases.push(
          `    <testcase ${attributes}>\n      <skipped message="${xmlText(reason)}"/>\n    </testcase>`,
        );
      } else {
        cases.push(`    <testcase ${attributes}/>`);
      }
    }
    totals = {
      tests: totals.tests + cases.length,
      failures: totals.failures + failures,
      skipped: totals.skipped + skipped,
    };
    suites.push(
      `  <testsuite name="${xmlText(rule.id)}" tests="${cases.length}" failures="${failures}" errors="0" skipped="${skipped}" timestamp="${report.generatedAt}">\n${cases.join('\n')}${cases.length > 0 ? '\n' : ''}  </testsuite>`,
    );
  }
  return `<?xml version="1.0" encoding="UTF-8"?>\n<testsuites name="idc-audit ${xmlText(report.tenant.customerId)}" tests="${totals.tests}" failures="${totals.failures}" errors="0" skipped="${totals.skipped}">\n${suites.join('\n')}\n</testsuites>\n`;
}
