// A small audited inventory for the output formats' tests: open findings, an accepted one, a hostile name.
import type { Acceptance } from '../identity-cloud/audit/acceptance.ts';
import type { AuditPolicy } from '../identity-cloud/audit/audit-policy.ts';
import { evaluateInventory } from '../identity-cloud/findings/evaluate-inventory.ts';
import {
  buildInventory,
  configurationClient,
  confidentialClient,
  publicClient,
  referencedPolicies,
} from '../identity-cloud/inventory-fixtures.ts';
import type { AuditReport } from './audit-report.ts';
import { buildAuditReport } from './audit-report.ts';

export const fixturePolicy: AuditPolicy = {
  allowedRedirectHosts: ['*.example.com'],
  maxConfigurationClients: 1,
  acceptedFindings: [
    {
      client: 'web',
      rule: 'redirect-uri-plain-http',
      value: 'http://legacy.example.com/cb',
      reason: 'Intranet only, replaced in Q3',
      owner: 'it@example.com',
      expires: '2027-06-30',
    },
  ],
};

export const storeAcceptance: Acceptance = {
  id: '1',
  source: 'store',
  rule: 'redirect-uri-host-not-allowed',
  client: 'spa',
  value: 'https://partner.example.net/cb',
  reason: 'Partner portal, contract 42',
  owner: 'alice@example.com',
  expires: '2027-01-31',
  acceptedBy: 'alice@example.com',
  acceptedAt: '2026-12-01T09:00:00.000Z',
};

export function fixtureReport(now = new Date('2026-12-01T12:00:00Z')): AuditReport {
  const hostile = publicClient('odd', ['https://odd.example.com/cb?<x>&"y"\u0001']);
  hostile.name = 'Odd <client> & "friends"';
  const inventory = buildInventory({
    clients: [
      publicClient('spa', [
        'https://app.example.com/cb',
        'https://partner.example.net/cb',
        'https://*.x.example.com/cb',
      ]),
      confidentialClient('web', ['http://legacy.example.com/cb']),
      configurationClient('cfg1'),
      configurationClient('cfg2'),
      hostile,
    ],
    ...referencedPolicies,
  });
  const findings = evaluateInventory(inventory, {
    policy: fixturePolicy,
    acceptances: [storeAcceptance],
    now,
  });
  return buildAuditReport(findings, {
    identityDomain: 'https://idc.example.com',
    customerId: '01000000-0000-3000-9000-000000000000',
    generatedAt: now,
    policyFile: 'idc-audit.yaml',
    inventory,
  });
}
