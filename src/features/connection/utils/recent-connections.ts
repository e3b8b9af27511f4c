import { z } from 'zod';

/** What is remembered of a connection in the browser: never the secret. */
export interface RecentConnection {
  identityDomain: string;
  customerId: string;
  clientId: string;
  /** ISO 8601. */
  lastUsedAt: string;
}

const storageKey = 'idc-client-inventory.recent-connections';
const maximum = 5;

const recentConnectionsSchema = z.array(
  z.object({
    identityDomain: z.string(),
    customerId: z.string(),
    clientId: z.string(),
    lastUsedAt: z.string(),
  }),
);

function sameConnection(a: Omit<RecentConnection, 'lastUsedAt'>, b: Omit<RecentConnection, 'lastUsedAt'>) {
  return a.identityDomain === b.identityDomain && a.customerId === b.customerId && a.clientId === b.clientId;
}

export function readRecentConnections(storage: Storage = localStorage): RecentConnection[] {
  try {
    const parsed = recentConnectionsSchema.safeParse(JSON.parse(storage.getItem(storageKey) ?? '[]'));
    return parsed.success ? parsed.data : [];
  } catch {
    return [];
  }
}

function write(connections: RecentConnection[], storage: Storage): RecentConnection[] {
  try {
    storage.setItem(storageKey, JSON.stringify(connections));
  } catch {
    // Storage full or disabled (private mode): remembering is a convenience, not a requirement.
  }
  return connections;
}

/** Puts the connection first (most recent), without duplicates, keeping at most five. Only the three ids. */
export function rememberConnection(
  connection: Omit<RecentConnection, 'lastUsedAt'>,
  storage: Storage = localStorage,
  now: Date = new Date(),
): RecentConnection[] {
  const entry: RecentConnection = {
    identityDomain: connection.identityDomain,
    customerId: connection.customerId,
    clientId: connection.clientId,
    lastUsedAt: now.toISOString(),
  };
  const others = readRecentConnections(storage).filter((item) => !sameConnection(item, entry));
  return write([entry, ...others].slice(0, maximum), storage);
}

export function forgetConnection(
  connection: Omit<RecentConnection, 'lastUsedAt'>,
  storage: Storage = localStorage,
): RecentConnection[] {
  return write(
    readRecentConnections(storage).filter((item) => !sameConnection(item, connection)),
    storage,
  );
}
