import { describe, expect, it } from 'vitest';
import { formatPolicyError, readAuditPolicy } from './read-audit-policy.ts';

const file = 'idc-audit.yaml';

function errorsOf(text: string): string[] {
  const result = readAuditPolicy(text, file);
  if (result.ok) throw new Error('expected the file to be refused');
  return result.errors.map(formatPolicyError);
}

describe('readAuditPolicy on a good file', () => {
  it('reads every key of the documented example', () => {
    const result = readAuditPolicy(
      `allowedRedirectHosts: ["app.example.com", "*.example.com"]   # absent: no allow-list rule
allowedCustomSchemes: ["com.example.app"]
maxAccessTokenLifetime: 3600        # seconds
maxRefreshTokenLifetime: 7776000
maxConfigurationClients: 2
severity: { redirect-uri-ip-literal: info }   # rule id -> severity
disabledRules: [redirect-uri-duplicate]
acceptedFindings:
  - client: "Shop preview"
    rule: redirect-uri-wildcard
    value: "https://*.preview.example.com/cb"   # optional: only this matched value
    reason: "Preview deployments, reviewed by security"
    owner: "security@example.com"
    expires: "2027-06-30"
  - client: web
    rule: redirect-uri-plain-http
    reason: Legacy intranet app
    owner: it@example.com
    expires: 2027-01-31
`,
      file,
    );
    expect(result).toEqual({
      ok: true,
      policy: {
        allowedRedirectHosts: ['app.example.com', '*.example.com'],
        allowedCustomSchemes: ['com.example.app'],
        maxAccessTokenLifetime: 3600,
        maxRefreshTokenLifetime: 7_776_000,
        maxConfigurationClients: 2,
        severity: { 'redirect-uri-ip-literal': 'info' },
        disabledRules: ['redirect-uri-duplicate'],
        acceptedFindings: [
          {
            client: 'Shop preview',
            rule: 'redirect-uri-wildcard',
            value: 'https://*.preview.example.com/cb',
            reason: 'Preview deployments, reviewed by security',
            owner: 'security@example.com',
            expires: '2027-06-30',
          },
          {
            client: 'web',
            rule: 'redirect-uri-plain-http',
            reason: 'Legacy intranet app',
            owner: 'it@example.com',
            expires: '2027-01-31',
          },
        ],
      },
    });
  });

  it('takes an empty file (or only comments) as a policy with no keys', () => {
    expect(readAuditPolicy('', file)).toEqual({ ok: true, policy: {} });
    expect(readAuditPolicy('# nothing yet\n', file)).toEqual({ ok: true, policy: {} });
  });
});

describe('readAuditPolicy on a bad file: file, line, column, field and what is wrong', () => {
  it.each([
    [
      'allowedRedirectHosts: ["app.example.com", "bad host"]',
      'idc-audit.yaml:1:43: allowedRedirectHosts[1]: must be a host name (app.example.com) or a suffix pattern (*.example.com)',
    ],
    [
      'allowedRedirectHosts: app.example.com',
      'idc-audit.yaml:1:23: allowedRedirectHosts: must be a list of host names',
    ],
    [
      'allowedCustomSchemes: ["com.example.app:"]',
      'idc-audit.yaml:1:24: allowedCustomSchemes[0]: must be a URI scheme without the colon (com.example.app)',
    ],
    [
      'maxAccessTokenLifetime: -5',
      'idc-audit.yaml:1:25: maxAccessTokenLifetime: must be more than 0 seconds',
    ],
    [
      'maxAccessTokenLifetime: 1.5',
      'idc-audit.yaml:1:25: maxAccessTokenLifetime: must be a whole number of seconds',
    ],
    [
      'maxRefreshTokenLifetime: "90d"',
      'idc-audit.yaml:1:26: maxRefreshTokenLifetime: must be a number of seconds',
    ],
    ['maxConfigurationClients: -1', 'idc-audit.yaml:1:26: maxConfigurationClients: must be 0 or more'],
    [
      'severity:\n  redirect-uri-wildcard: urgent',
      'idc-audit.yaml:2:26: severity.redirect-uri-wildcard: must be one of critical, high, medium, low, info',
    ],
    [
      'severity:\n  redirect-uri-wildcrd: low',
      'idc-audit.yaml:2:3: severity.redirect-uri-wildcrd: is not a rule id (see docs/findings.md for the list)',
    ],
    [
      'disabledRules: [redirect-uri-duplicate, no-such-rule]',
      'idc-audit.yaml:1:41: disabledRules[1]: is not a rule id (see docs/findings.md for the list)',
    ],
    [
      'maxConfigurationClient: 2',
      'idc-audit.yaml:1:1: maxConfigurationClient: is not a key of the audit policy here (check its spelling in docs/audit.md)',
    ],
    ['- one\n- two', 'idc-audit.yaml:1:1: must be a mapping of the keys described in docs/audit.md'],
  ])('%j', (text, message) => {
    expect(errorsOf(text)).toEqual([message]);
  });

  it('names each bad field of an accepted finding, and a missing one at its entry', () => {
    expect(
      errorsOf(`acceptedFindings:
  - client: web
    rule: redirect-uri-wildcard
    reason: ""
    expires: 2027-02-30
    approver: me
`),
    ).toEqual([
      'idc-audit.yaml:2:5: acceptedFindings[0].owner: is required',
      'idc-audit.yaml:4:13: acceptedFindings[0].reason: must not be empty (why the risk is accepted)',
      'idc-audit.yaml:5:14: acceptedFindings[0].expires: is not a date of the calendar',
      'idc-audit.yaml:6:5: acceptedFindings[0].approver: is not a key of the audit policy here (check its spelling in docs/audit.md)',
    ]);
  });

  it('says an expiry that is not a date at all is said so, not thrown', () => {
    expect(
      errorsOf(`acceptedFindings:
  - client: web
    rule: redirect-uri-wildcard
    reason: Preview
    owner: me
    expires: next summer
`),
    ).toEqual(['idc-audit.yaml:6:14: acceptedFindings[0].expires: must be a date written YYYY-MM-DD']);
  });

  it('reports every error, not only the first', () => {
    expect(errorsOf('maxAccessTokenLifetime: 0\nseverity: { nope: high }\n')).toHaveLength(2);
  });

  it('reports YAML syntax errors with their line, without quoting the file', () => {
    const errors = errorsOf(
      'maxAccessTokenLifetime: 3600\nallowedRedirectHosts: ["a.example.com"\nsecret: hunter2\n',
    );
    expect(errors[0]).toMatch(/^idc-audit\.yaml:\d+:\d+: not valid YAML: /);
    expect(errors.join('\n')).not.toContain('hunter2');
  });

  it('refuses a key given twice', () => {
    expect(errorsOf('maxConfigurationClients: 1\nmaxConfigurationClients: 2\n')[0]).toMatch(
      /^idc-audit\.yaml:2:1: not valid YAML: /,
    );
  });
});
