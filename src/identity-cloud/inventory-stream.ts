// The proxy's `GET /api/inventory` NDJSON lines, shared by the proxy that writes them, the app and
// the headless export that read them.
import { z } from 'zod';
import { clientSchema, clientSummarySchema, loginPolicySchema, tokenPolicySchema } from './schemas.ts';

export const inventoryResourceKinds = [
  'client',
  'loginPolicy',
  'tokenPolicy',
  'clientList',
  'loginPolicyList',
  'tokenPolicyList',
] as const;
export type InventoryResourceKind = (typeof inventoryResourceKinds)[number];

export const inventoryListLineSchema = z.looseObject({
  kind: z.literal('list'),
  total: z.number(),
  clients: z.array(clientSummarySchema),
});

export const inventoryClientLineSchema = z.looseObject({ kind: z.literal('client'), client: clientSchema });
export const inventoryLoginPolicyLineSchema = z.looseObject({
  kind: z.literal('loginPolicy'),
  policy: loginPolicySchema,
});
export const inventoryTokenPolicyLineSchema = z.looseObject({
  kind: z.literal('tokenPolicy'),
  policy: tokenPolicySchema,
});

/** An item that still failed after retries. `id` is absent for a failed list. */
export const inventoryErrorLineSchema = z.looseObject({
  kind: z.literal('error'),
  resource: z.string(),
  id: z.string().nullish(),
  status: z.number(),
  detail: z.string(),
});

export const inventoryDoneLineSchema = z.looseObject({
  kind: z.literal('done'),
  clients: z.number(),
  failed: z.number(),
  ms: z.number(),
});

export const inventoryLineSchema = z.discriminatedUnion('kind', [
  inventoryListLineSchema,
  inventoryClientLineSchema,
  inventoryLoginPolicyLineSchema,
  inventoryTokenPolicyLineSchema,
  inventoryErrorLineSchema,
  inventoryDoneLineSchema,
]);
export type InventoryLine = z.infer<typeof inventoryLineSchema>;
export type InventoryErrorLine = z.infer<typeof inventoryErrorLineSchema>;
