// Findings of the published inventory, evaluated once per publish and shared by every page that shows them (the
// clients grid, a client's page, the Findings page, the overview, exports).
import type { AuditSettings } from '../../identity-cloud/audit/audit-evaluation.ts';
import type { InventoryFindings } from '../../identity-cloud/findings/evaluate-inventory.ts';
import { evaluateInventory } from '../../identity-cloud/findings/evaluate-inventory.ts';
import type { Inventory } from '../../identity-cloud/inventory.ts';
import type { StreamedInventory } from './inventory-snapshot.ts';

export interface EvaluatedFindings {
  findings: InventoryFindings;
  /**
   * The inventory the findings were evaluated on. While the stream runs it can be an earlier publish than the one
   * on screen: a client whose details arrived since then has not been checked yet (see `wasChecked`).
   */
  inventory: Inventory;
  /** The audit policy and acceptances applied, if any. */
  audit: AuditSettings | undefined;
}

/**
 * While the inventory streams in, findings are re-evaluated at most this often. One evaluation of 10,000 clients
 * costs a few hundred milliseconds on a slow machine; doing it on every publish (four a second) would starve the
 * page. The final, complete inventory is always evaluated at once.
 */
export const streamingEvaluationIntervalMs = 1_000;

// Keyed on the published inventory object: every page asking about the same publish shares one evaluation.
const evaluations = new WeakMap<Inventory, EvaluatedFindings>();
let latestWhileStreaming: { at: number; evaluated: EvaluatedFindings } | null = null;

function evaluate(inventory: Inventory, audit: AuditSettings | undefined): EvaluatedFindings {
  const evaluated = { findings: evaluateInventory(inventory, audit), inventory, audit };
  evaluations.set(inventory, evaluated);
  return evaluated;
}

/**
 * The findings of a published snapshot. `streaming`: more publishes are coming, so a recent evaluation of an
 * earlier publish may stand in (throttled to one per `streamingEvaluationIntervalMs`).
 */
export function findingsOf(
  snapshot: StreamedInventory,
  streaming: boolean,
  audit?: AuditSettings,
  now: number = performance.now(),
): EvaluatedFindings {
  const cached = evaluations.get(snapshot.inventory);
  // A new policy or acceptance evaluates the same inventory again.
  if (cached !== undefined && cached.audit === audit) return cached;
  if (
    streaming &&
    latestWhileStreaming !== null &&
    now - latestWhileStreaming.at < streamingEvaluationIntervalMs &&
    // Only an earlier publish of the same stream (the list it started from) may stand in.
    latestWhileStreaming.evaluated.inventory.summaries === snapshot.inventory.summaries &&
    latestWhileStreaming.evaluated.audit === audit
  ) {
    return latestWhileStreaming.evaluated;
  }
  const evaluated = evaluate(snapshot.inventory, audit);
  latestWhileStreaming = streaming ? { at: now, evaluated } : null;
  return evaluated;
}

/** Whether the client's details were part of the evaluation (if not, its findings are not known yet). */
export function wasChecked(evaluated: EvaluatedFindings, clientId: string): boolean {
  return evaluated.inventory.clientsById.has(clientId);
}
