import Button from '@mui/material/Button';
import Divider from '@mui/material/Divider';
import ListItemText from '@mui/material/ListItemText';
import Menu from '@mui/material/Menu';
import MenuItem from '@mui/material/MenuItem';
import Snackbar from '@mui/material/Snackbar';
import FileDownloadOutlinedIcon from '@mui/icons-material/FileDownloadOutlined';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { recordExport } from '../../../lib/activity/record-export.ts';
import { csvMediaType, downloadText, jsonMediaType } from '../../../lib/download.ts';
import { pluralize } from '../../../lib/format/format.ts';
import { useInventoryFindings } from '../../../lib/inventory/use-inventory-findings.ts';
import { sessionQueryOptions } from '../../../lib/session/session-query.ts';
import { useMenuButton } from '../../../lib/use-menu-button.ts';
import type { ClientExportKind } from '../utils/client-exports.ts';
import { buildClientExport } from '../utils/client-exports.ts';

/**
 * "Export": the view as CSV or JSON (search, filters and sort applied, every page, every detail and finding), or
 * the whole inventory as a snapshot to compare against later (Drift). Files are made in the browser from what is
 * loaded: nothing is fetched again. `viewIds`: the view's clients in order (the grid holds one page only: they come
 * from the page that sorted them).
 */
export function ExportMenu({ viewIds }: { viewIds: readonly string[] }) {
  const session = useQuery(sessionQueryOptions());
  const { snapshot, streaming, evaluated } = useInventoryFindings();
  const menu = useMenuButton();
  const [saved, setSaved] = useState<string | null>(null);
  const total = snapshot?.inventory.total ?? 0;
  const ready = snapshot !== undefined && evaluated !== undefined && session.data != null;

  const save = (kind: ClientExportKind) => {
    menu.close();
    if (snapshot === undefined || evaluated === undefined || !session.data) return;
    const file = buildClientExport(kind, {
      // The inventory the findings were evaluated on, so that the two always agree.
      inventory: evaluated.inventory,
      findings: evaluated.findings,
      tenant: session.data,
      viewIds,
      now: new Date(),
    });
    downloadText(file.fileName, file.text, file.type === 'csv' ? csvMediaType : jsonMediaType);
    recordExport(
      kind === 'snapshot'
        ? { kind: 'inventory-snapshot', format: 'json', count: evaluated.inventory.total ?? 0 }
        : { kind: 'clients-view', format: file.type, count: viewIds.length },
    );
    setSaved(file.fileName);
  };

  return (
    <>
      <Button size="small" startIcon={<FileDownloadOutlinedIcon />} disabled={!ready} {...menu.buttonProps}>
        Export
      </Button>
      <Menu {...menu.menuProps}>
        <MenuItem onClick={() => save('view-csv')}>
          <ListItemText
            primary="CSV of this view"
            secondary={`${pluralize(viewIds.length, 'client')}, every detail and finding`}
          />
        </MenuItem>
        <MenuItem onClick={() => save('view-json')}>
          <ListItemText
            primary="JSON of this view"
            secondary={`${pluralize(viewIds.length, 'client')}, with policies`}
          />
        </MenuItem>
        <Divider />
        <MenuItem disabled={streaming} onClick={() => save('snapshot')}>
          <ListItemText
            primary="Inventory snapshot (JSON)"
            secondary={
              streaming
                ? 'Available once the inventory has loaded'
                : `All ${pluralize(total, 'client')}, to compare against later (Drift)`
            }
          />
        </MenuItem>
      </Menu>
      <Snackbar
        open={saved !== null}
        autoHideDuration={5000}
        onClose={() => setSaved(null)}
        message={saved === null ? '' : `Saved ${saved}`}
      />
    </>
  );
}
