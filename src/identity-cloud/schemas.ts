// The Identity Cloud configuration API's resources (docs/identity-cloud-api.md), as tolerant zod schemas:
// unknown fields pass through, optional fields may be absent or null, because real tenants may differ.
import { z } from 'zod';

const optionalString = z.string().nullish();

/** `_links.self.href` and friends. Both documented self-link shapes are strings; never parse them for URLs. */
export const linkSchema = z.looseObject({ href: z.string() });

export const linksSchema = z
  .looseObject({
    self: linkSchema.nullish(),
    applicationClient: linkSchema.nullish(),
  })
  .nullish();

export const tokenResponseSchema = z.looseObject({
  access_token: z.string().min(1),
  expires_in: z.number().positive().nullish(),
  token_type: z.string().nullish(),
  scope: z.string().nullish(),
});
export type TokenResponse = z.infer<typeof tokenResponseSchema>;

export const clientTypeSchema = z.string();

export const clientSchema = z.looseObject({
  id: z.string().min(1),
  name: optionalString,
  /** "public" | "confidential" by the contract; kept open so an unknown value is shown, not rejected. */
  type: clientTypeSchema.nullish(),
  redirectURIs: z.array(z.string()).nullish(),
  loginPolicy: optionalString,
  tokenPolicy: optionalString,
  _links: linksSchema,
});
export type Client = z.infer<typeof clientSchema>;

/** A client as the client list names it (unknown fields pass through, as in every schema here). */
export const clientSummarySchema = clientSchema.pick({ id: true, name: true, _links: true });
export type ClientSummary = z.infer<typeof clientSummarySchema>;

export const policySummarySchema = z.looseObject({
  id: z.string().min(1),
  title: optionalString,
  _links: linksSchema,
});
export type PolicySummary = z.infer<typeof policySummarySchema>;

export const connectionDetailsSchema = z.looseObject({
  domain: optionalString,
  applicationId: optionalString,
  entityType: optionalString,
  clientId: optionalString,
  clientSecret: optionalString,
});

export const loginPolicySchema = z.looseObject({
  id: z.string().min(1),
  title: optionalString,
  loginURL: optionalString,
  identityStoreDetails: z
    .looseObject({
      type: optionalString,
      connectionDetails: connectionDetailsSchema.nullish(),
    })
    .nullish(),
  customClaims: z.record(z.string(), z.unknown()).nullish(),
  _links: linksSchema,
});
export type LoginPolicy = z.infer<typeof loginPolicySchema>;

export const tokenPolicySchema = z.looseObject({
  id: z.string().min(1),
  title: optionalString,
  accessTokenLifetime: z.number().nullish(),
  refreshTokenLifetime: z.number().nullish(),
  allowedScopes: z.array(z.string()).nullish(),
  useAccessJWT: z.boolean().nullish(),
  _links: linksSchema,
});
export type TokenPolicy = z.infer<typeof tokenPolicySchema>;

/** A HAL list: `{ total, _embedded: { [key]: item[] } }`. `total` may be missing: count the items then. */
export function halListSchema<Item extends z.ZodType>(key: string, item: Item) {
  return z
    .looseObject({
      total: z.number().int().nonnegative().nullish(),
      _embedded: z.record(z.string(), z.unknown()).nullish(),
    })
    .transform((list, context) => {
      const parsed = z.array(item).nullish().safeParse(list._embedded?.[key]);
      if (!parsed.success) {
        for (const issue of parsed.error.issues) {
          context.addIssue({ ...issue, path: ['_embedded', key, ...issue.path] });
        }
        return z.NEVER;
      }
      const items: z.output<Item>[] = parsed.data ?? [];
      return { total: list.total ?? items.length, items };
    });
}

export const clientListSchema = halListSchema('clients', clientSummarySchema);
export const loginPolicyListSchema = halListSchema('loginPolicies', policySummarySchema);
export const tokenPolicyListSchema = halListSchema('tokenPolicies', policySummarySchema);

/** Configuration API error body: `errors` is a string (sometimes holding a JSON-ish list), not an array. */
export const configErrorSchema = z.looseObject({ errors: z.unknown() });
export type ConfigError = z.infer<typeof configErrorSchema>;

/** OAuth 2.0 token endpoint error (RFC 6749 §5.2). */
export const oauthErrorSchema = z.looseObject({
  error: z.string(),
  error_description: optionalString,
});
export type OAuthError = z.infer<typeof oauthErrorSchema>;
