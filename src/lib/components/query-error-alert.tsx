import type { UseQueryResult } from '@tanstack/react-query';
import { ApiErrorAlert } from './api-error-alert.tsx';

interface QueryErrorAlertProps {
  query: Pick<UseQueryResult, 'error' | 'refetch'>;
  /** What the query reads, in words: "the clients", "this login policy". */
  resource: string;
  /** For 403: what the page still shows without this resource. */
  forbiddenConsequence?: string;
}

/** A failed query's alert, whose retry runs the query again; nothing while the query has not failed. */
export function QueryErrorAlert({ query, resource, forbiddenConsequence }: QueryErrorAlertProps) {
  if (query.error === null) return null;
  return (
    <ApiErrorAlert
      error={query.error}
      resource={resource}
      forbiddenConsequence={forbiddenConsequence}
      onRetry={() => void query.refetch()}
    />
  );
}
