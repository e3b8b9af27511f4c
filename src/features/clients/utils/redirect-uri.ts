/** A redirect URI split so its scheme and host stand out: "https" · "shop.example.com" · "/callback". */
export interface RedirectUriParts {
  scheme: string;
  /** Empty for custom-scheme URIs without an authority (`com.example.app:/callback`). */
  host: string;
  /** Path, query and fragment. */
  rest: string;
  /** The "//" between scheme and host, when present. */
  hasAuthority: boolean;
}

export function splitRedirectUri(uri: string): RedirectUriParts | null {
  let url: URL;
  try {
    url = new URL(uri);
  } catch {
    return null;
  }
  const scheme = url.protocol.replace(/:$/, '');
  const afterScheme = uri.slice(url.protocol.length);
  const hasAuthority = afterScheme.startsWith('//');
  if (!hasAuthority) return { scheme, host: '', rest: afterScheme, hasAuthority };
  // Keep the text as written (URL would normalise it); cut the authority at the first /, ? or #.
  const authorityAndRest = afterScheme.slice(2);
  const end = authorityAndRest.search(/[/?#]/);
  const authority = end === -1 ? authorityAndRest : authorityAndRest.slice(0, end);
  const rest = end === -1 ? '' : authorityAndRest.slice(end);
  return { scheme, host: authority, rest, hasAuthority };
}
