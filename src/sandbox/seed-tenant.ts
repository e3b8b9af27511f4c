// A deterministic tenant: the same seed and count always give the same clients and policies, byte for byte.
// The special clients (reference examples, risky redirect URIs, awkward names, dangling references) come first,
// in a fixed order, so that every tenant big enough holds each of them exactly once; the rest is a realistic mix.
import { Faker, base, en } from '@faker-js/faker';
import type { ClientShape, Context } from './seed-context.ts';
import { buildClient, fastIds, slugOf } from './seed-context.ts';
import type { Policies } from './seed-policies.ts';
import { makePolicies } from './seed-policies.ts';
import { specialShapes } from './seed-special-clients.ts';
import type { ConfigurationCredential, SandboxClient, SandboxTenant, SpecialIds } from './tenant-types.ts';
import { specialClientKeys } from './tenant-types.ts';

export interface SeedOptions {
  seed: number;
  /** How many clients the list holds, configuration clients included (1..20,000). */
  clients: number;
  customerId: string;
  /** The primary configuration client, whose credentials the sandbox prints at start. */
  configurationClient: ConfigurationCredential;
}

export const maxSandboxClients = 20_000;

const webSuffixes = [
  'Customer Portal',
  'Web Shop',
  'Account Centre',
  'Partner Hub',
  'Support Site',
  'Newsroom',
];
const spaSuffixes = ['Dashboard', 'Checkout', 'Loyalty App', 'Booking SPA', 'Events Microsite'];
const nativeSuffixes = ['iOS app', 'Android app', 'Smart TV app', 'Desktop app', 'Watch app'];

function mixedClient(context: Context, policies: Policies): ClientShape {
  const { faker } = context;
  const company = faker.company.name();
  const slug = slugOf(company);
  const loginPolicy = faker.helpers.arrayElement(policies.assignableLogin).id;
  const tokenPolicy = faker.helpers.arrayElement(policies.assignableToken).id;
  const roll = faker.number.float({ min: 0, max: 1 });
  if (roll < 0.45) {
    const redirectURIs = [`https://${faker.internet.domainWord()}.${slug}.example.com/auth/callback`];
    if (faker.datatype.boolean()) redirectURIs.push(`https://${slug}.example.com/oauth/callback`);
    const name = `${company} ${faker.helpers.arrayElement(webSuffixes)}`;
    return { name, type: 'confidential', redirectURIs, loginPolicy, tokenPolicy };
  }
  if (roll < 0.75) {
    const redirectURIs = [`https://app.${slug}.example.com/callback`];
    if (faker.datatype.boolean()) redirectURIs.push(`https://app.${slug}.example.com/silent-renew.html`);
    // Development builds of SPAs commonly keep a loopback redirect: allowed for public clients.
    if (roll > 0.7)
      redirectURIs.push(`http://localhost:${faker.helpers.arrayElement([3000, 5173, 8080])}/callback`);
    const name = `${company} ${faker.helpers.arrayElement(spaSuffixes)}`;
    return { name, type: 'public', redirectURIs, loginPolicy, tokenPolicy };
  }
  const reverseDomain = `com.example.${slug.replace(/-/g, '')}`;
  const redirectURIs = [`${reverseDomain}:/oauth2redirect`];
  if (faker.datatype.boolean()) redirectURIs.push(`https://${slug}.example.com/app-link/callback`);
  const name = `${company} ${faker.helpers.arrayElement(nativeSuffixes)}`;
  return { name, type: 'public', redirectURIs, loginPolicy, tokenPolicy };
}

/** Generates the tenant. Throws a RangeError for a count outside 1..20,000. */
export function seedTenant(options: SeedOptions): SandboxTenant {
  if (!Number.isInteger(options.clients) || options.clients < 1 || options.clients > maxSandboxClients) {
    throw new RangeError(`The client count must be an integer from 1 to ${maxSandboxClients}.`);
  }
  const faker = new Faker({ locale: [en, base] });
  faker.seed(options.seed);
  const context: Context = {
    faker,
    fast: fastIds(faker.number.int({ max: 2 ** 32 - 1 })),
    customerId: options.customerId,
    brand: slugOf(faker.company.name()),
    usedNames: new Set(),
  };
  const policies = makePolicies(context, options.clients, options.configurationClient.scope);
  const missingLoginPolicy = context.fast.uuid();
  const secondConfiguration: ConfigurationCredential = {
    clientId: context.fast.uuid(),
    clientSecret: context.fast.alphanumeric(48),
    scope: 'GET:config/clients GET:config/clients/*',
  };

  const shapes = specialShapes(
    context,
    policies,
    options.configurationClient,
    missingLoginPolicy,
    secondConfiguration,
  );
  const specialIds: SpecialIds['clients'] = {};
  const clients: SandboxClient[] = [];
  for (const key of specialClientKeys.slice(0, options.clients)) {
    const client = buildClient(context, shapes[key]);
    specialIds[key] = client.id;
    clients.push(client);
  }
  while (clients.length < options.clients) clients.push(buildClient(context, mixedClient(context, policies)));
  // Spread the special clients through the list (a real list is in creation order, not grouped by risk); the
  // primary configuration client stays first, as every tenant starts with it.
  const [primary, ...rest] = clients;
  const ordered = primary ? [primary, ...faker.helpers.shuffle(rest)] : [];

  const configurationClients = [options.configurationClient];
  if (specialIds.secondConfiguration) configurationClients.push(secondConfiguration);

  return {
    customerId: options.customerId,
    seed: options.seed,
    clients: ordered,
    loginPolicies: policies.loginPolicies,
    tokenPolicies: policies.tokenPolicies,
    configurationClients,
    special: {
      clients: specialIds,
      configurationTokenPolicy: policies.configurationPolicy.id,
      longRefreshTokenPolicy: policies.longRefreshPolicy.id,
      unusedTokenPolicy: policies.unusedToken.id,
      unusedLoginPolicy: policies.unusedLogin.id,
      missingLoginPolicy,
    },
  };
}
