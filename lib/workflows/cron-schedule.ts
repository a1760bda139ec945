// Cron expressions for the in-process schedule, evaluated by croner (a maintained parser, no dependencies):
// the five-field expressions Inngest accepts, with an optional "TZ=<zone> " prefix (UTC otherwise). On
// Inngest the same expressions are evaluated by Inngest.
import { Cron } from "croner";

function parse(expression: string): Cron {
  const zone = /^TZ=(\S+)\s+/.exec(expression);
  const pattern = expression.replace(/^TZ=\S+\s+/, "").trim();
  if (pattern.split(/\s+/).length !== 5) throw new Error(`cron expression "${expression}" must have five fields`);
  // Not started: no function is given, so croner only parses and computes dates.
  return new Cron(pattern, { timezone: zone?.[1] ?? "UTC", paused: true });
}

function minuteOf(at: Date): Date {
  const minute = new Date(at);
  minute.setUTCSeconds(0, 0);
  return minute;
}

/** Whether a cron expression fires in the minute of `at`. */
export function cronMatches(expression: string, at: Date): boolean {
  return parse(expression).match(minuteOf(at));
}

/** The latest time at or before `at` when the expression fired (null if it never did in the last year). */
export function lastOccurrence(expression: string, at: Date): Date | null {
  const minute = minuteOf(at);
  const cron = parse(expression);
  if (cron.match(minute)) return minute;
  const [previous] = cron.previousRuns(1, minute);
  return previous && at.getTime() - previous.getTime() <= 366 * 86_400_000 ? previous : null;
}
