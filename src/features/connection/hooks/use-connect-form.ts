import { useState } from 'react';
import type { ConnectionField } from '../../../identity-cloud/connection-rules.ts';
import { checkConnection } from '../../../identity-cloud/connection-rules.ts';
import { ApiError } from '../../../lib/api-client.ts';
import type { SessionFacts } from '../../../identity-cloud/session-facts.ts';
import { useCreateSession } from '../api/create-session.ts';

export interface ConnectFormValues {
  identityDomain: string;
  customerId: string;
  clientId: string;
  clientSecret: string;
  /** Empty: the proxy's default scope. */
  scope: string;
  /** The tenant's name in the tenant menu ("Production"); kept in the browser, never sent. */
  label: string;
}

export type ConnectFormErrors = Partial<Record<ConnectionField, string>>;

const emptyValues: ConnectFormValues = {
  identityDomain: '',
  customerId: '',
  clientId: '',
  clientSecret: '',
  scope: '',
  label: '',
};

/** What the proxy is sent: the four fields and the scope, never the label. */
function connectionOf(values: ConnectFormValues) {
  return {
    identityDomain: values.identityDomain,
    customerId: values.customerId,
    clientId: values.clientId,
    clientSecret: values.clientSecret,
    scope: values.scope.trim() === '' ? undefined : values.scope,
  };
}

function clientSideErrors(values: ConnectFormValues): ConnectFormErrors {
  const check = checkConnection(connectionOf(values));
  if (check.ok) return {};
  return Object.fromEntries(check.errors.map((error) => [error.field, error.message]));
}

/**
 * The connect form's state. The secret lives here only: in React state, for as long as the page is open,
 * never in storage or the URL. Errors show once a field was left or a submit was attempted; a server refusal
 * keeps every value so the person can correct one field.
 */
export function useConnectForm({
  initialValues,
  onConnected,
}: {
  initialValues: Partial<ConnectFormValues>;
  onConnected: (facts: SessionFacts, values: ConnectFormValues) => void;
}) {
  const [values, setValues] = useState<ConnectFormValues>({ ...emptyValues, ...initialValues });
  const [touched, setTouched] = useState<ReadonlySet<ConnectionField>>(new Set());
  const [submitted, setSubmitted] = useState(false);
  const [serverFieldErrors, setServerFieldErrors] = useState<ConnectFormErrors>({});
  const session = useCreateSession();

  const errors = clientSideErrors(values);
  const visibleErrors: ConnectFormErrors = {};
  for (const field of Object.keys(errors) as ConnectionField[]) {
    if (submitted || touched.has(field)) visibleErrors[field] = errors[field];
  }
  for (const [field, message] of Object.entries(serverFieldErrors) as [ConnectionField, string][]) {
    visibleErrors[field] ??= message;
  }

  const setValue = (field: keyof ConnectFormValues, value: string) => {
    setValues((current) => ({ ...current, [field]: value }));
    setServerFieldErrors((current) => {
      if (!(field in current)) return current;
      return Object.fromEntries(Object.entries(current).filter(([key]) => key !== field));
    });
  };

  const touch = (field: ConnectionField) => {
    setTouched((current) => (current.has(field) ? current : new Set(current).add(field)));
  };

  /** Returns the first invalid field (for focus), or null when the request went out. */
  const submit = (): ConnectionField | null => {
    setSubmitted(true);
    const check = checkConnection(connectionOf(values));
    if (!check.ok) return check.errors[0]?.field ?? null;
    setServerFieldErrors({});
    session.mutate(check.connection, {
      onSuccess: (facts) => {
        // The server holds the secret now: the field forgets it at once, not when the next page has loaded (the
        // router keeps this page on screen while the next one's code arrives).
        setValues((current) => ({ ...current, clientSecret: '' }));
        onConnected(facts, values);
      },
      onError: (error) => {
        if (error instanceof ApiError && error.fieldErrors.length > 0) {
          setServerFieldErrors(
            Object.fromEntries(error.fieldErrors.map((fieldError) => [fieldError.field, fieldError.message])),
          );
        }
      },
    });
    return null;
  };

  const serverError =
    session.error instanceof ApiError && session.error.fieldErrors.length > 0 ? null : session.error;

  return {
    values,
    setValue,
    touch,
    submit,
    errors: visibleErrors,
    pending: session.isPending,
    serverError,
    /** Prefills the three remembered ids and the label (never the secret). */
    prefill: (tenant: Pick<ConnectFormValues, 'identityDomain' | 'customerId' | 'clientId' | 'label'>) => {
      setValues((current) => ({
        ...current,
        identityDomain: tenant.identityDomain,
        customerId: tenant.customerId,
        clientId: tenant.clientId,
        label: tenant.label,
      }));
      setServerFieldErrors({});
    },
  };
}
