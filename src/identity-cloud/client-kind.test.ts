import { describe, expect, it } from 'vitest';
import { classifyClient, clientKindDescriptions, clientKindLabels, clientKinds } from './client-kind.ts';
import { clientSchema } from './schemas.ts';

const applicationClient = { applicationClient: { href: 'https://capture.example.com/apps/a/clients/b' } };

describe('classifyClient', () => {
  it('classifies by type first: a public client is public whatever else it carries', () => {
    expect(classifyClient({ type: 'public' })).toBe('public');
    expect(classifyClient({ type: 'public', loginPolicy: 'p', _links: applicationClient })).toBe('public');
  });

  it('calls a confidential client with a login policy or an application client confidential', () => {
    expect(classifyClient({ type: 'confidential', loginPolicy: 'p', _links: applicationClient })).toBe(
      'confidential',
    );
    expect(classifyClient({ type: 'confidential', loginPolicy: 'p' })).toBe('confidential');
    expect(classifyClient({ type: 'confidential', _links: applicationClient })).toBe('confidential');
  });

  it('calls a confidential client with neither a configuration client (the documented rule)', () => {
    expect(classifyClient({ type: 'confidential' })).toBe('configuration');
    expect(classifyClient({ type: 'confidential', loginPolicy: null, _links: null })).toBe('configuration');
    expect(classifyClient({ type: 'confidential', loginPolicy: '', _links: { self: { href: '/x' } } })).toBe(
      'configuration',
    );
    expect(
      classifyClient({ type: 'confidential', loginPolicy: '  ', _links: { applicationClient: null } }),
    ).toBe('configuration');
  });

  it('treats a missing or unknown type as confidential (a secret until proven otherwise)', () => {
    expect(classifyClient({ loginPolicy: 'p' })).toBe('confidential');
    expect(classifyClient({ type: 'hybrid' })).toBe('configuration');
    expect(classifyClient({ type: null, loginPolicy: 'p' })).toBe('confidential');
  });

  it('classifies clients as parsed from API bodies, unknown fields included', () => {
    const configuration = clientSchema.parse({
      id: 'c',
      name: 'Default configuration client',
      type: 'confidential',
      redirectURIs: [],
      tokenPolicy: 't',
      _links: { self: { href: '/c' } },
      futureField: true,
    });
    expect(classifyClient(configuration)).toBe('configuration');
  });

  it('has a label and a description for every kind', () => {
    for (const kind of clientKinds) {
      expect(clientKindLabels[kind]).not.toBe('');
      expect(clientKindDescriptions[kind].length).toBeGreaterThan(20);
    }
  });
});
