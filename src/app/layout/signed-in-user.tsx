import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Typography from '@mui/material/Typography';
import LogoutOutlinedIcon from '@mui/icons-material/LogoutOutlined';
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
          // A phone's bar has no room for the word beside the tenant and the theme toggle: the icon alone shows
          // there, named by the label.
          aria-label="Sign out"
          title="Sign out"
          startIcon={<LogoutOutlinedIcon />}
          sx={{
            whiteSpace: 'nowrap',
            minWidth: 0,
            '& .MuiButton-startIcon': { mr: { xs: 0, sm: 1 }, ml: { xs: 0, sm: -0.5 } },
          }}
        >
          <Box component="span" sx={{ display: { xs: 'none', sm: 'inline' } }}>
            Sign out
          </Box>
        </Button>
      ) : null}
    </>
  );
}
