import type { UseQueryResult } from '@tanstack/react-query';

/** The designed loading and error states of a view's lab query; null once there is data to draw. */
export function QueryState({ query, what }: { query: Pick<UseQueryResult<unknown>, 'isPending' | 'error' | 'refetch' | 'data'>; what: string }) {
  if (query.error && query.data === undefined) {
    return (
      <p role="alert" className="banner error">
        Could not compute {what}: {query.error.message}.{' '}
        <button type="button" className="link" onClick={() => void query.refetch()}>
          Try again
        </button>
      </p>
    );
  }
  if (query.data === undefined) {
    return (
      <p role="status" className="muted loading">
        Computing {what}…
      </p>
    );
  }
  return null;
}
