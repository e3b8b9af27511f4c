// A client's redirect-URI findings depend on that client alone, not on the rest of the inventory, and parsing its
// URIs is about half the work of evaluating an inventory. A recording makes them as each client's line streams
// (while the fan-out waits on the network) and evaluateInventory reuses them after the done line.
import type { Client } from '../schemas.ts';
import type { Finding, FindingSubject } from './finding.ts';
import { redirectUriFindings } from './redirect-uri-rules.ts';

interface Remembered {
  subject: FindingSubject;
  findings: readonly Finding[];
}

export class RedirectUriFindingsMemo {
  /** Weak: a client a later line replaces is dropped with its findings. */
  private readonly byClient = new WeakMap<Client, Remembered>();

  /** `redirectUriFindings(client, subject)`, made once per client object and subject (shared: never mutate). */
  of(client: Client, subject: FindingSubject): readonly Finding[] {
    const known = this.byClient.get(client);
    if (
      known !== undefined &&
      known.subject.kind === subject.kind &&
      known.subject.id === subject.id &&
      known.subject.name === subject.name
    ) {
      return known.findings;
    }
    const findings = redirectUriFindings(client, subject);
    this.byClient.set(client, { subject: { ...subject }, findings });
    return findings;
  }
}
