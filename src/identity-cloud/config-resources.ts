// The configuration API's six read-only resources (docs/identity-cloud-api.md): three collections, each a HAL list
// and its items. Described once here; the sandbox serves them, the proxy forwards and fans out over them, and the
// app's query options read them, so a path, a schema or a message cannot drift between the three.
import {
  clientListSchema,
  clientSchema,
  loginPolicyListSchema,
  loginPolicySchema,
  tokenPolicyListSchema,
  tokenPolicySchema,
} from './schemas.ts';

/** The two kinds of policy a client refers to, named as the client's fields (`loginPolicy`, `tokenPolicy`). */
export type PolicyKind = 'loginPolicy' | 'tokenPolicy';
export const policyKinds = ['loginPolicy', 'tokenPolicy'] as const satisfies readonly PolicyKind[];

export const configResources = {
  client: {
    /** The path segment under `/{customerId}/config/` (upstream) and `/api/config/` (the proxy). */
    collection: 'clients',
    /** What one item is called in messages ("client 1234"). */
    noun: 'client',
    /** What the list is called in messages ("Could not read the client list"). */
    listLabel: 'the client list',
    listSchema: clientListSchema,
    itemSchema: clientSchema,
  },
  loginPolicy: {
    collection: 'loginPolicies',
    noun: 'login policy',
    listLabel: 'the login policy list',
    listSchema: loginPolicyListSchema,
    itemSchema: loginPolicySchema,
  },
  tokenPolicy: {
    collection: 'tokenPolicies',
    noun: 'token policy',
    listLabel: 'the token policy list',
    listSchema: tokenPolicyListSchema,
    itemSchema: tokenPolicySchema,
  },
} as const;

export type ConfigResourceKind = keyof typeof configResources;
export type ConfigCollection = (typeof configResources)[ConfigResourceKind]['collection'];

export const configResourceKinds = Object.keys(configResources) as ConfigResourceKind[];
export const configCollections: readonly ConfigCollection[] = configResourceKinds.map(
  (kind) => configResources[kind].collection,
);

/** `/api/config/<collection>` or `/api/config/<collection>/<id>` (the id encoded): the proxy's forwarded GETs. */
export function apiConfigPath(kind: ConfigResourceKind, id?: string): string {
  const collection = `/api/config/${configResources[kind].collection}`;
  return id === undefined ? collection : `${collection}/${encodeURIComponent(id)}`;
}
