import Link from "next/link";
import { CircleAlert, Info } from "lucide-react";
import type { Metadata } from "next";
import { AppStatusForm } from "@/components/admin/app-client/app-status-form";
import { BillingForm } from "@/components/admin/app-client/billing-form";
import { DestinationsPanel, type DestinationRow } from "@/components/admin/app-client/destinations-panel";
import { ExpiryCountdown } from "@/components/admin/app-client/expiry-countdown";
import { ManualSecretForm } from "@/components/admin/app-client/manual-secret-form";
import { RefreshWhileRotating } from "@/components/admin/app-client/refresh-while-rotating";
import { RewrapButton } from "@/components/admin/app-client/rewrap-button";
import { RotateNowButton } from "@/components/admin/app-client/rotate-now-button";
import { Alert, AlertDescription, AlertTitle } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { AMAZON_NOTIFICATIONS_ACCOUNT, sqsQueuePolicy } from "@/lib/amazon/notifications-api";
import { listDestinations } from "@/lib/app-client/destinations";
import { getAppClientOverview, type AppClientOverview } from "@/lib/app-client/get-app-client-overview";
import { requireAdmin } from "@/lib/auth/session";
import { isAppError } from "@/lib/errors";
import { readLedger } from "@/lib/ledger/read-ledger";
import { ROLES } from "@/lib/roles/roles";
import { daysUntil, formatDate, formatDateTime } from "@/lib/utils/format";
import { vaultStatus } from "@/lib/vault";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";

export const metadata: Metadata = { title: "App client" };
export const dynamic = "force-dynamic";

const STATE_VARIANT = { CURRENT: "success", PREVIOUS: "warning", PENDING: "secondary", RETIRED: "outline" } as const;
const ROTATION_VARIANT = { REQUESTED: "secondary", COMPLETED: "success", FAILED: "destructive", OVERDUE: "warning" } as const;

async function loadDestinations(): Promise<{ destinations: DestinationRow[]; error: string | null }> {
  try {
    return { destinations: await listDestinations(), error: null };
  } catch (error) {
    return { destinations: [], error: isAppError(error) && error.status < 500 ? error.message : "Amazon did not list the destinations right now; reload to try again." };
  }
}

function Field({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div>
      <dt className="text-muted-foreground">{label}</dt>
      <dd className="font-medium break-all">{children}</dd>
    </div>
  );
}

function RotationTimeline({ rotations }: { rotations: AppClientOverview["rotations"] }) {
  if (rotations.length === 0) return <p className="text-sm text-muted-foreground">No rotation yet.</p>;
  return (
    <ol className="space-y-4">
      {rotations.map((rotation) => {
        const steps = [
          { label: "Requested from Amazon", at: rotation.startedAt },
          { label: "New-secret notification received", at: rotation.notificationReceivedAt },
          { label: "Verified with a client_credentials call", at: rotation.verifiedAt },
          { label: rotation.newSecretVersion ? `Version ${rotation.newSecretVersion} is current` : "Current", at: rotation.status === "COMPLETED" ? rotation.completedAt : null },
        ];
        return (
          <li key={rotation.id} data-testid="rotation" className="rounded-lg border p-4">
            <div className="flex flex-wrap items-center justify-between gap-2">
              <span className="text-sm font-medium">
                {rotation.reason === "manual" ? "Rotate now" : rotation.reason === "expiring" ? "Automatic: secret about to expire" : rotation.reason === "expiry_notification" ? "Amazon's expiry warning" : "Started by Amazon"}
              </span>
              <Badge variant={ROTATION_VARIANT[rotation.status]}>{rotation.status.toLowerCase()}</Badge>
            </div>
            {rotation.status === "FAILED" ? (
              <p className="mt-2 text-sm text-destructive">{rotation.error}</p>
            ) : (
              <ul className="mt-3 grid gap-1 text-sm sm:grid-cols-4">
                {steps.map((step) => (
                  <li key={step.label} className={step.at ? "" : "text-muted-foreground"}>
                    <span aria-hidden>{step.at ? "●" : "○"}</span> {step.label}
                    <div className="text-xs text-muted-foreground">{step.at ? formatDateTime(step.at) : rotation.status === "OVERDUE" ? "overdue" : "waiting"}</div>
                  </li>
                ))}
              </ul>
            )}
          </li>
        );
      })}
    </ol>
  );
}

