// A small cron matcher for the in-process schedule: five fields (minute hour day-of-month month
// day-of-week) with `*`, `*/n`, `a-b`, numbers and comma lists, evaluated in UTC ("TZ=UTC " prefix allowed).
// Enough for Latchkey's own schedules; on Inngest the same expressions are evaluated by Inngest.

const RANGES: [number, number][] = [
  [0, 59],
  [0, 23],
  [1, 31],
  [1, 12],
  [0, 6],
];

function fieldMatches(field: string, value: number, [min, max]: [number, number]): boolean {
  return field.split(",").some((part) => {
    const [range = "*", stepText] = part.split("/");
    const step = stepText === undefined ? 1 : Number(stepText);
    if (!Number.isInteger(step) || step < 1) throw new Error(`invalid cron step "${part}"`);
    let lo = min;
    let hi = max;
    if (range !== "*") {
      const [a, b] = range.split("-").map(Number);
      if (a === undefined || !Number.isInteger(a)) throw new Error(`invalid cron field "${part}"`);
      lo = a;
      hi = b === undefined ? (stepText === undefined ? a : max) : b;
    }
    return value >= lo && value <= hi && (value - lo) % step === 0;
  });
}

/** Whether a cron expression fires in the UTC minute of `at`. */
export function cronMatches(expression: string, at: Date): boolean {
  const fields = expression.replace(/^TZ=\S+\s+/, "").trim().split(/\s+/);
  if (fields.length !== 5) throw new Error(`cron expression "${expression}" must have five fields`);
  const values = [at.getUTCMinutes(), at.getUTCHours(), at.getUTCDate(), at.getUTCMonth() + 1, at.getUTCDay()];
  return fields.every((field, index) => fieldMatches(field, values[index]!, RANGES[index]!));
}
