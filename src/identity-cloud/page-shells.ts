// What a page says before anything is loaded: its heading, the sentence under it and its status line. The app's
// pages draw these words, and the server writes the same words into the page's HTML (src/server/page-shell.ts)
// so that they paint before the app's JavaScript has run: one source for both, so they cannot drift apart.

export interface PageShellText {
  heading: string;
  /** The sentence under the heading while nothing is loaded. */
  lead: string;
  /** The status line under the heading's block, for pages that stream the inventory (null: none). */
  status: string | null;
  /** The page's column is this narrow (px), or as wide as the layout's container (null). */
  maxWidth: number | null;
}

/** The overview's sentence names the tenant: "Customer … on …. " comes first when the page knows it. */
export function overviewTenantWords(tenant: { customerId: string; identityDomain: string }): string {
  return `Customer ${tenant.customerId} on ${tenant.identityDomain}. `;
}

export const overviewShell: PageShellText = {
  heading: 'Overview',
  lead: 'Loading the inventory…',
  status: 'Loading the client list…',
  maxWidth: null,
};

export const findingsShell: PageShellText = {
  heading: 'Findings',
  lead: 'What looks risky or unused in this tenant’s clients and policies, worst first. Each rule says why it matters and what to do.',
  status: 'Checking details…',
  maxWidth: null,
};

export const connectionShell: PageShellText = {
  heading: 'Connection',
  lead: 'Connect with a configuration client of your Identity Cloud customer. The dashboard only reads; the secret goes to the dashboard’s own server, which exchanges it for a token and never hands either to the browser.',
  status: null,
  maxWidth: 760,
};
