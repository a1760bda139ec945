"use client";
// The API reference viewer (Scalar, bundled by Next like the rest of the app: no CDN, no script outside the
// page's nonce). Everything that would reach outside this origin is off: its web fonts (system fonts instead),
// telemetry, the AI agent and the request proxy; "Try it" calls this Latchkey directly.
import { ApiReferenceReact } from "@scalar/api-reference-react";
import "@scalar/api-reference-react/style.css";

// Scalar's default grays, accent and HTTP-method colours are too light for small text (axe: color-contrast).
// These keep its look at WCAG AA contrast (4.5:1) on its own backgrounds, in both of its modes.
const READABLE_COLORS = `
.light-mode {
  --scalar-color-2: #595959;
  --scalar-color-3: #666666;
  --scalar-color-accent: #0064c8;
  --scalar-color-green: #05754e;
  --scalar-color-red: #c20005;
  --scalar-color-yellow: #7f6400;
  --scalar-color-blue: #005fa0;
  --scalar-color-orange: #ad3c00;
  --scalar-color-query: #006266;
}
.dark-mode {
  --scalar-color-2: #b4b4b4;
  --scalar-color-3: #9c9c9c;
}
`;

export function ApiReference({ documentUrl }: { documentUrl: string }) {
  return (
    <ApiReferenceReact
      configuration={{
        url: documentUrl,
        withDefaultFonts: false,
        telemetry: false,
        agent: { disabled: true },
        hideClientButton: false,
        persistAuth: false,
        showDeveloperTools: "never",
        documentDownloadType: "json",
        customCss: READABLE_COLORS,
      }}
    />
  );
}
