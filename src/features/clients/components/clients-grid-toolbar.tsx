import Button from '@mui/material/Button';
import Menu from '@mui/material/Menu';
import MenuItem from '@mui/material/MenuItem';
import DensityMediumIcon from '@mui/icons-material/DensityMedium';
import FileDownloadOutlinedIcon from '@mui/icons-material/FileDownloadOutlined';
import ViewColumnOutlinedIcon from '@mui/icons-material/ViewColumnOutlined';
import type { GridDensity } from '@mui/x-data-grid';
import {
  ColumnsPanelTrigger,
  ExportCsv,
  gridDensitySelector,
  Toolbar,
  useGridApiContext,
  useGridSelector,
} from '@mui/x-data-grid';
import { useId, useState } from 'react';

declare module '@mui/x-data-grid' {
  interface ToolbarPropsOverrides {
    /** The CSV file's name without extension, e.g. "clients-01000000-2024-05-01". */
    csvFileName: string;
  }
}

const densities: { value: GridDensity; label: string }[] = [
  { value: 'compact', label: 'Compact' },
  { value: 'standard', label: 'Standard' },
  { value: 'comfortable', label: 'Comfortable' },
];

function DensityMenu() {
  const apiRef = useGridApiContext();
  const density = useGridSelector(apiRef, gridDensitySelector);
  const [anchor, setAnchor] = useState<HTMLElement | null>(null);
  const buttonId = useId();
  const menuId = useId();
  return (
    <>
      <Button
        id={buttonId}
        size="small"
        startIcon={<DensityMediumIcon />}
        aria-haspopup="menu"
        aria-controls={anchor === null ? undefined : menuId}
        aria-expanded={anchor === null ? undefined : true}
        onClick={(event) => setAnchor(event.currentTarget)}
      >
        Density
      </Button>
      <Menu
        id={menuId}
        anchorEl={anchor}
        open={anchor !== null}
        onClose={() => setAnchor(null)}
        slotProps={{ list: { 'aria-labelledby': buttonId } }}
      >
        {densities.map((option) => (
          <MenuItem
            key={option.value}
            selected={option.value === density}
            onClick={() => {
              apiRef.current.setDensity(option.value);
              setAnchor(null);
            }}
          >
            {option.label}
          </MenuItem>
        ))}
      </Menu>
    </>
  );
}

/** Column choice, density, and CSV export of the current view (search, kind and sort applied; every page). */
export function ClientsGridToolbar({ csvFileName }: { csvFileName: string }) {
  return (
    <Toolbar>
      <ColumnsPanelTrigger size="small" startIcon={<ViewColumnOutlinedIcon />}>
        Columns
      </ColumnsPanelTrigger>
      <DensityMenu />
      <ExportCsv
        size="small"
        startIcon={<FileDownloadOutlinedIcon />}
        options={{ fileName: csvFileName, utf8WithBom: true, escapeFormulas: true }}
      >
        Export CSV
      </ExportCsv>
    </Toolbar>
  );
}
