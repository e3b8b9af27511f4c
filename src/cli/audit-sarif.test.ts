import { readFileSync } from 'node:fs';
import { Ajv } from 'ajv';
import { describe, expect, it } from 'vitest';
import { ruleDefinitions } from '../identity-cloud/findings/rule-catalogue.ts';
import { fixturePolicy, fixtureReport } from './audit-fixtures.ts';
import { fingerprintName, renderSarif } from './audit-sarif.ts';

// The OASIS schema (errata 01) is draft-04, which Ajv 8 reads as draft-07 once `id` is spelt `$id`: the schema
// uses neither draft-04's boolean exclusiveMinimum nor anything else the two drafts read differently.
const official = JSON.parse(
  readFileSync(new URL('../../schemas/sarif-schema-2.1.0.json', import.meta.url), 'utf8'),
) as Record<string, unknown>;
const { id, ...body } = official;
delete body.$schema;
const ajv = new Ajv({ allErrors: true, strict: false });
// The schema's "uri" fields must be absolute URIs (help URIs included); "date-time" as RFC 3339.
ajv.addFormat('uri', /^[a-z][a-z0-9+.-]*:[^\s]*$/i);
ajv.addFormat('uri-reference', /^[^\s]*$/);
ajv.addFormat('date-time', /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/);
const validate = ajv.compile({ ...body, $id: String(id) });

const docUrl = 'https://github.com/example/idc-client-inventory/blob/main/docs/findings.md';
const options = { policy: fixturePolicy, findingsDocUrl: docUrl, toolVersion: '0.1.0' };

interface SarifLog {
  runs: {
    tool: { driver: { rules: Record<string, unknown>[] } };
    results: {
      ruleId: string;
      level: string;
      locations: { logicalLocations: { name: string; fullyQualifiedName: string; kind: string }[] }[];
      partialFingerprints: Record<string, string>;
      suppressions?: { kind: string; justification: string }[];
    }[];
  }[];
}

function sarif(now?: Date): SarifLog {
  return JSON.parse(renderSarif(fixtureReport(now), options)) as SarifLog;
}

describe('SARIF output', () => {
  it('is valid against the official SARIF 2.1.0 schema', () => {
    const log: unknown = JSON.parse(renderSarif(fixtureReport(), options));
    expect(validate(log), ajv.errorsText(validate.errors)).toBe(true);
  });

  it('the schema check is not blind: a result without a message is refused', () => {
    const log = sarif() as unknown as { runs: { results: Record<string, unknown>[] }[] };
    delete log.runs[0]?.results[0]?.message;
    expect(validate(log)).toBe(false);
  });

  it('describes every rule: id, name, descriptions, help, help URI to its docs section, default level', () => {
    const rules = sarif().runs[0]?.tool.driver.rules ?? [];
    expect(rules.map((rule) => rule.id)).toEqual(ruleDefinitions.map((rule) => rule.id));
    expect(rules.find((rule) => rule.id === 'redirect-uri-host-not-allowed')).toMatchObject({
      name: 'RedirectUriHostNotAllowed',
      shortDescription: { text: 'Redirect URI host is not in the organisation’s allow list' },
      fullDescription: { text: expect.stringContaining('allowedRedirectHosts') as unknown },
      help: { text: expect.stringContaining('What to do: Remove the URI') as unknown },
      helpUri: `${docUrl}#redirect-uri-host-not-allowed`,
      defaultConfiguration: { level: 'error', enabled: true },
    });
  });

  it('gives each result the client as logical location, and the redirect URI', () => {
    const result = sarif().runs[0]?.results.find((entry) => entry.ruleId === 'redirect-uri-wildcard');
    expect(result?.locations[0]?.logicalLocations).toEqual([
      expect.objectContaining({ name: 'Public spa', fullyQualifiedName: 'clients/spa', kind: 'object' }),
      expect.objectContaining({ name: 'https://*.x.example.com/cb', kind: 'value' }),
    ]);
    expect(result?.level).toBe('error');
  });

  it('keeps fingerprints stable across runs, and distinct between findings', () => {
    const fingerprints = (log: SarifLog) =>
      log.runs[0]?.results.map((r) => r.partialFingerprints[fingerprintName]);
    const first = fingerprints(sarif(new Date('2026-12-01T12:00:00Z')));
    const second = fingerprints(sarif(new Date('2026-12-02T08:00:00Z')));
    expect(first).toEqual(second);
    expect(new Set(first).size).toBe(first?.length);
    expect(first?.every((value) => /^[0-9a-f]{32}$/.test(value ?? ''))).toBe(true);
  });

  it('carries accepted findings as results with an external suppression whose justification is the reason', () => {
    const suppressed = sarif().runs[0]?.results.filter((r) => r.suppressions !== undefined) ?? [];
    const described = suppressed.map((r) => [
      r.ruleId,
      r.suppressions?.[0]?.kind,
      r.suppressions?.[0]?.justification,
    ]);
    expect(described.sort()).toEqual([
      ['redirect-uri-host-not-allowed', 'external', 'Partner portal, contract 42'],
      ['redirect-uri-plain-http', 'external', 'Intranet only, replaced in Q3'],
    ]);
  });
});
