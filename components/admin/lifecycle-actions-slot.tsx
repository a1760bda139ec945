/** Where the lifecycle actions (pause, lift the pause, revoke, send a reminder) are mounted on the authorization page. */
export function LifecycleActionsSlot({ authorizationId, status }: { authorizationId: string; status: string }) {
  return (
    <p className="text-sm text-muted-foreground" data-authorization-id={authorizationId} data-status={status} data-testid="lifecycle-actions-slot">
      Pause, lift a pause, revoke and reminders appear here.
    </p>
  );
}
