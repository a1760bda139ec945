// Colours and type for emails: the app's palette in hex (mail clients do not understand oklch), a system
// font stack, and sizes that stay readable on a phone.

export const emailTheme = {
  background: "#f6f7fb",
  card: "#ffffff",
  foreground: "#1b2133",
  muted: "#5f6678",
  border: "#e3e6ef",
  primary: "#2f3ea8",
  primaryForeground: "#ffffff",
  fontFamily: '-apple-system, BlinkMacSystemFont, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif',
} as const;
