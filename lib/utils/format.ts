const dateFormat = new Intl.DateTimeFormat("en-US", { year: "numeric", month: "short", day: "numeric", timeZone: "UTC" });
const dateTimeFormat = new Intl.DateTimeFormat("en-US", { year: "numeric", month: "short", day: "numeric", hour: "2-digit", minute: "2-digit", timeZone: "UTC", timeZoneName: "short" });

export function formatDate(value: Date | null | undefined): string {
  return value ? dateFormat.format(value) : "—";
}

export function formatDateTime(value: Date | null | undefined): string {
  return value ? dateTimeFormat.format(value) : "—";
}

/** Whole days from `now` to `value` (negative when past). */
export function daysUntil(value: Date, now = new Date()): number {
  return Math.ceil((value.getTime() - now.getTime()) / 86_400_000);
}

export function describeDaysUntil(value: Date, now = new Date()): string {
  const days = daysUntil(value, now);
  if (days > 1) return `in ${days} days`;
  if (days === 1) return "tomorrow";
  if (days === 0) return "today";
  return `${-days} day${days === -1 ? "" : "s"} ago`;
}
