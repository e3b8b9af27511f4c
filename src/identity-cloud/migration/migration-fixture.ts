// One small inventory holding a client of every shape the mappings treat differently, and the files each target
// writes for it. Test-only by use.
import { evaluateInventory } from '../findings/evaluate-inventory.ts';
import {
  buildInventory,
  confidentialClient,
  configurationClient,
  publicClient,
  tokenPolicyA,
  tokenPolicyConfig,
} from '../inventory-fixtures.ts';
import type { InventoryFixture } from '../inventory-fixtures.ts';
import type { Inventory } from '../inventory.ts';
import type { LoginPolicy } from '../schemas.ts';
import type { MigrationFile } from './migration-files.ts';
import { migrationFiles } from './migration-files.ts';
import type { MigrationTarget } from './migration-target.ts';
import { migrationPlan } from './readiness.ts';

export const hostedLoginV2: LoginPolicy = {
  id: 'lp-a',
  title: 'Customer login',
  loginURL: 'https://v1.api.us.janrain.com/cust/auth-ui/v2/login',
  identityStoreDetails: {
    type: 'janrainCapture',
    connectionDetails: {
      domain: 'x.janraincapture.com',
      clientId: 'owner',
      clientSecret: 'owner-secret-value',
    },
  },
  customClaims: { id_token: { tier: 'loyalty.tier' } },
};

export const mixedFixture: InventoryFixture = {
  clients: [
    publicClient('spa-1'),
    { ...publicClient('spa-2'), name: 'Public spa-1' },
    publicClient('native', ['com.example.app:/oauth2redirect', 'http://127.0.0.1:8080/cb']),
    publicClient('wild', ['https://*.preview.example.com/cb', 'https://ok.example.com/cb#frag']),
    { ...confidentialClient('web'), name: '<b>Orders</b> & returns', extraField: { nested: [1, 2] } },
    configurationClient('cfg'),
  ],
  loginPolicies: [hostedLoginV2],
  tokenPolicies: [tokenPolicyA, tokenPolicyConfig],
};

export function mixedInventory(): Inventory {
  return buildInventory(mixedFixture);
}

/** The files a migration to the target writes for the inventory (the mixed one unless another is given). */
export function filesFor(target: MigrationTarget, inventory = mixedInventory()): MigrationFile[] {
  const result = migrationFiles(migrationPlan(target, inventory, evaluateInventory(inventory)), inventory, {
    customerId: 'cust-1',
  });
  if (result.kind !== 'files') throw new Error('expected files');
  return result.files;
}

/** The content of one file a migration of the mixed inventory writes; a missing file fails the test. */
export function fileContent(target: MigrationTarget, path: string): string {
  const found = filesFor(target).find((entry) => entry.path === path);
  if (!found) throw new Error(`no ${path}`);
  return found.content;
}
