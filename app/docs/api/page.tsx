import type { Metadata } from "next";
import { ApiReference } from "@/components/docs/api-reference";

export const metadata: Metadata = { title: "API reference" };

/** The `/api/v1` reference, rendered from the document served at /api/v1/openapi.json. Public. */
export default function ApiDocsPage() {
  return (
    <main>
      <ApiReference documentUrl="/api/v1/openapi.json" />
    </main>
  );
}
