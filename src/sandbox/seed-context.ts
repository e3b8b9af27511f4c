// What the seed's generators share: the random sources, the tenant's brand and names taken, and how a client's
// shape becomes the client the API returns.
import type { Faker } from '@faker-js/faker';
import { mulberry32 } from './mulberry32.ts';
import type { SandboxClient } from './tenant-types.ts';

export interface Context {
  faker: Faker;
  /** Ids and opaque strings: faker's generators take half the time of a 20,000-client tenant otherwise. */
  fast: FastIds;
  customerId: string;
  /** The tenant owner's domain stem, e.g. `harber-group`. */
  brand: string;
  usedNames: Set<string>;
}

export interface FastIds {
  uuid(): string;
  alphanumeric(length: number): string;
}

/** Deterministic (mulberry32) ids: UUID version 4 layout, lower-case alphanumerics. */
export function fastIds(seed: number): FastIds {
  const next = mulberry32(seed);
  const hex = (digits: number) => {
    let text = '';
    while (text.length < digits) text += next().toString(16).padStart(8, '0');
    return text.slice(0, digits);
  };
  const alphabet = 'abcdefghijklmnopqrstuvwxyz0123456789';
  return {
    uuid: () => {
      const variant = '89ab'[next() % 4] ?? '8';
      return `${hex(8)}-${hex(4)}-4${hex(3)}-${variant}${hex(3)}-${hex(12)}`;
    },
    alphanumeric: (length) => {
      let text = '';
      for (let index = 0; index < length; index += 1) text += alphabet[next() % alphabet.length] ?? 'a';
      return text;
    },
  };
}

export function slugOf(text: string): string {
  const slug = text
    .normalize('NFKD')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return slug === '' ? 'app' : slug;
}

export function uniqueName(context: Context, name: string): string {
  let candidate = name;
  for (let suffix = 2; context.usedNames.has(candidate); suffix += 1) candidate = `${name} ${suffix}`;
  context.usedNames.add(candidate);
  return candidate;
}

export function selfLink(context: Context, collection: string, id: string) {
  return { href: `/${context.customerId}/config/${collection}/${id}` };
}

function applicationClientLink(context: Context) {
  const applicationId = context.fast.alphanumeric(26);
  const apiClientId = context.fast.alphanumeric(32);
  // Our choice: the key and the target of this link are undocumented; `.example.com` is never contacted.
  return {
    href: `https://capture.${context.brand}.example.com/apps/${applicationId}/clients/${apiClientId}`,
  };
}

export interface ClientShape {
  id?: string;
  name: string;
  type: 'public' | 'confidential';
  redirectURIs: string[];
  /** `null`: a configuration client (no login policy, no application client). */
  loginPolicy: string | null;
  tokenPolicy: string;
}

export function buildClient(context: Context, shape: ClientShape): SandboxClient {
  const id = shape.id ?? context.fast.uuid();
  const self = selfLink(context, 'clients', id);
  const name = uniqueName(context, shape.name);
  if (shape.loginPolicy === null) {
    const { type, redirectURIs, tokenPolicy } = shape;
    return { id, name, type, redirectURIs, tokenPolicy, _links: { self } };
  }
  // The documented field order: loginPolicy before tokenPolicy, links last.
  return {
    id,
    name,
    type: shape.type,
    redirectURIs: shape.redirectURIs,
    loginPolicy: shape.loginPolicy,
    tokenPolicy: shape.tokenPolicy,
    _links:
      shape.type === 'confidential' ? { self, applicationClient: applicationClientLink(context) } : { self },
  };
}
