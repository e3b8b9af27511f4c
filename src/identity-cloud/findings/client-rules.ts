// Rules on a client as a whole: its kind, its policy references, its redirect URI list being empty.
import { classifyClient } from '../client-kind.ts';
import type { Client } from '../schemas.ts';
import type { Finding, FindingSubject } from './finding.ts';
import { createFinding } from './rule-catalogue.ts';

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
      createFinding('client-configuration', subject, {
        explanation: configurationExplanation(context.configurationClientCount),
      }),
    );
  }

  // Confidential by type, as the issue states: configuration clients included (their token policy can dangle).
  if (kind !== 'public') {
    if (hasText(client.loginPolicy) && context.loginPolicyPresence(client.loginPolicy) === 'missing') {
      findings.push(
        createFinding('client-dangling-policy', subject, {
          detail: `login policy ${client.loginPolicy}`,
          explanation: `The client refers to login policy ${client.loginPolicy}, which does not exist in the tenant: sign-in for this client fails, or changes behaviour if a policy with that id appears later.`,
        }),
      );
    }
    if (hasText(client.tokenPolicy) && context.tokenPolicyPresence(client.tokenPolicy) === 'missing') {
      findings.push(
        createFinding('client-dangling-policy', subject, {
          detail: `token policy ${client.tokenPolicy}`,
          explanation: `The client refers to token policy ${client.tokenPolicy}, which does not exist in the tenant: token issuance for this client fails, or changes behaviour if a policy with that id appears later.`,
        }),
      );
    }
  }

  if (kind === 'public' && (client.redirectURIs ?? []).length === 0) {
    findings.push(createFinding('client-public-without-redirect-uri', subject));
  }
  return findings;
}
