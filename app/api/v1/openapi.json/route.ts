import { otherMethods } from "@/lib/http/other-methods";
import { openApiDocumentJson } from "@/lib/openapi/build-openapi-document";

// The document depends on the code only: the same answer for everyone, cacheable.
export const dynamic = "force-dynamic";

/** The OpenAPI 3.1 document of `/api/v1` (public; rendered at /docs/api). */
export function GET() {
  return new Response(openApiDocumentJson(), {
    headers: { "content-type": "application/json; charset=utf-8", "cache-control": "public, max-age=300", "access-control-allow-origin": "*" },
  });
}

export const { POST, PUT, PATCH, DELETE, OPTIONS } = otherMethods("GET");
