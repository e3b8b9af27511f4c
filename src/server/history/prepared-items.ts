// The per-item work of a recording: the snapshot's own redaction pass, canonical JSON, content hash and, for a
// client, its kind and its redirect-URI findings. Done once per item object and remembered: while an inventory
// streams, each line's item is prepared as it is written (the fan-out waits on the network, the CPU is idle), so
// that after the done line the recording only assembles what it already has.
import { classifyClient, type ClientKind } from '../../identity-cloud/client-kind.ts';
import { clientSubject } from '../../identity-cloud/findings/evaluate-inventory.ts';
import { RedirectUriFindingsMemo } from '../../identity-cloud/findings/redirect-uri-findings-memo.ts';
import { redactSecrets } from '../../identity-cloud/redaction.ts';
import type { Client } from '../../identity-cloud/schemas.ts';
import { canonicalJson, contentHash } from '../../store/content-hash.ts';
import type { HistoryItemKind } from '../../store/history-types.ts';

export interface PreparedItem {
  canonical: string;
  hash: string;
  /** A client's kind; null for a policy. */
  clientKind: ClientKind | null;
}

export class PreparedItems {
  /** Each item as the inventory holds it → its redacted copy. Weak: an item replaced in the inventory goes. */
  private readonly copies = new WeakMap<object, object>();
  /** Each redacted copy → its text and hash. */
  private readonly prepared = new WeakMap<object, PreparedItem>();
  /** Each client as the inventory holds it → its redirect-URI findings, for the findings counted at the end. */
  readonly redirectUriFindings = new RedirectUriFindingsMemo();

  /**
   * Redacts, canonicalises and hashes one item now (the inventory may still replace it by a later line); a
   * client's redirect-URI findings are made from the item itself, as the inventory's findings are.
   */
  prepare(kind: HistoryItemKind, item: object): PreparedItem {
    if (kind === 'client') this.redirectUriFindings.of(item as Client, clientSubject(item as Client));
    return this.of(kind, this.redacted(item));
  }

  has(item: object): boolean {
    return this.copies.has(item);
  }

  /** The item's redacted copy: the same copy every time it is asked for. */
  redacted<T extends object>(item: T): T {
    const known = this.copies.get(item);
    if (known !== undefined) return known as T;
    const copy = redactSecrets(item) as T;
    this.copies.set(item, copy);
    return copy;
  }

  /** The text, hash and kind of a redacted copy. */
  of(kind: HistoryItemKind, copy: object): PreparedItem {
    const known = this.prepared.get(copy);
    if (known !== undefined) return known;
    const canonical = canonicalJson(copy);
    const prepared: PreparedItem = {
      canonical,
      hash: contentHash(kind, canonical),
      clientKind: kind === 'client' ? classifyClient(copy) : null,
    };
    this.prepared.set(copy, prepared);
    return prepared;
  }
}
