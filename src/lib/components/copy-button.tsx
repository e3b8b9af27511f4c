import IconButton from '@mui/material/IconButton';
import Tooltip from '@mui/material/Tooltip';
import ContentCopyIcon from '@mui/icons-material/ContentCopy';
import CheckIcon from '@mui/icons-material/Check';
import { useEffect, useState } from 'react';

interface CopyButtonProps {
  value: string;
  /** What is copied, for the accessible name: "client ID" → "Copy client ID". */
  label: string;
  tabIndex?: number;
  /**
   * A native `title` instead of a MUI tooltip: grid cells use it, because a tooltip per row costs too much
   * on a page of 100 rows redrawn at every scroll.
   */
  plain?: boolean;
}

export function CopyButton({ value, label, tabIndex, plain = false }: CopyButtonProps) {
  const [copied, setCopied] = useState(false);
  useEffect(() => {
    if (!copied) return;
    const timer = setTimeout(() => setCopied(false), 1500);
    return () => clearTimeout(timer);
  }, [copied]);

  const copy = async () => {
    try {
      await navigator.clipboard.writeText(value);
      setCopied(true);
    } catch {
      // The clipboard may be refused (permissions, insecure context): the value stays selectable on screen.
    }
  };

  const hint = copied ? 'Copied' : `Copy ${label}`;
  const button = (
    <IconButton
      size="small"
      aria-label={`Copy ${label}`}
      title={plain ? hint : undefined}
      tabIndex={tabIndex}
      onClick={(event) => {
        event.stopPropagation();
        void copy();
      }}
    >
      {copied ? <CheckIcon fontSize="inherit" /> : <ContentCopyIcon fontSize="inherit" />}
    </IconButton>
  );
  return plain ? button : <Tooltip title={hint}>{button}</Tooltip>;
}
