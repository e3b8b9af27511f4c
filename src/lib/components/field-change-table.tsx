import Box from '@mui/material/Box';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import type { ReactNode } from 'react';
import type { FieldChange } from '../../identity-cloud/drift.ts';
import { fieldLabel } from '../../identity-cloud/drift.ts';
import { monospaceFont } from './monospace.tsx';

const changeWords: Record<FieldChange['kind'], string> = {
  added: 'added',
  removed: 'removed',
  changed: 'changed',
};

function Mono({ children }: { children: ReactNode }) {
  return (
    <Box component="span" sx={{ fontFamily: monospaceFont, fontSize: '0.85em', overflowWrap: 'anywhere' }}>
      {children}
    </Box>
  );
}

/** A client's differences, field by field: what it was, what it became (drift, and a client's history). */
export function FieldChangeTable({ changes, label }: { changes: readonly FieldChange[]; label: string }) {
  return (
    <Table size="small" aria-label={label}>
      <TableHead>
        <TableRow>
          <TableCell sx={{ width: 160 }}>Field</TableCell>
          <TableCell sx={{ width: 100 }}>Change</TableCell>
          <TableCell>Before</TableCell>
          <TableCell>After</TableCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {changes.map((change, index) => (
          <TableRow key={`${change.field}:${index}`}>
            <TableCell>{fieldLabel(change.field)}</TableCell>
            <TableCell>{changeWords[change.kind]}</TableCell>
            <TableCell>{change.before === null ? '—' : <Mono>{change.before}</Mono>}</TableCell>
            <TableCell>{change.after === null ? '—' : <Mono>{change.after}</Mono>}</TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
