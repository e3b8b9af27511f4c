import Menu from '@mui/material/Menu';
import MenuItem from '@mui/material/MenuItem';
import { NavLink, useLocation } from 'react-router';
import type { MenuProps } from '../../lib/use-menu-button.ts';
import type { NavigationItem } from '../../lib/feature-pages.ts';

function isActive(item: NavigationItem, pathname: string): boolean {
  if (item.end) return pathname === item.to;
  return pathname === item.to || pathname.startsWith(`${item.to}/`);
}

/** The app bar's links folded into a menu on narrow screens (its own chunk, loaded on first use). */
export function NavigationMenu({
  items,
  menuProps,
}: {
  items: readonly NavigationItem[];
  menuProps: MenuProps;
}) {
  const { pathname } = useLocation();
  return (
    <Menu {...menuProps}>
      {items.map((item) => (
        <MenuItem
          key={item.to}
          component={NavLink}
          to={item.to}
          end={item.end}
          selected={isActive(item, pathname)}
          onClick={menuProps.onClose}
        >
          {item.label}
        </MenuItem>
      ))}
    </Menu>
  );
}
