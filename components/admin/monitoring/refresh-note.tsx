import { formatDateTime } from "@/lib/utils/format";

const timeFormat = new Intl.DateTimeFormat("en-US", { hour: "2-digit", minute: "2-digit", second: "2-digit", hour12: false, timeZone: "UTC" });

/** "Updated 08:41:10 UTC; refreshes every 30 seconds", or why the last refresh failed. */
export function RefreshNote({ generatedAt, error }: { generatedAt: string; error: string | null }) {
  const at = new Date(generatedAt);
  return (
    <p className="text-xs text-muted-foreground" data-testid="refresh-note">
      {error ? (
        <span className="text-destructive">
          Could not refresh: {error}. Showing data from {formatDateTime(at)}.
        </span>
      ) : (
        <>Updated {timeFormat.format(at)} UTC; refreshes every 30 seconds.</>
      )}
    </p>
  );
}
