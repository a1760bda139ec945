export async function register(): Promise<void> {
  // eslint-disable-next-line no-restricted-properties -- Next's own runtime marker, not configuration
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { provideWorkflowDefinitions } = await import("./lib/workflows/in-process-runner");
  provideWorkflowDefinitions(async () => (await import("./inngest/functions")).workflowDefinitions());
  (await import("./lib/webhooks/lifecycle-events")).subscribeLifecycleWebhooks();
  const { bootCheck, startBackgroundWork } = await import("./lib/system/boot");
  bootCheck();
  await startBackgroundWork();
}
