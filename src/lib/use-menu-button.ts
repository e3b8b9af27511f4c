import type { MouseEvent } from 'react';
import { useCallback, useId, useState } from 'react';

/**
 * A button that opens a menu, wired as the WAI-ARIA menu button pattern: spread `buttonProps` on the button and
 * `menuProps` on the MUI Menu (the menu is labelled by the button, which says whether it is open).
 */
export function useMenuButton() {
  const [anchor, setAnchor] = useState<HTMLElement | null>(null);
  const buttonId = useId();
  const menuId = useId();
  const close = useCallback(() => setAnchor(null), []);
  return {
    isOpen: anchor !== null,
    close,
    buttonProps: {
      id: buttonId,
      'aria-haspopup': 'menu' as const,
      'aria-controls': anchor === null ? undefined : menuId,
      'aria-expanded': anchor === null ? undefined : true,
      onClick: (event: MouseEvent<HTMLElement>) => setAnchor(event.currentTarget),
    },
    menuProps: {
      id: menuId,
      anchorEl: anchor,
      open: anchor !== null,
      onClose: close,
      slotProps: { list: { 'aria-labelledby': buttonId } },
    },
  };
}

export type MenuProps = ReturnType<typeof useMenuButton>['menuProps'];
