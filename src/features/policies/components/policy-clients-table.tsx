import Link from '@mui/material/Link';
import Typography from '@mui/material/Typography';
import { useState } from 'react';
import { Link as RouterLink } from 'react-router';
import { classifyClient } from '../../../identity-cloud/client-kind.ts';
import { clientDisplayName } from '../../../identity-cloud/client-model.ts';
import type { Client } from '../../../identity-cloud/schemas.ts';
import { ClientKindChip } from '../../../lib/components/client-kind-chip.tsx';
import { Monospace } from '../../../lib/components/monospace.tsx';
import type { SimpleColumn } from '../../../lib/components/simple-table.tsx';
import { SimpleTable } from '../../../lib/components/simple-table.tsx';
import { TablePager } from '../../../lib/components/table-pager.tsx';
import { toClient } from '../../clients/routes.ts';

const pageSize = 25;

const columns: readonly SimpleColumn<Client>[] = [
  {
    key: 'name',
    header: 'Name',
    cell: (client) => (
      <Link component={RouterLink} to={toClient({ clientId: client.id })} underline="hover">
        {clientDisplayName(client)}
      </Link>
    ),
  },
  { key: 'kind', header: 'Kind', cell: (client) => <ClientKindChip kind={classifyClient(client)} /> },
  { key: 'id', header: 'Client ID', cell: (client) => <Monospace noWrap>{client.id}</Monospace> },
];

/** The clients that reference a policy (reverse index from the inventory), 25 a page. */
export function PolicyClientsTable({ clients }: { clients: readonly Client[] }) {
  const [page, setPage] = useState(0);
  if (clients.length === 0) {
    return <Typography color="textSecondary">No client uses this policy.</Typography>;
  }
  const sorted = [...clients].sort((a, b) => clientDisplayName(a).localeCompare(clientDisplayName(b)));
  const visible = sorted.slice(page * pageSize, (page + 1) * pageSize);
  return (
    <>
      <SimpleTable
        label="Clients using this policy"
        columns={columns}
        rows={visible}
        rowKey={(client) => client.id}
      />
      <TablePager count={clients.length} page={page} pageSize={pageSize} onPageChange={setPage} />
    </>
  );
}
