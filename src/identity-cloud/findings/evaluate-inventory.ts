// Runs every rule over a whole inventory in linear time: one pass to count configuration clients and policy
// references, one pass over clients, one over policies, then findings bucketed by severity (no sort).
import type { AcceptedFinding } from '../audit/acceptance.ts';
import type { AuditSettings } from '../audit/audit-evaluation.ts';
import { createTriage } from '../audit/audit-evaluation.ts';
import {
  configurationCountPolicyFindings,
  redirectUriPolicyFindings,
  tokenLifetimePolicyFindings,
} from '../audit/audit-rules.ts';
import { classifyClient } from '../client-kind.ts';
import { clientDisplayName } from '../client-model.ts';
import type { InventoryCoverage } from '../inventory-coverage.ts';
import { inventoryCoverage, policyPresence } from '../inventory-coverage.ts';
import type { Inventory } from '../inventory.ts';
import type { Client } from '../schemas.ts';
import { clientFindings } from './client-rules.ts';
import type { ClientRuleContext } from './client-rules.ts';
import type { Finding, FindingSubject, RuleId, Severity } from './finding.ts';
import { emptySeverityCounts, severities, worstSeverity } from './finding.ts';
import { loginPolicyFindings, policySubject, tokenPolicyFindings } from './policy-rules.ts';
import { RedirectUriFindingsMemo } from './redirect-uri-findings-memo.ts';
import { ruleCatalogue, ruleIds } from './rule-catalogue.ts';

/** Rules that could not be checked everywhere, and why: the UI says so rather than implying "all clear". */
export interface FindingsLimitation {
  ruleIds: RuleId[];
  reason: string;
}

export interface InventoryFindings {
  /**
   * The open findings, worst severity first; within a severity, in inventory order (clients in list order, then
   * policies). Accepted findings are in `accepted` only, counted nowhere else.
   */
  all: Finding[];
  /** Findings an acceptance (policy file or store) covers, in the order found. */
  accepted: AcceptedFinding[];
  byClientId: Map<string, Finding[]>;
  byLoginPolicyId: Map<string, Finding[]>;
  byTokenPolicyId: Map<string, Finding[]>;
  countsBySeverity: Record<Severity, number>;
  countsByRule: Record<RuleId, number>;
  coverage: InventoryCoverage;
  limitations: FindingsLimitation[];
}

export interface FindingsSummary {
  count: number;
  worst: Severity | null;
  /** Distinct rule ids, in the order found. */
  ruleIds: RuleId[];
}

const clientRuleIds = ruleIds.filter((id) => ruleCatalogue[id].subjectKind === 'client');

/** Clients in list order, then any detail that arrived without a list entry. */
function clientsInOrder(inventory: Inventory): { client: Client }[] {
  const ordered: { client: Client }[] = [];
  const listed = new Set<string>();
  for (const summary of inventory.summaries) {
    listed.add(summary.id);
    const client = inventory.clientsById.get(summary.id);
    if (client) ordered.push({ client });
  }
  for (const [id, client] of inventory.clientsById) {
    if (!listed.has(id)) ordered.push({ client });
  }
  return ordered;
}

// The memo used when the caller brings none: the browser evaluates the inventory again every second while it
// streams, and parsing every URI of every client again each time was most of an evaluation.
const sharedRedirectUriFindings = new RedirectUriFindingsMemo();

/** Named as the grid names it (`clientDisplayName`). */
export function clientSubject(client: Client): FindingSubject {
  return { kind: 'client', id: client.id, name: clientDisplayName(client) };
}

function countReference(counts: Map<string, number>, policyId: string | null | undefined): void {
  if (typeof policyId === 'string' && policyId !== '') counts.set(policyId, (counts.get(policyId) ?? 0) + 1);
}

function plural(count: number, word: string): string {
  return `${count.toLocaleString('en-US')} ${word}${count === 1 ? '' : 's'}`;
}

function limitationsOf(coverage: InventoryCoverage): FindingsLimitation[] {
  const limitations: FindingsLimitation[] = [];
  if (!coverage.clientListLoaded) {
    limitations.push({
      ruleIds: [...clientRuleIds, 'login-policy-unused', 'token-policy-unused'],
      reason: 'The client list could not be read (or has not arrived yet): no client was checked.',
    });
  } else if (coverage.missingClientDetails > 0) {
    const missing = plural(coverage.missingClientDetails, 'client');
    limitations.push(
      {
        ruleIds: clientRuleIds,
        reason: `${missing} could not be checked: their details failed or are still loading.`,
      },
      {
        ruleIds: ['login-policy-unused', 'token-policy-unused'],
        reason: `Unused policies are not reported while ${missing} lack details: they may use them.`,
      },
    );
  }
  if (!coverage.loginPolicyListLoaded || !coverage.tokenPolicyListLoaded) {
    const lists = [
      coverage.loginPolicyListLoaded ? null : 'login',
      coverage.tokenPolicyListLoaded ? null : 'token',
    ].filter((value) => value !== null);
    limitations.push({
      ruleIds: ['client-dangling-policy'],
      reason: `The ${lists.join(' and ')} policy list was not read in full${coverage.finished ? '' : ' yet'}: a missing policy is reported only when fetching it answered 404.`,
    });
  }
  return limitations;
}

