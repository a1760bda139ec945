// Counts SQL statements sent by this process: every `pg` client query (Prisma's adapter and the bench's
// own pool both go through Client.prototype.query). Install before anything opens a connection.
import pg from "pg";

let statements = 0;
let installed = false;

export function installStatementCounter(): void {
  if (installed) return;
  installed = true;
  const original = pg.Client.prototype.query;
  pg.Client.prototype.query = function countedQuery(this: pg.Client, ...args: unknown[]) {
    statements += 1;
    return (original as (...a: unknown[]) => unknown).apply(this, args);
  } as typeof original;
}

export function statementCount(): number {
  return statements;
}
