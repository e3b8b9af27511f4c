// Rules on a client as a whole: its kind, its policy references, its redirect URI list being empty.
import { classifyClient } from '../client-kind.ts';
import type { Client } from '../schemas.ts';
import type { Finding, FindingSubject } from './finding.ts';
import type { RuleGroup } from './rule-description.ts';
import { createFinding } from './rule-description.ts';

/** This group's rules, worst first: what the catalogue, the docs and every finding of them say. */
export const clientRules = {
  'client-dangling-policy': {
    id: 'client-dangling-policy',
    severity: 'high',
    subjectKind: 'client',
    title: 'Confidential client refers to a policy missing from the tenant',
    explanation:
      'The client names a login or token policy that does not exist (any more): sign-in or token issuance for this client fails, or changes behaviour if a policy with that id is created later. Checked only when the policy lists were readable.',
    recommendation: 'Assign an existing policy to the client, or delete the client if it is no longer used.',
  },
  'client-public-without-redirect-uri': {
    id: 'client-public-without-redirect-uri',
    severity: 'medium',
    subjectKind: 'client',
    title: 'Public client has no redirect URI',
    explanation:
      'A public client (SPA or native app) cannot complete a sign-in without a registered redirect URI: it is either unused or misconfigured, and an unused client is one more thing to attack.',
    recommendation: 'Register the app’s redirect URIs, or delete the client if it is unused.',
  },
  'client-configuration': {
    id: 'client-configuration',
    severity: 'info',
    subjectKind: 'client',
    title: 'Configuration client',
    explanation:
      'A configuration client can obtain tokens for the configuration API, and so read and change the whole tenant: the most privileged kind of client.',
    recommendation: 'Keep as few as possible, rotate their secrets, and know who holds each one.',
  },
} as const satisfies RuleGroup;

/**
 * Whether a policy a client refers to exists: 'unknown' when the inventory cannot tell (policy list refused or
 * not loaded yet, the policy's own fetch failed for another reason than 404).
 */
export type PolicyPresence = 'present' | 'missing' | 'unknown';

export interface ClientRuleContext {
  /** Configuration clients in the tenant (as far as loaded), for the configuration client's explanation. */
  configurationClientCount: number;
  loginPolicyPresence: (policyId: string) => PolicyPresence;
  tokenPolicyPresence: (policyId: string) => PolicyPresence;
}

function hasText(value: string | null | undefined): value is string {
  return typeof value === 'string' && value.trim() !== '';
}

function configurationExplanation(count: number): string | undefined {
  if (count <= 1) return undefined;
  return `A configuration client can obtain tokens for the configuration API, and so read and change the whole tenant: the most privileged kind of client. This tenant has ${count} of them: check that each one is still needed and has a known owner.`;
}

export function clientFindings(
  client: Client,
  subject: FindingSubject,
  context: ClientRuleContext,
): Finding[] {
  const findings: Finding[] = [];
  const kind = classifyClient(client);

  if (kind === 'configuration') {
    findings.push(
      createFinding(clientRules['client-configuration'], subject, {
        explanation: configurationExplanation(context.configurationClientCount),
      }),
    );
  }

  // Confidential by type, as the issue states: configuration clients included (their token policy can dangle).
  if (kind !== 'public') {
    if (hasText(client.loginPolicy) && context.loginPolicyPresence(client.loginPolicy) === 'missing') {
      findings.push(
        createFinding(clientRules['client-dangling-policy'], subject, {
          detail: `login policy ${client.loginPolicy}`,
          explanation: `The client refers to login policy ${client.loginPolicy}, which does not exist in the tenant: sign-in for this client fails, or changes behaviour if a policy with that id appears later.`,
        }),
      );
    }
    if (hasText(client.tokenPolicy) && context.tokenPolicyPresence(client.tokenPolicy) === 'missing') {
      findings.push(
        createFinding(clientRules['client-dangling-policy'], subject, {
          detail: `token policy ${client.tokenPolicy}`,
          explanation: `The client refers to token policy ${client.tokenPolicy}, which does not exist in the tenant: token issuance for this client fails, or changes behaviour if a policy with that id appears later.`,
        }),
      );
    }
  }

  if (kind === 'public' && (client.redirectURIs ?? []).length === 0) {
    findings.push(createFinding(clientRules['client-public-without-redirect-uri'], subject));
  }
  return findings;
}
