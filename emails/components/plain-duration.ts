/** "15 minutes", "1 hour", "2 days": a duration in seconds, in the words a person would use. */
export function plainDuration(seconds: number): string {
  const minutes = Math.max(1, Math.round(seconds / 60));
  if (minutes < 60) return minutes === 1 ? "1 minute" : `${minutes} minutes`;
  const hours = Math.round(minutes / 60);
  if (minutes % 60 === 0 && hours < 48) return hours === 1 ? "1 hour" : `${hours} hours`;
  if (minutes < 48 * 60) return `${minutes} minutes`;
  const days = Math.round(hours / 24);
  return days === 1 ? "1 day" : `${days} days`;
}
