import "server-only";
// The preflight of one authorization: its last recorded result and a button to run it again. A server
// component, mountable on any admin page (the authorization detail page, the health page).
import { PreflightButton } from "@/components/admin/monitoring/preflight-button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { getLastPreflight } from "@/lib/preflight/run-preflight";

export async function PreflightPanel({ authorizationId }: { authorizationId: string }) {
  const last = await getLastPreflight(authorizationId);
  return (
    <Card>
      <CardHeader>
        <CardTitle className="text-base">Preflight</CardTitle>
        <CardDescription>Before jobs use this authorization: the token works, the roles cover what the jobs call, the vendor group is linked, and billing is in standing.</CardDescription>
      </CardHeader>
      <CardContent>
        <PreflightButton authorizationId={authorizationId} last={last} />
      </CardContent>
    </Card>
  );
}
