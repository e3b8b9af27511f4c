// The clients grid's cells. Kept deliberately light: plain elements with class names styled once on the grid
// (`clientCellStyles`), no `sx` and no MUI Tooltip per cell. A keystroke in the search re-renders every visible
// cell, and at 10,000 clients the per-cell styling work was a large share of the 100 ms budget.
import IconButton from '@mui/material/IconButton';
import type { Theme } from '@mui/material/styles';
import type { SystemStyleObject } from '@mui/system';
import ErrorOutlineIcon from '@mui/icons-material/ErrorOutlineOutlined';
import RefreshIcon from '@mui/icons-material/Refresh';
import { Link as RouterLink, useLocation } from 'react-router';
import { clientKindDescriptions } from '../../../identity-cloud/client-kind.ts';
import { CopyButton } from '../../../lib/components/copy-button.tsx';
import { monospaceFont } from '../../../lib/components/monospace.tsx';
import { visuallyHidden } from '../../../lib/components/visually-hidden.ts';
import { toClient } from '../routes.ts';
import { useRetryInventoryClient } from '../api/retry-client.ts';
import type { ClientRow } from '../utils/client-rows.ts';
import type { PolicyReference } from '../../../identity-cloud/client-model.ts';
import { unknownPolicyLabels } from '../../../identity-cloud/client-model.ts';

/** Location state carried to a client's page, so its back link returns to the same filtered view. */
export interface ClientsListState {
  clientsSearch: string;
}

// Kind colours chosen for contrast (≥ 4.5:1 as text on the paper of each theme), as in ClientKindChip.
const kindColours = {
  public: ['#0b5394', '#90caf9'],
  confidential: ['#1b5e20', '#a5d6a7'],
  configuration: ['#8f3f00', '#ffb74d'],
} as const;

