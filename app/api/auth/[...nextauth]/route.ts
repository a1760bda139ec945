import type { NextRequest } from "next/server";
import { handlers } from "@/auth";
import { limitSignInPost } from "@/lib/auth/limit-sign-in-post";

export const { GET } = handlers;

export async function POST(request: NextRequest): Promise<Response> {
  return (await limitSignInPost(request)) ?? handlers.POST(request);
}
