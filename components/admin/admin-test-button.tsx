"use client";

import { adminTestConnectionAction } from "@/lib/actions/admin/test-connection";
import { AuthorizationCheckButton } from "./authorization-check-button";

export function AdminTestButton({ authorizationId }: { authorizationId: string }) {
  return <AuthorizationCheckButton authorizationId={authorizationId} action={adminTestConnectionAction} label="Test connection" pendingLabel="Testing…" testId="test-result" passed={() => "Passed"} />;
}