/** The styles of every cell class, applied once through the grid's `sx`. */
export function clientCellStyles(theme: Theme): SystemStyleObject<Theme> {
  const kindRules = Object.fromEntries(
    Object.entries(kindColours).map(([kind, [light, dark]]) => [
      `& .cell-kind-${kind}`,
      { color: light, borderColor: light, ...theme.applyStyles('dark', { color: dark, borderColor: dark }) },
    ]),
  );
  return {
    '& .cell-flex': { display: 'flex', alignItems: 'center', gap: '4px', minWidth: 0, height: '100%' },
    '& .cell-link': {
      color: (theme.vars ?? theme).palette.primary.main,
      textDecoration: 'none',
      fontWeight: 500,
      overflow: 'hidden',
      textOverflow: 'ellipsis',
      whiteSpace: 'nowrap',
      '&:hover, &:focus-visible': { textDecoration: 'underline' },
    },
    '& .cell-muted': { color: (theme.vars ?? theme).palette.text.secondary },
    '& .cell-missing': { color: (theme.vars ?? theme).palette.error.main, fontStyle: 'italic' },
    '& .cell-unreadable': { color: (theme.vars ?? theme).palette.text.secondary, fontStyle: 'italic' },
    '& .cell-mono': {
      fontFamily: monospaceFont,
      fontSize: '0.8rem',
      overflow: 'hidden',
      textOverflow: 'ellipsis',
    },
    '& .cell-ellipsis': { overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' },
    '& .cell-chip': {
      display: 'inline-flex',
      alignItems: 'center',
      gap: '4px',
      height: 24,
      padding: '0 8px',
      border: '1px solid',
      borderRadius: 12,
      fontSize: '0.8125rem',
      fontWeight: 500,
      lineHeight: 1,
      whiteSpace: 'nowrap',
      outlineOffset: 2,
    },
    '& .cell-chip svg': { fontSize: '1rem' },
    '& .cell-failed': { color: (theme.vars ?? theme).palette.error.main, borderColor: 'currentColor' },
    '& .cell-count': {
      flexShrink: 0,
      padding: '2px 6px',
      borderRadius: 10,
      fontSize: '0.75rem',
      backgroundColor: (theme.vars ?? theme).palette.action.selected,
      color: (theme.vars ?? theme).palette.text.primary,
    },
    '& .cell-pending': {
      display: 'block',
      width: '70%',
      height: 10,
      borderRadius: 4,
      backgroundColor: (theme.vars ?? theme).palette.action.hover,
    },
    '& .visually-hidden': visuallyHidden,
    ...kindRules,
  };
}

export function ClientNameCell({ row, tabIndex }: { row: ClientRow; tabIndex: number }) {
  const location = useLocation();
  const state: ClientsListState = { clientsSearch: location.search };
  return (
    <RouterLink className="cell-link" to={toClient({ clientId: row.id })} state={state} tabIndex={tabIndex}>
      {row.name}
    </RouterLink>
  );
}

function PendingCell() {
  return (
    <>
      <span className="cell-pending" aria-hidden />
      <span className="visually-hidden">Loading</span>
    </>
  );
}

function RetryClientButton({ row, tabIndex }: { row: ClientRow; tabIndex: number }) {
  const retry = useRetryInventoryClient();
  const label = `Retry loading ${row.name}`;
  return (
    <IconButton
      size="small"
      aria-label={label}
      title={retry.error instanceof Error ? `Retry failed: ${retry.error.message}` : label}
      tabIndex={tabIndex}
      disabled={retry.isPending}
      onClick={(event) => {
        event.stopPropagation();
        retry.mutate(row.id);
      }}
    >
      <RefreshIcon fontSize="inherit" />
    </IconButton>
  );
}

export function ClientKindCell({
  row,
  tabIndex,
  canRetry,
}: {
  row: ClientRow;
  tabIndex: number;
  canRetry: boolean;
}) {
  if (row.kind !== null) {
    // The definition shows on hover, and is read as the chip's description.
    return (
      <span
        className={`cell-chip cell-kind-${row.kind}`}
        title={clientKindDescriptions[row.kind]}
        tabIndex={tabIndex}
      >
        {row.kindLabel}
      </span>
    );
  }
  if (row.status === 'failed' && row.failure !== null) {
    // A 404 after the list named the client means it was deleted in between: not a fault to retry blindly.
    const deleted = row.failure.status === 404;
    const label = deleted ? 'Not found' : `Failed (${row.failure.status})`;
    const reason = deleted
      ? `Deleted since the list was read: ${row.failure.detail}`
      : `Details failed (${row.failure.status}): ${row.failure.detail}`;
    return (
      <span className="cell-flex">
        <span className="cell-chip cell-failed" title={reason} tabIndex={tabIndex}>
          <ErrorOutlineIcon aria-hidden />
          {label}
          <span className="visually-hidden">: {reason}</span>
        </span>
        {canRetry ? <RetryClientButton row={row} tabIndex={tabIndex} /> : null}
      </span>
    );
  }
  return <PendingCell />;
}

export function ClientIdCell({ row, tabIndex }: { row: ClientRow; tabIndex: number }) {
  return (
    <span className="cell-flex">
      <span className="cell-mono">{row.id}</span>
      <CopyButton value={row.id} label="client ID" tabIndex={tabIndex} plain />
    </span>
  );
}

export function PolicyCell({
  row,
  policy,
  href,
  tabIndex,
}: {
  row: ClientRow;
  policy: PolicyReference | null;
  href: (policyId: string) => string;
  tabIndex: number;
}) {
  if (row.status === 'pending') return <PendingCell />;
  if (policy === null) {
    return (
      <span className="cell-muted">
        <span aria-hidden>—</span>
        <span className="visually-hidden">None</span>
      </span>
    );
  }
  if (policy.title === null) {
    const missing = policy.problem === 'missing';
    return (
      <span
        className={missing ? 'cell-missing' : 'cell-unreadable'}
        title={
          missing
            ? `The tenant has no policy ${policy.id}: a dangling reference`
            : `This policy (${policy.id}) could not be read`
        }
        tabIndex={tabIndex}
      >
        {unknownPolicyLabels[missing ? 'missing' : 'unreadable']}
      </span>
    );
  }
  return (
    <RouterLink className="cell-link" to={href(policy.id)} tabIndex={tabIndex}>
      {policy.title}
    </RouterLink>
  );
}

export function RedirectUrisCell({ row }: { row: ClientRow }) {
  if (row.status === 'pending') return <PendingCell />;
  if (row.status === 'failed') return null;
  const [first] = row.redirectUris;
  if (first === undefined) return <span className="cell-muted">None</span>;
  const more = row.redirectUriCount - 1;
  return (
    <span className="cell-flex">
      <span className="cell-ellipsis" title={first}>
        {first}
      </span>
      {more > 0 ? (
        <span className="cell-count">
          <span aria-hidden>+{more}</span>
          <span className="visually-hidden">and {more} more</span>
        </span>
      ) : null}
    </span>
  );
}
