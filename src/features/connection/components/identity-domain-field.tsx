import Autocomplete from '@mui/material/Autocomplete';
import Box from '@mui/material/Box';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { regionalIdentityDomains } from '../utils/regional-domains.ts';

interface IdentityDomainFieldProps {
  value: string;
  error: string | undefined;
  disabled: boolean;
  /** Domains used before, suggested first. */
  recentDomains: readonly string[];
  onChange: (value: string) => void;
  onBlur: () => void;
}

interface Suggestion {
  url: string;
  note: string;
}

/** Suggests the documented regional domains (and recent ones) but accepts any origin typed in. */
export function IdentityDomainField({
  value,
  error,
  disabled,
  recentDomains,
  onChange,
  onBlur,
}: IdentityDomainFieldProps) {
  const regional = new Set<string>(regionalIdentityDomains.map((domain) => domain.url));
  const suggestions: Suggestion[] = [
    ...recentDomains.filter((url) => !regional.has(url)).map((url) => ({ url, note: 'Used recently' })),
    ...regionalIdentityDomains.map((domain) => ({ url: domain.url, note: domain.region })),
  ];
  return (
    <Autocomplete<Suggestion, false, false, true>
      freeSolo
      disabled={disabled}
      options={suggestions}
      getOptionLabel={(option) => (typeof option === 'string' ? option : option.url)}
      inputValue={value}
      onInputChange={(_event, next) => onChange(next)}
      renderOption={({ key, ...props }, option) => (
        <Box
          component="li"
          key={key}
          {...props}
          sx={{ display: 'flex', justifyContent: 'space-between', gap: 2 }}
        >
          <span>{option.url}</span>
          <Typography component="span" variant="body2" color="textSecondary">
            {option.note}
          </Typography>
        </Box>
      )}
      renderInput={(params) => (
        <TextField
          {...params}
          name="identityDomain"
          label="Identity domain"
          required
          error={error !== undefined}
          helperText={error ?? 'The API’s regional address, e.g. https://v1.api.us.janrain.com'}
          onBlur={onBlur}
          slotProps={{
            ...params.slotProps,
            inputLabel: { ...params.slotProps.inputLabel, required: false },
            htmlInput: { ...params.slotProps.htmlInput, spellCheck: false, autoCapitalize: 'off' },
          }}
        />
      )}
    />
  );
}
