import { Badge, type CSSVariablesResolver, createTheme } from '@mantine/core';

/** Calm, high-contrast defaults: blue primary (shade 7 passes WCAG AA on white). */
export const theme = createTheme({
  primaryColor: 'blue',
  primaryShade: 7,
  defaultRadius: 'sm',
  fontFamily: 'system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", sans-serif',
  headings: { fontWeight: '650' },
  components: {
    // Badges are short labels: never cut them ("Просроче…") when a table column is narrow.
    Badge: Badge.extend({ styles: { root: { minWidth: 'max-content' } } }),
  },
});

/**
 * Mantine's default grey for secondary text and placeholders is too light for WCAG AA on white;
 * these keep at least 4.5:1.
 */
export const cssVariablesResolver: CSSVariablesResolver = () => ({
  variables: {},
  light: {
    '--mantine-color-dimmed': '#5c636e',
    '--mantine-color-placeholder': '#6b7280',
    '--mantine-color-blue-light-color': 'var(--mantine-color-blue-8)',
    '--mantine-color-grape-light-color': 'var(--mantine-color-grape-9)',
  },
  dark: {},
});
