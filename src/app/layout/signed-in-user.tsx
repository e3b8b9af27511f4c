import Button from '@mui/material/Button';
import Typography from '@mui/material/Typography';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { signedInUserQueryOptions, signOut } from '../../lib/session/signed-in-user.ts';

/** The person signed in to the dashboard, with Sign out; nothing in local use (AUTH_MODE=none). */
export function SignedInUser() {
  const { data } = useQuery(signedInUserQueryOptions());
  const [signingOut, setSigningOut] = useState(false);
  if (data?.displayName == null) return null;
  return (
    <>
      <Typography
        variant="body2"
        noWrap
        title={`Signed in as ${data.displayName}`}
        sx={{ maxWidth: 220, display: { xs: 'none', md: 'block' } }}
      >
        Signed in as <strong>{data.displayName}</strong>
      </Typography>
      {data.canSignOut ? (
        <Button
          color="inherit"
          size="small"
          disabled={signingOut}
          onClick={() => {
            setSigningOut(true);
            void signOut().catch(() => {
              setSigningOut(false);
            });
          }}
          sx={{ whiteSpace: 'nowrap' }}
        >
          Sign out
        </Button>
      ) : null}
    </>
  );
}
