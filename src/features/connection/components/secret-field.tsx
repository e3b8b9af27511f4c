import IconButton from '@mui/material/IconButton';
import InputAdornment from '@mui/material/InputAdornment';
import TextField from '@mui/material/TextField';
import VisibilityIcon from '@mui/icons-material/Visibility';
import VisibilityOffIcon from '@mui/icons-material/VisibilityOff';
import { useState } from 'react';

interface SecretFieldProps {
  /** Focused on arrival: the one field left to fill when switching to a saved tenant. */
  autoFocus?: boolean;
  value: string;
  error: string | undefined;
  disabled: boolean;
  onChange: (value: string) => void;
  onBlur: () => void;
}

/** "Client secret": a password field with a show/hide toggle. Its value lives only in the form's state. */
export function SecretField({
  autoFocus = false,
  value,
  error,
  disabled,
  onChange,
  onBlur,
}: SecretFieldProps) {
  const [visible, setVisible] = useState(false);
  return (
    <TextField
      name="clientSecret"
      label="Client secret"
      type={visible ? 'text' : 'password'}
      autoComplete="off"
      autoFocus={autoFocus}
      required
      fullWidth
      value={value}
      disabled={disabled}
      error={error !== undefined}
      helperText={error ?? ' '}
      onChange={(event) => onChange(event.target.value)}
      onBlur={onBlur}
      slotProps={{
        htmlInput: { spellCheck: false, autoCapitalize: 'off' },
        inputLabel: { required: false },
        input: {
          endAdornment: (
            <InputAdornment position="end">
              <IconButton
                aria-label={visible ? 'Hide secret' : 'Show secret'}
                aria-pressed={visible}
                onClick={() => setVisible((current) => !current)}
                edge="end"
              >
                {visible ? <VisibilityOffIcon /> : <VisibilityIcon />}
              </IconButton>
            </InputAdornment>
          ),
        },
      }}
    />
  );
}
