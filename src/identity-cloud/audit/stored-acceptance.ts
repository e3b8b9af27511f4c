// Risks accepted in the dashboard and kept in its store: the contract of /api/audit/acceptances (what the app
// sends to accept one, what the server answers), and how stored ones join the policy file's in the evaluation.
// One schema for the server's validation and the dialog's, so that both say the same thing about the same field.
import { z } from 'zod';
import { ruleIds, type RuleId } from '../findings/rule-catalogue.ts';
import type { Acceptance } from './acceptance.ts';
import { isoDateSchema } from './audit-policy.ts';

export const acceptanceTextLimit = 500;

/** What GET /api/audit/acceptances lists and POST answers: one acceptance as the store keeps it. */
export const storedAcceptanceSchema = z.object({
  id: z.string(),
  rule: z.enum(ruleIds),
  /** The finding's subject: a client's id (or a policy's, for policy rules). */
  clientId: z.string(),
  clientName: z.string(),
  /** Only this matched value (the finding's detail); null: any finding of the rule on that subject. */
  value: z.string().nullable(),
  reason: z.string(),
  owner: z.string(),
  /** Who recorded it: the signed-in person; null when the dashboard has no sign-in. */
  acceptedBy: z.string().nullable(),
  acceptedAt: z.string(),
  /** Last day it holds, `YYYY-MM-DD` (UTC). */
  expires: z.string(),
});
export type StoredAcceptance = z.infer<typeof storedAcceptanceSchema>;

export const storedAcceptanceListSchema = z.object({ acceptances: z.array(storedAcceptanceSchema) });

/** The longest an acceptance may run: a risk is looked at again at least once a year. */
export const maxAcceptanceYears = 1;

/** `YYYY-MM-DD` of a moment, in UTC (the day acceptances are judged by). */
export function utcDay(moment: Date): string {
  return moment.toISOString().slice(0, 10);
}

/** The same day one year later; 29 February becomes 28 February. */
export function latestExpiry(today: string): string {
  const [year, month, day] = today.split('-').map(Number) as [number, number, number];
  const candidate = new Date(Date.UTC(year + maxAcceptanceYears, month - 1, day));
  if (candidate.getUTCMonth() !== month - 1) candidate.setUTCDate(0);
  return utcDay(candidate);
}

/** A default expiry for the dialog: 90 days from today. */
export function defaultExpiry(today: string): string {
  return utcDay(new Date(Date.parse(`${today}T00:00:00Z`) + 90 * 86_400_000));
}

const requiredText = (missing: string) =>
  z
    .string({ error: missing })
    .trim()
    .min(1, { error: missing })
    .max(acceptanceTextLimit, { error: `must be at most ${acceptanceTextLimit} characters` });

export interface AcceptanceRequestContext {
  /** Today, `YYYY-MM-DD` (UTC): the expiry may not be before it, nor more than a year after it. */
  today: string;
  /** Without sign-in the owner is typed in; with it, the server takes the signed-in person. */
  ownerRequired: boolean;
}

/** POST /api/audit/acceptances: each error names its field (its path). */
export function acceptanceRequestSchema({ today, ownerRequired }: AcceptanceRequestContext) {
  const latest = latestExpiry(today);
  return z.object({
    rule: z.enum(ruleIds, { error: 'must be a rule id (see docs/findings.md)' }),
    clientId: requiredText('must name the client (its id)'),
    clientName: requiredText('must name the client'),
    value: z
      .string({ error: 'must be the matched value, as text' })
      .max(2000, { error: 'must be at most 2000 characters' })
      .nullable()
      .optional()
      .transform((value) => (value === undefined || value === '' ? null : value)),
    reason: requiredText('Say why the risk is accepted.'),
    owner: ownerRequired
      ? requiredText('Say who owns the risk.')
      : z.string().max(acceptanceTextLimit).optional(),
    expires: z
      .string({ error: 'must be a date written YYYY-MM-DD' })
      .pipe(isoDateSchema)
      .refine((value) => value >= today, { error: 'must not be in the past' })
      .refine((value) => value <= latest, { error: `must be at most one year ahead (${latest} or before)` }),
  });
}
/** What the app sends; the owner only when there is no sign-in. */
export interface AcceptanceRequest {
  rule: RuleId;
  clientId: string;
  clientName: string;
  value?: string | null;
  reason: string;
  owner?: string;
  expires: string;
}
export type CheckedAcceptanceRequest = z.output<ReturnType<typeof acceptanceRequestSchema>>;

export interface FieldError {
  field: string;
  message: string;
}

/** Checks a request; each error names its field, once (the first problem of each). */
export function checkAcceptanceRequest(
  body: unknown,
  context: AcceptanceRequestContext,
): { ok: true; request: CheckedAcceptanceRequest } | { ok: false; errors: FieldError[] } {
  const parsed = acceptanceRequestSchema(context).safeParse(body);
  if (parsed.success) return { ok: true, request: parsed.data };
  const errors: FieldError[] = [];
  for (const issue of parsed.error.issues) {
    const field = issue.path.map(String).join('.') || 'body';
    if (errors.some((error) => error.field === field)) continue;
    errors.push({ field, message: issue.message });
  }
  return { ok: false, errors };
}

/** The stored acceptances as the evaluation takes them; lapsing on expiry and value change happens there. */
export function acceptancesFromStore(stored: readonly StoredAcceptance[]): Acceptance[] {
  return stored.map((entry) => ({
    id: entry.id,
    source: 'store',
    rule: entry.rule,
    client: entry.clientId,
    value: entry.value ?? undefined,
    reason: entry.reason,
    owner: entry.owner,
    expires: entry.expires,
    acceptedBy: entry.acceptedBy ?? undefined,
    acceptedAt: entry.acceptedAt,
  }));
}
