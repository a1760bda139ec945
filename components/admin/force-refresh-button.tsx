"use client";

import { forceRefreshAction } from "@/lib/actions/admin/force-refresh-token";
import { AuthorizationCheckButton } from "./authorization-check-button";

export function ForceRefreshButton({ authorizationId }: { authorizationId: string }) {
  return (
    <AuthorizationCheckButton
      authorizationId={authorizationId}
      action={forceRefreshAction}
      label="Refresh token now"
      pendingLabel="Refreshing…"
      testId="refresh-result"
      passed={(data) => `New access token, valid until ${new Date(data.expiresAt).toISOString().slice(11, 16)} UTC`}
    />
  );
}
