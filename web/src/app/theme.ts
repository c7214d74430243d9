import { createTheme } from '@mantine/core';

// System fonts only: the product runs offline, nothing is fetched from a CDN.
export const theme = createTheme({
  primaryColor: 'blue',
  defaultRadius: 'md',
  fontFamily: 'system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "DejaVu Sans", "Helvetica Neue", Arial, sans-serif',
  headings: { fontWeight: '650' },
});
