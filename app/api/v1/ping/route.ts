import { NextResponse } from "next/server";
import type { PingAnswer } from "@/lib/health/ping-answer";
import { otherMethods } from "@/lib/http/other-methods";

export const dynamic = "force-dynamic";

/** A trivial JSON route: the framework's own floor, which the benchmark compares the token route with. */
export function GET() {
  return NextResponse.json({ ok: true } satisfies PingAnswer);
}

export const { POST, PUT, PATCH, DELETE, OPTIONS } = otherMethods("GET");
