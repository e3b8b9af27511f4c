import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import CircularProgress from '@mui/material/CircularProgress';
import Collapse from '@mui/material/Collapse';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import type { ConnectionField } from '../../../identity-cloud/connection-rules.ts';
import { defaultScope } from '../../../identity-cloud/connection-rules.ts';
import type { SessionFacts } from '../../../identity-cloud/session-facts.ts';
import type { ConnectFormValues } from '../hooks/use-connect-form.ts';
import { useConnectForm } from '../hooks/use-connect-form.ts';
import type { SavedTenant, TenantIds } from '../../../lib/tenants/saved-tenants.ts';
import { maximumLabelLength } from '../../../lib/tenants/saved-tenants.ts';
import { ConnectionRefusedAlert } from './connection-refused-alert.tsx';
import { IdentityDomainField } from './identity-domain-field.tsx';
import { RecentConnections } from './recent-connections.tsx';
import { SecretField } from './secret-field.tsx';
import { useRef, useState } from 'react';

interface ConnectFormProps {
  recent: readonly SavedTenant[];
  /** A tenant to switch to (from the tenant menu): its ids and label prefilled, the secret focused. */
  switchTo?: (TenantIds & { label: string }) | null;
  onForget: (tenant: SavedTenant) => void;
  onConnected: (facts: SessionFacts, values: ConnectFormValues) => void;
}

const monospaceInput = { fontFamily: 'ui-monospace, SFMono-Regular, Menlo, Consolas, monospace' };

interface VerbatimFieldProps {
  form: ReturnType<typeof useConnectForm>;
  field: 'customerId' | 'clientId' | 'scope';
  label: string;
  required?: boolean;
  autoComplete?: string;
  placeholder?: string;
  /** Under the field until it has an error to show instead. */
  hint: string;
}

/** A field of ids or scopes, typed exactly (monospace, no spelling checks), its error in place of its hint. */
function VerbatimField({
  form,
  field,
  label,
  required = false,
  autoComplete,
  placeholder,
  hint,
}: VerbatimFieldProps) {
  const error = form.errors[field];
  return (
    <TextField
      name={field}
      label={label}
      required={required}
      fullWidth
      autoComplete={autoComplete}
      value={form.values[field]}
      disabled={form.pending}
      placeholder={placeholder}
      error={error !== undefined}
      helperText={error ?? hint}
      onChange={(event) => form.setValue(field, event.target.value)}
      onBlur={() => form.touch(field)}
      slotProps={{
        htmlInput: { spellCheck: false, style: monospaceInput },
        inputLabel: { required: false },
      }}
    />
  );
}

export function ConnectForm({ recent, switchTo = null, onForget, onConnected }: ConnectFormProps) {
  const [first] = recent;
  const initial = switchTo ?? first;
  const form = useConnectForm({
    initialValues:
      initial === undefined
        ? {}
        : {
            identityDomain: initial.identityDomain,
            customerId: initial.customerId,
            clientId: initial.clientId,
            label: initial.label,
          },
    onConnected,
  });
  const [advanced, setAdvanced] = useState(form.values.scope !== '');
  const formRef = useRef<HTMLFormElement>(null);
  const { values, errors, pending } = form;

  const focusField = (field: ConnectionField) => {
    if (field === 'scope') setAdvanced(true);
    // After React has shown the message: the field's input, by its name.
    requestAnimationFrame(() => {
      formRef.current?.querySelector<HTMLInputElement>(`input[name="${field}"]`)?.focus();
    });
  };

  return (
    <Box
      component="form"
      ref={formRef}
      noValidate
      aria-label="Connect to a tenant"
      onSubmit={(event) => {
        event.preventDefault();
        const invalid = form.submit();
        if (invalid !== null) focusField(invalid);
      }}
    >
      <Stack spacing={1}>
        {form.serverError !== null ? <ConnectionRefusedAlert error={form.serverError} /> : null}
        <RecentConnections recent={recent} onUse={form.prefill} onForget={onForget} />
        {/* Required fields are marked in words, not with a bare asterisk in each label. */}
        <Typography variant="body2" color="textSecondary" sx={{ pb: 1 }}>
          All four fields are required.
        </Typography>
        <IdentityDomainField
          value={values.identityDomain}
          error={errors.identityDomain}
          disabled={pending}
          recentDomains={[...new Set(recent.map((item) => item.identityDomain))]}
          onChange={(value) => form.setValue('identityDomain', value)}
          onBlur={() => form.touch('identityDomain')}
        />
        <VerbatimField
          form={form}
          field="customerId"
          label="Customer ID"
          required
          autoComplete="off"
          hint="A UUID, e.g. 01000000-0000-3000-9000-000000000000"
        />
        <VerbatimField
          form={form}
          field="clientId"
          label="Client ID"
          required
          autoComplete="username"
          hint="The configuration client’s ID"
        />
        <SecretField
          autoFocus={switchTo !== null}
          value={values.clientSecret}
          error={errors.clientSecret}
          disabled={pending}
          onChange={(value) => form.setValue('clientSecret', value)}
          onBlur={() => form.touch('clientSecret')}
        />
        <TextField
          name="label"
          label="Label (optional)"
          fullWidth
          autoComplete="off"
          value={values.label}
          disabled={pending}
          helperText="How this tenant is named in the tenant menu, e.g. Production. Kept in this browser only."
          onChange={(event) => form.setValue('label', event.target.value)}
          slotProps={{ htmlInput: { maxLength: maximumLabelLength } }}
        />
        <Collapse in={advanced} unmountOnExit>
          <VerbatimField
            form={form}
            field="scope"
            label="Scope"
            placeholder={defaultScope}
            hint={`Leave empty for ${defaultScope} (read access is all the dashboard uses)`}
          />
        </Collapse>
        <Box sx={{ display: 'flex', gap: 2, alignItems: 'center', pt: 1 }}>
          <Button
            type="submit"
            variant="contained"
            size="large"
            disabled={pending}
            startIcon={pending ? <CircularProgress size={18} color="inherit" aria-hidden /> : undefined}
          >
            Connect
          </Button>
          <Button variant="text" aria-expanded={advanced} onClick={() => setAdvanced((current) => !current)}>
            {advanced ? 'Hide scope' : 'Choose scope'}
          </Button>
        </Box>
      </Stack>
    </Box>
  );
}
