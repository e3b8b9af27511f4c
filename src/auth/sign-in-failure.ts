// A failed callback, told to the person in one sentence: what went wrong and what to do. The library's message
// goes to the server log only (it names claims, never their values).
import * as client from 'openid-client';
import { printable } from './request-facts.ts';

export interface SignInFailure {
  status: 400 | 502;
  reason: string;
  sentence: string;
}

export function signInFailureSentence(error: unknown): SignInFailure {
  // openid-client wraps the check that failed as the cause of a general error: read the whole chain.
  const messages: string[] = [];
  for (let current: unknown = error; current !== undefined && messages.length < 5;) {
    messages.push(
      current instanceof Error ? current.message : typeof current === 'string' ? current : 'unknown error',
    );
    current = current instanceof Error ? current.cause : undefined;
  }
  const message = messages.join(': ');
  console.error('auth: sign-in failed:', printable(message));
  if (error instanceof client.AuthorizationResponseError) {
    const code = /^[a-z_]{1,64}$/.test(error.error) ? error.error : 'error';
    return {
      status: 400,
      reason: `provider refused (${code})`,
      sentence: `The identity provider did not complete the sign-in (${code}). Sign in again.`,
    };
  }
  if (/"state"/.test(message)) {
    return {
      status: 400,
      reason: 'state mismatch',
      sentence:
        'The answer from the identity provider did not belong to this sign-in (its state did not match), so it was refused. Sign in again.',
    };
  }
  if (/"exp"|"iat"|"nbf"|timestamp/.test(message)) {
    return {
      status: 502,
      reason: 'expired ID token',
      sentence:
        'The identity provider’s ID token had expired when it arrived, so it was refused. Sign in again; if this keeps happening, this server’s clock and the provider’s disagree.',
    };
  }
  return {
    status: 502,
    reason: 'ID token refused',
    sentence:
      'The identity provider’s answer failed verification, so it was refused. Sign in again; if this keeps happening, the administrators should check the OIDC_* settings.',
  };
}
