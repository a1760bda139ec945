export async function register(): Promise<void> {
  // eslint-disable-next-line no-restricted-properties -- Next's own runtime marker, not configuration
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { bootCheck, startBackgroundWork } = await import("./lib/system/boot");
  bootCheck();
  await startBackgroundWork();
}
