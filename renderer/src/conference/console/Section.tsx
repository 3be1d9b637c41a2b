import type { ReactNode } from 'react';
import { Box, Card, CardContent, Stack, Typography } from '@mui/material';

/** A titled card section of the console. */
export function Section({ id, title, action, help, children }: { id: string; title: string; action?: ReactNode; help?: string; children: ReactNode }) {
  return (
    <Card component="section" aria-labelledby={`${id}-title`}>
      <CardContent sx={{ p: 2.25, '&:last-child': { pb: 2.25 } }}>
        <Stack direction="row" sx={{ justifyContent: 'space-between', alignItems: 'center', mb: help ? 0.25 : 1.25, gap: 1 }}>
          <Typography id={`${id}-title`} variant="h3" component="h2">
            {title}
          </Typography>
          {action}
        </Stack>
        {help && (
          <Typography variant="body2" color="text.secondary" sx={{ mb: 1.5 }}>
            {help}
          </Typography>
        )}
        <Box>{children}</Box>
      </CardContent>
    </Card>
  );
}
