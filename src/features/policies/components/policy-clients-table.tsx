import Link from '@mui/material/Link';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableContainer from '@mui/material/TableContainer';
import TableHead from '@mui/material/TableHead';
import TablePagination from '@mui/material/TablePagination';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import { useState } from 'react';
import { Link as RouterLink } from 'react-router';
import { classifyClient } from '../../../identity-cloud/client-kind.ts';
import { clientDisplayName } from '../../../identity-cloud/client-model.ts';
import type { Client } from '../../../identity-cloud/schemas.ts';
import { ClientKindChip } from '../../../lib/components/client-kind-chip.tsx';
import { Monospace } from '../../../lib/components/monospace.tsx';
import { toClient } from '../../clients/routes.ts';

const pageSize = 25;

/** The clients that reference a policy (reverse index from the inventory), 25 a page. */
export function PolicyClientsTable({ clients }: { clients: readonly Client[] }) {
  const [page, setPage] = useState(0);
  if (clients.length === 0) {
    return <Typography color="text.secondary">No client uses this policy.</Typography>;
  }
  const sorted = [...clients].sort((a, b) => clientDisplayName(a).localeCompare(clientDisplayName(b)));
  const visible = sorted.slice(page * pageSize, (page + 1) * pageSize);
  return (
    <>
      <TableContainer>
        <Table size="small" aria-label="Clients using this policy">
          <TableHead sx={{ '& th': { fontWeight: 600 } }}>
            <TableRow>
              <TableCell>Name</TableCell>
              <TableCell>Kind</TableCell>
              <TableCell>Client ID</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {visible.map((client) => (
              <TableRow key={client.id} hover>
                <TableCell>
                  <Link component={RouterLink} to={toClient({ clientId: client.id })} underline="hover">
                    {clientDisplayName(client)}
                  </Link>
                </TableCell>
                <TableCell>
                  <ClientKindChip kind={classifyClient(client)} />
                </TableCell>
                <TableCell>
                  <Monospace noWrap>{client.id}</Monospace>
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </TableContainer>
      {clients.length > pageSize ? (
        <TablePagination
          component="div"
          count={clients.length}
          page={page}
          rowsPerPage={pageSize}
          rowsPerPageOptions={[pageSize]}
          onPageChange={(_event, next) => setPage(next)}
        />
      ) : null}
    </>
  );
}
