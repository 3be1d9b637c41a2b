import { Box } from '@mui/material';
import { MARK_END, MARK_START } from '../../../shared/ipc/contract';

/** Text with search matches between the main process's markers, shown as <mark>. Plain React text: nothing is parsed as HTML. */
export function MarkedText({ text }: { text: string }) {
  const parts: { text: string; marked: boolean }[] = [];
  let rest = text;
  while (rest.length) {
    const start = rest.indexOf(MARK_START);
    if (start < 0) {
      parts.push({ text: rest, marked: false });
      break;
    }
    if (start > 0) parts.push({ text: rest.slice(0, start), marked: false });
    const end = rest.indexOf(MARK_END, start);
    const stop = end < 0 ? rest.length : end;
    parts.push({ text: rest.slice(start + 1, stop), marked: true });
    rest = end < 0 ? '' : rest.slice(end + 1);
  }
  return (
    <>
      {parts.map((p, i) =>
        p.marked ? (
          <Box key={i} component="mark" sx={{ bgcolor: 'rgba(255, 213, 79, 0.55)', color: 'inherit', borderRadius: 0.5, px: 0.25 }}>
            {p.text}
          </Box>
        ) : (
          <span key={i}>{p.text}</span>
        ),
      )}
    </>
  );
}
