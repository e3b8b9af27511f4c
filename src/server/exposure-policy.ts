// Whether the server may start where it was asked to listen. A default connection (the embedded sandbox or IDC_*)
// hands the tenant to whoever reaches the port, without sign-in: it is refused on a non-loopback address unless
// the server authenticates its users, or the operator explicitly accepts the risk (ALLOW_UNAUTHENTICATED_REMOTE=1,
// warned about at every start). Takes "is authentication configured" as input, so that sign-in modes plug in.
import ipaddr from 'ipaddr.js';

export interface ExposureInput {
  /** The address the server listens on (HOST). */
  host: string;
  /** The embedded sandbox or IDC_* is configured. */
  hasDefaultConnection: boolean;
  /** An authentication mode other than `none` is on. */
  authenticationConfigured: boolean;
  /** ALLOW_UNAUTHENTICATED_REMOTE=1. */
  allowUnauthenticatedRemote: boolean;
}

export type ExposureDecision = { ok: true; warning: string | null } | { ok: false; error: string };

/** `localhost`, 127.0.0.0/8 and ::1 (bracketed or not); a wildcard or any other address is not. */
export function isLoopbackListenHost(host: string): boolean {
  const name = host
    .trim()
    .toLowerCase()
    .replace(/^\[(.*)\]$/, '$1');
  if (name === 'localhost') return true;
  if (!ipaddr.isValid(name)) return false;
  return ipaddr.process(name).range() === 'loopback';
}

export function checkExposure(input: ExposureInput): ExposureDecision {
  if (isLoopbackListenHost(input.host) || !input.hasDefaultConnection || input.authenticationConfigured) {
    return { ok: true, warning: null };
  }
  if (input.allowUnauthenticatedRemote) {
    return {
      ok: true,
      warning: `WARNING: listening on ${input.host} with a default connection and no sign-in (ALLOW_UNAUTHENTICATED_REMOTE=1). The default connection is still served only to this machine's own loopback address; other machines must connect with their own configuration client. See docs/security.md.`,
    };
  }
  return {
    ok: false,
    error: `Refusing to listen on ${input.host}: a default connection (the embedded sandbox or IDC_*) needs no sign-in, so anyone who reaches the port would read the tenant. Listen on 127.0.0.1 (the default), drop the default connection (IDC_EMBEDDED_SANDBOX=0 and no IDC_*), configure an authentication mode, or set ALLOW_UNAUTHENTICATED_REMOTE=1 to accept the risk. See docs/security.md.`,
  };
}
