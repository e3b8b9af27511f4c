// Names and identifiers in the target. Identity Cloud names are unique per customer by contract, but a tenant's
// data is not trusted to be; ids always differ. A slug collides only when two names do, and then every client
// sharing it gets a suffix from its own id: the result depends on the set of clients, never on their order.
export interface NamedClient {
  clientId: string;
  name: string;
}

const maxSlugLength = 48;

export function slugOf(text: string): string {
  const slug = text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, maxSlugLength)
    .replace(/-+$/g, '');
  return slug === '' ? 'client' : slug;
}

function idSuffix(clientId: string, length: number): string {
  const compact = clientId.toLowerCase().replace(/[^a-z0-9]/g, '');
  return (compact === '' ? 'x' : compact).slice(0, length);
}

/** A unique value per client id, from `base`; colliding bases get `-<id prefix>`, longer until unique. */
function uniqueBy(
  clients: readonly NamedClient[],
  base: (client: NamedClient) => string,
  join: (value: string, suffix: string) => string,
): Map<string, string> {
  const groups = new Map<string, NamedClient[]>();
  for (const client of clients) {
    const key = base(client);
    groups.set(key, [...(groups.get(key) ?? []), client]);
  }
  const result = new Map<string, string>();
  const taken = new Set<string>();
  for (const [key, members] of groups) if (members.length === 1) taken.add(key);
  for (const [key, members] of groups) {
    if (members.length === 1) {
      const only = members[0];
      if (only) result.set(only.clientId, key);
      continue;
    }
    for (const member of members) {
      let length = 8;
      let candidate = join(key, idSuffix(member.clientId, length));
      while (taken.has(candidate) && length < 64) {
        length += 8;
        candidate = join(key, idSuffix(member.clientId, length));
      }
      if (taken.has(candidate)) candidate = join(key, member.clientId);
      taken.add(candidate);
      result.set(member.clientId, candidate);
    }
  }
  return result;
}

/** kebab-case slugs, unique across the clients. */
export function uniqueSlugs(clients: readonly NamedClient[]): Map<string, string> {
  return uniqueBy(
    clients,
    (client) => slugOf(client.name),
    (slug, suffix) => `${slug}-${suffix}`,
  );
}

/** Display names, unique across the clients, without the characters `forbidden` matches. */
export function uniqueNames(clients: readonly NamedClient[], forbidden?: RegExp): Map<string, string> {
  const clean = (name: string) => {
    const cleaned = (forbidden ? name.replace(forbidden, ' ') : name).replace(/\s+/g, ' ').trim();
    return cleaned === '' ? 'Client' : cleaned;
  };
  return uniqueBy(
    clients,
    (client) => clean(client.name),
    (name, suffix) => `${name} (${suffix})`,
  );
}
