"use client";
// The API reference viewer (Scalar, bundled by Next like the rest of the app: no CDN, no script outside the
// page's nonce). Everything that would reach outside this origin is off: its web fonts (system fonts instead),
// telemetry, the AI agent and the request proxy; "Try it" calls this Latchkey directly.
import { ApiReferenceReact } from "@scalar/api-reference-react";
import "@scalar/api-reference-react/style.css";

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
      }}
    />
  );
}
