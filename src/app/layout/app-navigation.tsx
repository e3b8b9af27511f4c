import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import IconButton from '@mui/material/IconButton';
import MenuIcon from '@mui/icons-material/Menu';
import { lazy, Suspense } from 'react';
import { NavLink } from 'react-router';
import type { NavigationItem } from '../../lib/feature-pages.ts';
import { useMenuButton } from '../../lib/use-menu-button.ts';

const loadNavigationMenu = () => import('./navigation-menu.tsx');
const NavigationMenu = lazy(async () => ({ default: (await loadNavigationMenu()).NavigationMenu }));

// Below this width the links no longer fit beside the product name, the tenant button and the theme toggle.
const foldBelow = 'lg';

/**
 * The app bar's links on wide screens; on narrow ones a menu button holding the same links. Which one shows is
 * decided by CSS, not by a media query in script, so that the first paint is already right (no layout shift).
 */
export function AppNavigation({ items }: { items: readonly NavigationItem[] }) {
  const menu = useMenuButton();
  return (
    <>
      <Box sx={{ display: { xs: 'none', [foldBelow]: 'flex' }, gap: 0.5 }}>
        {items.map((item) => (
          <Button
            key={item.to}
            component={NavLink}
            to={item.to}
            end={item.end}
            color="inherit"
            sx={{ '&.active': { bgcolor: 'rgba(0,0,0,0.24)', textDecoration: 'underline' } }}
          >
            {item.label}
          </Button>
        ))}
      </Box>
      <IconButton
        color="inherit"
        aria-label="Pages"
        {...menu.buttonProps}
        // The menu's chunk is fetched when the pointer or the focus comes near, so that it opens at once.
        onPointerEnter={() => void loadNavigationMenu()}
        onFocus={() => void loadNavigationMenu()}
        sx={{ display: { [foldBelow]: 'none' } }}
      >
        <MenuIcon />
      </IconButton>
      {menu.isOpen ? (
        <Suspense fallback={null}>
          <NavigationMenu items={items} menuProps={menu.menuProps} />
        </Suspense>
      ) : null}
    </>
  );
}
