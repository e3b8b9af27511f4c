import Button from '@mui/material/Button';
import Menu from '@mui/material/Menu';
import MenuItem from '@mui/material/MenuItem';
import DensityMediumIcon from '@mui/icons-material/DensityMedium';
import ViewColumnOutlinedIcon from '@mui/icons-material/ViewColumnOutlined';
import type { GridDensity } from '@mui/x-data-grid';
import {
  ColumnsPanelTrigger,
  gridDensitySelector,
  Toolbar,
  useGridApiContext,
  useGridSelector,
} from '@mui/x-data-grid';
import { useMenuButton } from '../../../lib/use-menu-button.ts';
import { ExportMenu } from './export-menu.tsx';

const densities: { value: GridDensity; label: string }[] = [
  { value: 'compact', label: 'Compact' },
  { value: 'standard', label: 'Standard' },
  { value: 'comfortable', label: 'Comfortable' },
];

function DensityMenu() {
  const apiRef = useGridApiContext();
  const density = useGridSelector(apiRef, gridDensitySelector);
  const menu = useMenuButton();
  return (
    <>
      <Button size="small" startIcon={<DensityMediumIcon />} {...menu.buttonProps}>
        Density
      </Button>
      <Menu {...menu.menuProps}>
        {densities.map((option) => (
          <MenuItem
            key={option.value}
            selected={option.value === density}
            onClick={() => {
              apiRef.current.setDensity(option.value);
              menu.close();
            }}
          >
            {option.label}
          </MenuItem>
        ))}
      </Menu>
    </>
  );
}

declare module '@mui/x-data-grid' {
  interface ToolbarPropsOverrides {
    /** Every client id of the view (search, filters and sort applied), in order, across all pages. */
    viewIds: readonly string[];
  }
}

/** Column choice, density, and the Export menu (the current view, or the whole inventory as a snapshot). */
export function ClientsGridToolbar({ viewIds }: { viewIds: readonly string[] }) {
  return (
    <Toolbar>
      <ColumnsPanelTrigger size="small" startIcon={<ViewColumnOutlinedIcon />}>
        Columns
      </ColumnsPanelTrigger>
      <DensityMenu />
      <ExportMenu viewIds={viewIds} />
    </Toolbar>
  );
}
