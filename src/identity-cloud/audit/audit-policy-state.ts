// What the server tells the app about the audit policy (GET /api/audit/policy): the policy in force, and whether
// the file on disk is the one in force. One contract, parsed on both sides.
import { z } from 'zod';
import { auditPolicySchema } from './audit-policy.ts';

export const policyFileErrorSchema = z.object({
  file: z.string(),
  line: z.number(),
  column: z.number(),
  field: z.string(),
  message: z.string(),
});

export const auditPolicyStateSchema = z.object({
  /** none: no file; active: the file is in force; invalid: the file was refused, `policy` is the previous one. */
  status: z.enum(['none', 'active', 'invalid']),
  file: z.string().nullable(),
  errors: z.array(policyFileErrorSchema),
  /** The policy in force (null: the generic rules alone). */
  policy: auditPolicySchema.nullable(),
  /** When the file was last read, ISO 8601. */
  checkedAt: z.string().nullable(),
});
export type AuditPolicyState = z.infer<typeof auditPolicyStateSchema>;

export const noAuditPolicy: AuditPolicyState = {
  status: 'none',
  file: null,
  errors: [],
  policy: null,
  checkedAt: null,
};
