import { ArrowRight, CheckCircle2, CircleAlert, FlaskConical, KeyRound, LayoutDashboard, ShieldCheck } from "lucide-react";
import Link from "next/link";
import { SiteHeader } from "@/components/brand/site-header";
import { Button } from "@/components/ui/button";
import { Badge } from "@/components/ui/badge";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { readServerEnv } from "@/lib/env";
import { getSystemStatus } from "@/lib/system/status";

export const dynamic = "force-dynamic";

const audiences = [
  {
    icon: ShieldCheck,
    title: "Sellers and vendors",
    text: "Connect your Seller Central or Vendor Central account through Amazon's own consent page, see exactly what access you grant, and disconnect whenever you want.",
  },
  {
    icon: LayoutDashboard,
    title: "Admins",
    text: "Every connected account's health at a glance: renewals, failing refreshes, revocations, and the app's client secret before it expires.",
  },
  {
    icon: KeyRound,
    title: "Internal services",
    text: "Ask one API for a fresh access token or Restricted Data Token. No refresh token ever leaves Latchkey, and every one is encrypted at rest.",
  },
];

export default async function HomePage() {
  const [status, env] = [await getSystemStatus(), readServerEnv()];
  return (
    <>
      <SiteHeader>
        <Link href="/sign-in" className="rounded-md px-3 py-1.5 font-medium hover:bg-accent">
          Sign in
        </Link>
      </SiteHeader>
      <main className="mx-auto max-w-5xl px-4 py-12 sm:px-6 sm:py-16">
        <section className="max-w-2xl">
          <h1 className="text-3xl font-semibold tracking-tight sm:text-4xl">Amazon account connections, kept safe and kept working</h1>
          <p className="mt-4 text-lg text-muted-foreground">
            Latchkey manages the whole authorization lifecycle of a Selling Partner API application: onboarding, token
            refresh, renewal reminders, revocation, and client-secret rotation.
          </p>
          <div className="mt-6 flex flex-wrap gap-3">
            <Button asChild size="lg">
              <Link href="/connect">
                Connect your Amazon account <ArrowRight aria-hidden />
              </Link>
            </Button>
            <Button asChild size="lg" variant="outline">
              <Link href="/admin">Admin dashboard</Link>
            </Button>
          </div>
        </section>

        <section className="mt-10 grid gap-4 sm:grid-cols-3">
          {audiences.map(({ icon: Icon, title, text }) => (
            <Card key={title}>
              <CardHeader>
                <Icon className="size-5 text-primary" aria-hidden />
                <CardTitle className="text-base">{title}</CardTitle>
                <CardDescription>{text}</CardDescription>
              </CardHeader>
            </Card>
          ))}
        </section>

        <Card className="mt-10" aria-labelledby="system-status">
          <CardHeader>
            <CardTitle id="system-status" className="flex items-center gap-2 text-base">
              {status.ok ? <CheckCircle2 className="size-5 text-success" aria-hidden /> : <CircleAlert className="size-5 text-destructive" aria-hidden />}
              System status
            </CardTitle>
          </CardHeader>
          <CardContent>
            <dl className="grid gap-3 text-sm sm:grid-cols-3">
              <div>
                <dt className="text-muted-foreground">Database</dt>
                <dd className="mt-1 font-medium">
                  {status.database.kind === "pglite" ? "Embedded PostgreSQL (PGlite)" : "PostgreSQL"}{" "}
                  <Badge variant={status.database.reachable ? "success" : "destructive"}>{status.database.reachable ? "reachable" : "unreachable"}</Badge>
                </dd>
              </div>
              <div>
                <dt className="text-muted-foreground">Amazon endpoints</dt>
                <dd className="mt-1 font-medium">
                  {status.amazon.endpoints === "sandbox" ? (
                    <span className="inline-flex items-center gap-1">
                      <FlaskConical className="size-4 text-warning" aria-hidden /> Sandbox
                    </span>
                  ) : (
                    "Amazon (production)"
                  )}
                </dd>
              </div>
              <div>
                <dt className="text-muted-foreground">App client</dt>
                <dd className="mt-1 font-medium">
                  <Badge variant={status.appClientConfigured ? "success" : "warning"}>{status.appClientConfigured ? "configured" : "not configured"}</Badge>
                </dd>
              </div>
            </dl>
            {status.amazon.endpoints === "sandbox" && (
              <p className="mt-4 text-sm text-muted-foreground">
                This instance talks to the Amazon sandbox at{" "}
                <a className="font-medium text-primary underline-offset-4 hover:underline" href={env.SANDBOX_URL}>
                  {env.SANDBOX_URL}
                </a>
                , which lists its test seller and vendor accounts.
              </p>
            )}
          </CardContent>
        </Card>
      </main>
    </>
  );
}
