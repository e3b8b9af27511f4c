import InputAdornment from '@mui/material/InputAdornment';
import TextField from '@mui/material/TextField';
import SearchIcon from '@mui/icons-material/Search';
import { useState } from 'react';

interface ClientsSearchFieldProps {
  /** The search as the URL holds it. */
  value: string;
  onChange: (value: string) => void;
}

/**
 * "Search clients": echoes each keystroke at once from local state and reports it upward on every change
 * (filtering is cheap, so no debounce); follows the URL when it changes underneath (back button).
 */
export function ClientsSearchField({ value, onChange }: ClientsSearchFieldProps) {
  const [draft, setDraft] = useState(value);
  const [lastValue, setLastValue] = useState(value);
  if (value !== lastValue) {
    setLastValue(value);
    if (value !== draft) setDraft(value);
  }
  return (
    <TextField
      type="search"
      size="small"
      label="Search clients"
      placeholder="Name, client ID or redirect URI"
      value={draft}
      onChange={(event) => {
        setDraft(event.target.value);
        onChange(event.target.value);
      }}
      sx={{ minWidth: { xs: '100%', sm: 340 } }}
      slotProps={{
        input: {
          startAdornment: (
            <InputAdornment position="start">
              <SearchIcon fontSize="small" />
            </InputAdornment>
          ),
        },
      }}
    />
  );
}
