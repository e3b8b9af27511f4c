// The person behind a request, as the sign-in modes know them. Never carries a token.
export interface SignedInUser {
  /** Stable identifier: the provider's subject (oidc) or the proxy's header value (proxy). */
  id: string;
  /** What the app bar shows: the email when there is one, else the name or the identifier. */
  displayName: string;
  email: string | null;
  groups: readonly string[];
}
