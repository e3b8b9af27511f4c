import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Typography from '@mui/material/Typography';
import UploadFileOutlinedIcon from '@mui/icons-material/UploadFileOutlined';
import { useRef, useState } from 'react';

interface SnapshotDropZoneProps {
  onFile: (file: File) => void;
  disabled?: boolean;
}

/** A snapshot file, dropped on the zone or picked with the button (the keyboard's way in). */
export function SnapshotDropZone({ onFile, disabled = false }: SnapshotDropZoneProps) {
  const input = useRef<HTMLInputElement>(null);
  const [over, setOver] = useState(false);
  return (
    <Box
      onDragOver={(event) => {
        if (disabled) return;
        event.preventDefault();
        event.dataTransfer.dropEffect = 'copy';
        setOver(true);
      }}
      onDragLeave={() => setOver(false)}
      onDrop={(event) => {
        event.preventDefault();
        setOver(false);
        const [file] = event.dataTransfer.files;
        if (file !== undefined && !disabled) onFile(file);
      }}
      sx={{
        border: 2,
        borderStyle: 'dashed',
        borderColor: over ? 'primary.main' : 'divider',
        bgcolor: over ? 'action.hover' : 'transparent',
        borderRadius: 2,
        p: 3,
        display: 'flex',
        flexDirection: 'column',
        alignItems: 'center',
        gap: 1.5,
        textAlign: 'center',
      }}
    >
      <Typography>Drop a snapshot file here (a JSON export of the inventory), or</Typography>
      <Button
        variant="outlined"
        startIcon={<UploadFileOutlinedIcon />}
        disabled={disabled}
        onClick={() => input.current?.click()}
      >
        Choose a snapshot file…
      </Button>
      <input
        ref={input}
        type="file"
        accept=".json,application/json"
        aria-label="Snapshot file"
        hidden
        onChange={(event) => {
          const file = event.target.files?.[0];
          // Cleared, so that picking the same file again (after fixing it) reads it again.
          event.target.value = '';
          if (file !== undefined) onFile(file);
        }}
      />
    </Box>
  );
}