export default async function AppClientPage() {
  await requireAdmin("/admin/app-client");
  let overview: AppClientOverview;
  try {
    overview = await getAppClientOverview();
  } catch (error) {
    if (!(isAppError(error) && error.code === "config_error")) throw error;
    return (
      <Alert variant="destructive">
        <CircleAlert aria-hidden />
        <AlertTitle>No app client yet</AlertTitle>
        <AlertDescription>Set LWA_CLIENT_ID, LWA_CLIENT_SECRET and SPAPI_APPLICATION_ID and restart Latchkey; the first start stores them (the secret encrypted).</AlertDescription>
      </Alert>
    );
  }
  const [{ destinations, error: destinationsError }, vault, ledger] = await Promise.all([loadDestinations(), vaultStatus(), readLedger()]);
  const { appClient, current, intake, settings } = overview;
  const cardDays = appClient.chargeMethodExpiresAt ? daysUntil(appClient.chargeMethodExpiresAt) : null;

  return (
    <div className="space-y-6">
      <RefreshWhileRotating active={overview.rotationInProgress} />
      <div>
        <h1 className="text-2xl font-semibold tracking-tight">App client</h1>
        <p className="mt-2 text-muted-foreground">The app&apos;s own Login with Amazon credentials. If the client secret expires, every tenant breaks at once: rotate it here, or let Latchkey rotate it {settings.rotationThresholdDays} days ahead.</p>
      </div>

      {overview.alerts.length > 0 && (
        <Alert variant="destructive">
          <CircleAlert aria-hidden />
          <AlertTitle>Recent alerts</AlertTitle>
          <AlertDescription>
            <ul className="mt-1 space-y-1">
              {overview.alerts.slice(0, 5).map((alert) => (
                <li key={alert.id}>
                  <span className="font-mono text-xs">{alert.kind}</span> · {formatDateTime(alert.raisedAt)}
                </li>
              ))}
            </ul>
          </AlertDescription>
        </Alert>
      )}

      <Card>
        <CardHeader className="flex-row items-center justify-between">
          <CardTitle className="text-base">{appClient.appName}</CardTitle>
          <Badge variant={appClient.status === "PUBLISHED" ? "success" : "secondary"}>{appClient.status === "PUBLISHED" ? "Published" : "Draft"}</Badge>
        </CardHeader>
        <CardContent className="space-y-4">
          <dl className="grid gap-3 text-sm sm:grid-cols-2">
            <Field label="Application id">
              <span className="font-mono">{appClient.applicationId}</span>
            </Field>
            <Field label="LWA client id">
              <span className="font-mono">{appClient.clientId}</span>
            </Field>
          </dl>
          <p className="text-sm text-muted-foreground">
            {appClient.status === "DRAFT" ? "Draft: consent links carry version=beta, as Amazon requires until the app is published." : "Published: consent links carry no version=beta."}
          </p>
          <AppStatusForm status={appClient.status} />
        </CardContent>
      </Card>

      <Card>
        <CardHeader>
          <CardTitle className="text-base">Client secret</CardTitle>
          <CardDescription>Write-only: Latchkey stores it encrypted and shows only a fingerprint (the first 12 hex characters of its SHA-256).</CardDescription>
        </CardHeader>
        <CardContent className="space-y-5">
          <dl className="grid gap-3 text-sm sm:grid-cols-3">
            <Field label="Current fingerprint">
              <span data-testid="current-fingerprint" className="font-mono">
                {current?.fingerprint ?? "—"}
              </span>
            </Field>
            <Field label="Expires">{formatDateTime(current?.expiresAt)}</Field>
            <Field label="Time left">
              <ExpiryCountdown expiresAt={current?.expiresAt?.toISOString() ?? null} warnDays={settings.rotationThresholdDays} renderedAt={overview.generatedAt.getTime()} />
            </Field>
          </dl>
          <Table containerClassName="rounded-lg">
              <TableHeader>
                <TableRow>
                  <TableHead>Version</TableHead>
                  <TableHead>State</TableHead>
                  <TableHead>Fingerprint</TableHead>
                  <TableHead>Source</TableHead>
                  <TableHead>Expires</TableHead>
                  <TableHead>Verified</TableHead>
                </TableRow>
              </TableHeader>
              <TableBody>
                {overview.secrets.map((secret) => (
                  <TableRow key={secret.id} data-testid="secret-version">
                    <TableCell>{secret.version}</TableCell>
                    <TableCell>
                      <Badge variant={STATE_VARIANT[secret.state]}>{secret.state.toLowerCase()}</Badge>
                    </TableCell>
                    <TableCell className="font-mono">{secret.fingerprint}</TableCell>
                    <TableCell>{secret.source === "NOTIFICATION" ? "Amazon notification" : "Pasted / environment"}</TableCell>
                    <TableCell>{formatDateTime(secret.expiresAt)}</TableCell>
                    <TableCell>{formatDateTime(secret.verifiedAt)}</TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          <p className="text-sm text-muted-foreground">
            After a rotation Amazon keeps the previous secret valid for 7 days. If Amazon refuses the current secret, Latchkey uses the previous one while it is still valid and raises an alert.
          </p>
          <RotateNowButton disabled={overview.rotationInProgress} />
          <div className="space-y-2 border-t pt-4">
            <h3 className="text-sm font-medium">Paste a secret by hand</h3>
            <p className="text-sm text-muted-foreground">For a secret generated in the Developer Console. It is checked with a client_credentials call before it becomes current; a secret Amazon refuses is not stored.</p>
            <ManualSecretForm />
          </div>
        </CardContent>
      </Card>

      <Card>
        <CardHeader>
          <CardTitle className="text-base">Rotations</CardTitle>
          <CardDescription>
            Requested → notification received → verified → current. A rotation with no notification after {settings.rotationTimeoutMinutes} minutes is marked overdue and alerted.
          </CardDescription>
        </CardHeader>
        <CardContent>
          <RotationTimeline rotations={overview.rotations} />
        </CardContent>
      </Card>

      <Card>
        <CardHeader>
          <CardTitle className="text-base">Notifications from Amazon</CardTitle>
          <CardDescription>
            Rotation only works when Amazon can deliver APPLICATION_OAUTH_CLIENT_NEW_SECRET to a queue Latchkey reads.
          </CardDescription>
        </CardHeader>
        <CardContent className="space-y-5 text-sm">
          <dl className="grid gap-3 sm:grid-cols-3">
            <Field label="SQS queue read by Latchkey">
              <span className="font-mono text-xs">{intake.sqsQueueUrl ?? "not configured (SQS_QUEUE_URL)"}</span>
            </Field>
            <Field label="Region">{intake.sqsRegion}</Field>
            <Field label="HTTPS ingest (relays)">{intake.httpsIngestEnabled ? "enabled: POST /api/notifications/amazon" : "off (NOTIFICATION_INGEST_SECRET unset)"}</Field>
          </dl>
          <Alert>
            <Info aria-hidden />
            <AlertTitle>One step only the Developer Console can do</AlertTitle>
            <AlertDescription>
              <ol className="mt-1 list-decimal space-y-1 pl-5">
                <li>
                  Give the queue a policy that lets Amazon&apos;s account <span className="font-mono">{AMAZON_NOTIFICATIONS_ACCOUNT}</span> call <span className="font-mono">sqs:SendMessage</span> and{" "}
                  <span className="font-mono">sqs:GetQueueAttributes</span> (add <span className="font-mono">kms:GenerateDataKey</span> and <span className="font-mono">kms:Decrypt</span> on the key if the queue is encrypted).
                </li>
                <li>
                  In Solution Provider Portal → Developer Console, open your app&apos;s <strong>Notification Preferences</strong> and enter the queue&apos;s ARN
                  {intake.sqsQueueArn ? (
                    <>
                      {" "}
                      (<span className="font-mono">{intake.sqsQueueArn}</span>)
                    </>
                  ) : null}
                  . There is no API for this step; until it is done, Amazon refuses rotations with 400 InvalidInput.
                </li>
              </ol>
              <pre className="mt-3 overflow-x-auto rounded-md bg-muted p-3 font-mono text-xs">{sqsQueuePolicy(intake.sqsQueueArn)}</pre>
            </AlertDescription>
          </Alert>
          <div className="space-y-2">
            <h3 className="font-medium">Destinations registered with Amazon</h3>
            <p className="text-muted-foreground">Destinations (Notifications API, grantless) are where Amazon may send your app&apos;s other notification subscriptions.</p>
            <DestinationsPanel destinations={destinations} loadError={destinationsError} suggestedArn={intake.sqsQueueArn} />
          </div>
          {overview.notifications.length > 0 && (
            <div className="space-y-2">
              <h3 className="font-medium">Last notifications received</h3>
              <ul className="space-y-1">
                {overview.notifications.map((notification) => (
                  <li key={notification.id} className="flex flex-wrap gap-x-3">
                    <span className="font-mono text-xs">{notification.notificationType}</span>
                    <span className="text-muted-foreground">
                      via {notification.receivedVia} · {formatDateTime(notification.receivedAt)} · {notification.outcome ?? "—"}
                    </span>
                  </li>
                ))}
              </ul>
            </div>
          )}
        </CardContent>
      </Card>

      <Card>
        <CardHeader>
          <CardTitle className="text-base">Developer account billing</CardTitle>
          <CardDescription>
            Entered by an admin from Solution Provider Portal. Reminders go out 60, 30 and 7 days before the card expires. This never blocks token issuance.
          </CardDescription>
        </CardHeader>
        <CardContent className="space-y-3">
          {cardDays !== null && cardDays <= 60 && (
            <p className={cardDays <= 7 ? "text-sm text-destructive" : "text-sm text-[oklch(0.45_0.12_75)]"}>
              The charge method {cardDays < 0 ? `expired on ${formatDate(appClient.chargeMethodExpiresAt)}` : `expires in ${cardDays} day${cardDays === 1 ? "" : "s"}`}.
            </p>
          )}
          <BillingForm billingStatus={appClient.billingStatus} chargeMethodExpiresAt={appClient.chargeMethodExpiresAt?.toISOString() ?? null} />
        </CardContent>
      </Card>

      <Card>
        <CardHeader>
          <CardTitle className="text-base">Roles ledger</CardTitle>
          <CardDescription>Every SP-API operation Latchkey or its workers call, and the role that justifies it. The app&apos;s registered roles must cover these. Changes are proposed and approved on the{" "}
            <Link href="/admin/ledger" className="underline underline-offset-4">
              Ledger
            </Link>{" "}
            page.
          </CardDescription>
        </CardHeader>
        <CardContent>
          <Table containerClassName="rounded-lg">
              <TableHeader>
                <TableRow>
                  <TableHead>Operation</TableHead>
                  <TableHead>Call</TableHead>
                  <TableHead>Roles (any one)</TableHead>
                  <TableHead>Partners</TableHead>
                </TableRow>
              </TableHeader>
              <TableBody>
                {ledger.entries.map((entry) => (
                  <TableRow key={entry.operation}>
                    <TableCell className="font-mono text-xs">{entry.operation}</TableCell>
                    <TableCell className="font-mono text-xs">
                      {entry.method} {entry.path}
                    </TableCell>
                    <TableCell>{entry.roles.map((role) => `${ROLES[role].name}${ROLES[role].restricted ? " (restricted)" : ""}`).join(", ")}</TableCell>
                    <TableCell>{entry.partnerKinds.map((kind) => (kind === "SELLER" ? "sellers" : "vendors")).join(", ")}</TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          {appClient.roles.length > 0 && <p className="mt-3 text-sm text-muted-foreground">Roles recorded for the app: {appClient.roles.join(", ")}.</p>}
        </CardContent>
      </Card>

      <Card>
        <CardHeader>
          <CardTitle className="text-base">Vault master key</CardTitle>
          <CardDescription>
            Secrets are sealed with data keys, which are wrapped by the master key. After adding a new active key to VAULT_MASTER_KEYS, re-wrap the data keys; an interrupted run resumes where it stopped.
          </CardDescription>
        </CardHeader>
        <CardContent className="space-y-4 text-sm">
          <dl className="grid gap-3 sm:grid-cols-3">
            <Field label="Active key">
              <span className="font-mono">{vault.activeKeyId}</span> ({vault.keySource})
            </Field>
            <Field label="Data keys">{vault.total}</Field>
            <Field label="Still under an older key">{vault.needsRewrap}</Field>
          </dl>
          {vault.byMasterKey.length > 0 && (
            <ul className="space-y-1">
              {vault.byMasterKey.map((group) => (
                <li key={group.masterKeyId}>
                  <span className="font-mono">{group.masterKeyId}</span>: {group.count} data key{group.count === 1 ? "" : "s"}
                  {group.active ? " (active)" : group.inKeyRing ? "" : " — missing from the key ring!"}
                </li>
              ))}
            </ul>
          )}
          <RewrapButton needsRewrap={vault.needsRewrap} />
        </CardContent>
      </Card>
    </div>
  );
}
