/** The documented regional identity domains (`https://v1.api.<region>.janrain.com`), as suggestions. */
export const regionalIdentityDomains = [
  { region: 'United States', url: 'https://v1.api.us.janrain.com' },
  { region: 'Europe', url: 'https://v1.api.eu.janrain.com' },
  { region: 'Australia', url: 'https://v1.api.au.janrain.com' },
  { region: 'South America', url: 'https://v1.api.sa.janrain.com' },
  { region: 'China', url: 'https://v1.api.cn.janrain.com' },
  { region: 'Singapore', url: 'https://v1.api.sg.janrain.com' },
] as const;
