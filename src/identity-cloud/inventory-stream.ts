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

/** The last line: what was read, and what it took. The upstream figures are optional for readers. */
export const inventoryDoneLineSchema = z.looseObject({
  kind: z.literal('done'),
  /** Client lines written. */
  clients: z.number(),
  /** Error lines written (items that still failed after retries). */
  failed: z.number(),
  ms: z.number(),
  /** Upstream requests sent, retries among them, and 429 answers met. */
  requests: z.number().optional(),
  retries: z.number().optional(),
  rateLimited: z.number().optional(),
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
export type InventoryDoneLine = z.infer<typeof inventoryDoneLineSchema>;

/** One line of the stream as read: a line of the contract, or one that is not (skipped, and said so). */
export type ReadInventoryLine =
  { ok: true; line: InventoryLine } | { ok: false; lineNumber: number; reason: string };

/** Parses one NDJSON line; the reason names the line's kind and the fields that failed, never their values. */
export function parseInventoryLine(text: string, lineNumber: number): ReadInventoryLine {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return { ok: false, lineNumber, reason: 'not JSON' };
  }
  const parsed = inventoryLineSchema.safeParse(json);
  if (parsed.success) return { ok: true, line: parsed.data };
  const kind =
    typeof json === 'object' && json !== null && 'kind' in json && typeof json.kind === 'string'
      ? `a "${json.kind}" line`
      : 'a line';
  const fields = [...new Set(parsed.error.issues.map((issue) => issue.path.join('.') || 'kind'))];
  return { ok: false, lineNumber, reason: `${kind} with an invalid ${fields.join(', ')}` };
}

/** Every line of an inventory body (as `readNdjsonLines` yields them, blank ones left out), parsed, from 1. */
export async function* readInventoryLines(lines: AsyncIterable<string>): AsyncGenerator<ReadInventoryLine> {
  let lineNumber = 0;
  for await (const text of lines) {
    lineNumber += 1;
    yield parseInventoryLine(text, lineNumber);
  }
}

/** How a skipped line is reported, by the browser and by the headless export alike. */
export function malformedLineMessage(line: { lineNumber: number; reason: string }): string {
  return `Inventory line ${line.lineNumber} skipped: ${line.reason}.`;
}
