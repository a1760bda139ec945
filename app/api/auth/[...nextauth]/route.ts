import type { NextRequest } from "next/server";
import { handlers } from "@/auth";
import { authRequestOnAppOrigin } from "@/lib/auth/auth-request";
import { limitSignInPost } from "@/lib/auth/limit-sign-in-post";

export async function GET(request: NextRequest): Promise<Response> {
  return handlers.GET(authRequestOnAppOrigin(request));
}

export async function POST(request: NextRequest): Promise<Response> {
  const onApp = authRequestOnAppOrigin(request);
  return (await limitSignInPost(onApp)) ?? handlers.POST(onApp);
}
