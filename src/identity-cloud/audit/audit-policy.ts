// The organisation's audit policy (idc-audit.yaml): allow lists, maxima, severity overrides, rules turned off and
// findings accepted in the file. One schema for the file, the server's answer to the app and the CLI.
import { z } from 'zod';
import { severities } from '../findings/finding.ts';
import { ruleIds } from '../findings/rule-catalogue.ts';
import type { RuleId, Severity } from '../findings/finding.ts';

const ruleIdSet = new Set<string>(ruleIds);

function isRuleId(value: string): value is RuleId {
  return ruleIdSet.has(value);
}

const unknownRuleMessage = 'is not a rule id (see docs/findings.md for the list)';

const ruleIdSchema = z
  .string({ error: 'must be a rule id, as text' })
  .refine(isRuleId, { error: unknownRuleMessage });

/** `app.example.com`, or `*.example.com` for any host below example.com (not example.com itself). */
const hostPattern = /^(\*\.)?([a-z0-9]([a-z0-9-]*[a-z0-9])?)(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)*$/i;
const hostSchema = z
  .string({ error: 'must be a host name, as text' })
  .regex(hostPattern, { error: 'must be a host name (app.example.com) or a suffix pattern (*.example.com)' });

const schemeSchema = z.string({ error: 'must be a URI scheme, as text' }).regex(/^[a-z][a-z0-9+.-]*$/i, {
  error: 'must be a URI scheme without the colon (com.example.app)',
});

const lifetimeSchema = z
  .number({ error: 'must be a number of seconds' })
  .int({ error: 'must be a whole number of seconds' })
  .positive({ error: 'must be more than 0 seconds' });

/** A calendar date, `YYYY-MM-DD`, that exists. */
export const isoDateSchema = z
  .string({ error: 'must be a date written YYYY-MM-DD, in quotes or not' })
  // abort: the calendar check below would throw on text that is not a date at all.
  .regex(/^\d{4}-\d{2}-\d{2}$/, { error: 'must be a date written YYYY-MM-DD', abort: true })
  .refine((value) => new Date(`${value}T00:00:00Z`).toISOString().startsWith(value), {
    error: 'is not a date of the calendar',
  });

const textSchema = (what: string) =>
  z
    .string({ error: `must be ${what}, as text` })
    .trim()
    .min(1, { error: `must not be empty (${what})` })
    .max(500, { error: 'must be at most 500 characters' });

export const policyAcceptanceSchema = z.strictObject({
  client: textSchema('the client id or exact name'),
  rule: ruleIdSchema,
  value: textSchema('the matched value, e.g. the redirect URI').optional(),
  reason: textSchema('why the risk is accepted'),
  owner: textSchema('who owns the risk'),
  expires: isoDateSchema,
});
export type PolicyAcceptance = z.infer<typeof policyAcceptanceSchema>;

const severitySet = new Set<string>(severities);
type SeverityOverrides = Partial<Record<RuleId, Severity>>;

// Keys and values checked in one pass, so that a bad severity does not hide an unknown rule id beside it.
const severityOverridesSchema = z
  .record(z.string(), z.unknown(), { error: 'must be a mapping of rule id to severity' })
  .superRefine((overrides, context) => {
    for (const [key, value] of Object.entries(overrides)) {
      if (!isRuleId(key)) {
        context.addIssue({ code: 'custom', path: [key], message: unknownRuleMessage, input: key });
      } else if (typeof value !== 'string' || !severitySet.has(value)) {
        context.addIssue({
          code: 'custom',
          path: [key],
          message: `must be one of ${severities.join(', ')}`,
          input: value,
        });
      }
    }
  })
  .transform((overrides) => overrides as SeverityOverrides);

const list = <T extends z.ZodType>(item: T, what: string) =>
  z.array(item, { error: `must be a list of ${what}` });

export const auditPolicySchema = z.strictObject(
  {
    allowedRedirectHosts: list(hostSchema, 'host names').optional(),
    allowedCustomSchemes: list(schemeSchema, 'URI schemes').optional(),
    maxAccessTokenLifetime: lifetimeSchema.optional(),
    maxRefreshTokenLifetime: lifetimeSchema.optional(),
    maxConfigurationClients: z
      .number({ error: 'must be a number of clients' })
      .int({ error: 'must be a whole number' })
      .nonnegative({ error: 'must be 0 or more' })
      .optional(),
    severity: severityOverridesSchema.optional(),
    disabledRules: list(ruleIdSchema, 'rule ids').optional(),
    acceptedFindings: list(policyAcceptanceSchema, 'accepted findings').optional(),
  },
  { error: 'must be a mapping of the keys described in docs/audit.md' },
);
export type AuditPolicy = z.infer<typeof auditPolicySchema>;

/** No file: the generic rules alone, as before the policy existed. */
export const emptyAuditPolicy: AuditPolicy = {};