/**
 * `audit`: the organisation's policy and accepted risks; without it, the generic rules alone. `memo`: redirect-URI
 * findings already made for some clients (the same findings either way; by default one memo shared by all calls).
 */
export function evaluateInventory(
  inventory: Inventory,
  audit?: AuditSettings,
  memo: RedirectUriFindingsMemo = sharedRedirectUriFindings,
): InventoryFindings {
  const auditPolicy = audit?.policy ?? {};
  const { triage, accepted } = createTriage(audit);
  const coverage = inventoryCoverage(inventory);
  const clients = clientsInOrder(inventory);

  let configurationClientCount = 0;
  const loginPolicyUse = new Map<string, number>();
  const tokenPolicyUse = new Map<string, number>();
  for (const { client } of clients) {
    if (classifyClient(client) === 'configuration') configurationClientCount += 1;
    countReference(loginPolicyUse, client.loginPolicy);
    countReference(tokenPolicyUse, client.tokenPolicy);
  }

  const context: ClientRuleContext = {
    configurationClientCount,
    loginPolicyPresence: (id) => policyPresence(inventory, coverage, 'loginPolicy', id),
    tokenPolicyPresence: (id) => policyPresence(inventory, coverage, 'tokenPolicy', id),
  };

  const buckets = new Map<Severity, Finding[]>(severities.map((severity) => [severity, []]));
  const countsByRule = Object.fromEntries(ruleIds.map((id) => [id, 0])) as Record<RuleId, number>;
  const countsBySeverity = emptySeverityCounts();
  const record = (findings: Finding[]): void => {
    for (const finding of findings) {
      buckets.get(finding.severity)?.push(finding);
      countsByRule[finding.ruleId] += 1;
      countsBySeverity[finding.severity] += 1;
    }
  };

  const byClientId = new Map<string, Finding[]>();
  for (const { client } of clients) {
    const subject = clientSubject(client);
    const configuration = classifyClient(client) === 'configuration';
    const findings = triage([
      ...clientFindings(client, subject, context),
      ...memo.of(client, subject),
      ...redirectUriPolicyFindings(client, subject, auditPolicy),
      ...(configuration
        ? configurationCountPolicyFindings(subject, configurationClientCount, auditPolicy)
        : []),
    ]);
    if (findings.length > 0) {
      byClientId.set(client.id, findings);
      record(findings);
    }
  }

  // Usage is known only when every client's references were seen.
  const usage = (counts: Map<string, number>, id: string): number | null =>
    coverage.allClientDetailsLoaded ? (counts.get(id) ?? 0) : null;

  const byLoginPolicyId = new Map<string, Finding[]>();
  for (const policy of inventory.loginPoliciesById.values()) {
    const findings = triage(loginPolicyFindings(policy, { usedBy: usage(loginPolicyUse, policy.id) }));
    if (findings.length > 0) {
      byLoginPolicyId.set(policy.id, findings);
      record(findings);
    }
  }
  const byTokenPolicyId = new Map<string, Finding[]>();
  for (const tokenPolicy of inventory.tokenPoliciesById.values()) {
    const findings = triage([
      ...tokenPolicyFindings(tokenPolicy, { usedBy: usage(tokenPolicyUse, tokenPolicy.id) }),
      ...tokenLifetimePolicyFindings(tokenPolicy, policySubject('tokenPolicy', tokenPolicy), auditPolicy),
    ]);
    if (findings.length > 0) {
      byTokenPolicyId.set(tokenPolicy.id, findings);
      record(findings);
    }
  }

  return {
    all: severities.flatMap((severity) => buckets.get(severity) ?? []),
    accepted,
    byClientId,
    byLoginPolicyId,
    byTokenPolicyId,
    countsBySeverity,
    countsByRule,
    coverage,
    limitations: limitationsOf(coverage),
  };
}

export function summarizeFindings(findings: readonly Finding[] | undefined): FindingsSummary {
  const list = findings ?? [];
  return {
    count: list.length,
    worst: worstSeverity(list),
    ruleIds: [...new Set(list.map((finding) => finding.ruleId))],
  };
}
