// Tenants this browser connected to, remembered so that a person can switch between them (dev, staging, prod):
// a label and the three ids, never the secret. Shared by the connect form (which writes them) and the app bar's
// tenant menu (which offers them), hence here. Validation is hand-written: the app bar is on the first paint, and
// zod would add its weight to the initial bundle.

/** What identifies a tenant connection: the identity domain, the customer, and the configuration client. */
export interface TenantIds {
  identityDomain: string;
  customerId: string;
  clientId: string;
}

export interface SavedTenant extends TenantIds {
  /** A person's name for it ("Production"); a default built from the ids when none was given. */
  label: string;
  /** ISO 8601. */
  lastUsedAt: string;
}

/** The key the connect form has always used: older entries (without a label) are read too. */
export const savedTenantsStorageKey = 'idc-client-inventory.recent-connections';
export const maximumSavedTenants = 10;
export const maximumLabelLength = 60;

const changeEvent = 'idc-saved-tenants-changed';

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function hostOf(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return url;
  }
}

/** "01000000… on v1.api.eu.janrain.com": enough to tell tenants apart when nobody named them. */
export function defaultTenantLabel(ids: TenantIds): string {
  const shortCustomer = ids.customerId.length > 8 ? `${ids.customerId.slice(0, 8)}…` : ids.customerId;
  return `${shortCustomer} on ${hostOf(ids.identityDomain)}`;
}

export function sameTenant(a: TenantIds, b: TenantIds): boolean {
  return a.identityDomain === b.identityDomain && a.customerId === b.customerId && a.clientId === b.clientId;
}

/** A stable key for lists and menus. */
export function tenantKey(ids: TenantIds): string {
  return `${ids.identityDomain}|${ids.customerId}|${ids.clientId}`;
}

function cleanLabel(label: string | undefined, ids: TenantIds): string {
  const trimmed = (label ?? '').trim().slice(0, maximumLabelLength);
  return trimmed === '' ? defaultTenantLabel(ids) : trimmed;
}

/** Only the known fields survive: whatever else an entry holds (a secret, by mistake or malice) is dropped. */
function toSavedTenant(value: unknown): SavedTenant | null {
  if (!isRecord(value)) return null;
  const { identityDomain, customerId, clientId, label, lastUsedAt } = value;
  if (typeof identityDomain !== 'string' || typeof customerId !== 'string' || typeof clientId !== 'string') {
    return null;
  }
  const ids = { identityDomain, customerId, clientId };
  return {
    ...ids,
    label: cleanLabel(typeof label === 'string' ? label : undefined, ids),
    lastUsedAt: typeof lastUsedAt === 'string' ? lastUsedAt : new Date(0).toISOString(),
  };
}

function parse(text: string | null): SavedTenant[] {
  try {
    const value: unknown = JSON.parse(text ?? '[]');
    if (!Array.isArray(value)) return [];
    return value.map(toSavedTenant).filter((tenant) => tenant !== null);
  } catch {
    return [];
  }
}

function readText(storage: Storage): string | null {
  try {
    return storage.getItem(savedTenantsStorageKey);
  } catch {
    // Storage disabled (some private modes): nothing is remembered.
    return null;
  }
}

/** Most recently used first. Garbage in storage reads as nothing saved. */
export function readSavedTenants(storage: Storage = localStorage): SavedTenant[] {
  return parse(readText(storage));
}

function write(tenants: SavedTenant[], storage: Storage): SavedTenant[] {
  const clean = tenants.map(({ identityDomain, customerId, clientId, label, lastUsedAt }) => ({
    identityDomain,
    customerId,
    clientId,
    label,
    lastUsedAt,
  }));
  try {
    storage.setItem(savedTenantsStorageKey, JSON.stringify(clean));
  } catch {
    // Storage full or disabled: remembering is a convenience, not a requirement.
  }
  if (typeof window !== 'undefined') window.dispatchEvent(new Event(changeEvent));
  return clean;
}

/**
 * Puts the tenant first (most recently used), without duplicates, keeping at most `maximumSavedTenants`. A label
 * given replaces the saved one; without one, the saved label is kept. Only the ids and the label are stored.
 */
export function saveTenant(
  tenant: TenantIds & { label?: string },
  storage: Storage = localStorage,
  now: Date = new Date(),
): SavedTenant[] {
  const ids: TenantIds = {
    identityDomain: tenant.identityDomain,
    customerId: tenant.customerId,
    clientId: tenant.clientId,
  };
  const saved = readSavedTenants(storage);
  const previous = saved.find((item) => sameTenant(item, ids));
  const label =
    tenant.label !== undefined && tenant.label.trim() !== ''
      ? cleanLabel(tenant.label, ids)
      : (previous?.label ?? defaultTenantLabel(ids));
  const entry: SavedTenant = { ...ids, label, lastUsedAt: now.toISOString() };
  const others = saved.filter((item) => !sameTenant(item, ids));
  return write([entry, ...others].slice(0, maximumSavedTenants), storage);
}

export function forgetTenant(tenant: TenantIds, storage: Storage = localStorage): SavedTenant[] {
  return write(
    readSavedTenants(storage).filter((item) => !sameTenant(item, tenant)),
    storage,
  );
}

/** The saved entry for these ids, if any (e.g. the label of the current connection). */
export function findSavedTenant(tenants: readonly SavedTenant[], ids: TenantIds): SavedTenant | undefined {
  return tenants.find((item) => sameTenant(item, ids));
}

/**
 * For useSyncExternalStore: notified when this tab saves or forgets a tenant, and when another tab changes the
 * storage.
 */
export function subscribeToSavedTenants(onChange: () => void): () => void {
  const onStorage = (event: StorageEvent) => {
    if (event.key === null || event.key === savedTenantsStorageKey) onChange();
  };
  window.addEventListener(changeEvent, onChange);
  window.addEventListener('storage', onStorage);
  return () => {
    window.removeEventListener(changeEvent, onChange);
    window.removeEventListener('storage', onStorage);
  };
}

let cachedText: string | null | undefined;
let cachedTenants: SavedTenant[] = [];

/** The saved tenants as a stable reference: a new array only when the stored text changed. */
export function savedTenantsSnapshot(): SavedTenant[] {
  const text = readText(localStorage);
  if (text !== cachedText) {
    cachedText = text;
    cachedTenants = parse(text);
  }
  return cachedTenants;
}

/** Router state of /connect when a person picks a saved tenant to switch to: the form is prefilled with it. */
export interface SwitchTenantState {
  switchTo: TenantIds & { label: string };
}

export function switchTenantState(tenant: TenantIds & { label: string }): SwitchTenantState {
  const { identityDomain, customerId, clientId, label } = tenant;
  return { switchTo: { identityDomain, customerId, clientId, label } };
}

/** The tenant to switch to, from /connect's router state; null when the page was opened otherwise. */
export function readSwitchTenantState(state: unknown): (TenantIds & { label: string }) | null {
  if (!isRecord(state)) return null;
  const tenant = toSavedTenant(state.switchTo);
  if (tenant === null) return null;
  const { identityDomain, customerId, clientId, label } = tenant;
  return { identityDomain, customerId, clientId, label };
}
