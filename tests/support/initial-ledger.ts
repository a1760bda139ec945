// The initial roles ledger exactly as a fresh install gets it: the INSERT of its migration. The integration
// tests' reset runs that statement again (the reset empties every table), and unit tests build their ledger
// from its rows, so neither keeps a copy of the entries that could drift from what ships.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import type { LedgerRow } from "@/lib/ledger/ledger";
import type { PartnerKind } from "@/lib/roles/roles";

const MIGRATIONS = path.resolve(import.meta.dirname, "../../prisma/migrations");

/** The one INSERT statement of the `*_roles_ledger_initial_entries` migration. */
export function initialLedgerSql(): string {
  const folder = readdirSync(MIGRATIONS).find((name) => name.endsWith("_roles_ledger_initial_entries"));
  if (!folder) throw new Error("no *_roles_ledger_initial_entries migration");
  const sql = readFileSync(path.join(MIGRATIONS, folder, "migration.sql"), "utf8")
    .split("\n")
    .filter((line) => !line.startsWith("--"))
    .join("\n")
    .trim();
  const outsideQuotes = sql.replace(/'(?:[^']|'')*'/g, "''");
  if (!/^INSERT INTO "LedgerEntry"/.test(sql) || outsideQuotes.indexOf(";") !== outsideQuotes.length - 1) throw new Error("the initial ledger migration must be one INSERT statement");
  return sql;
}

const literal = (value: string) => value.slice(1, -1).replace(/''/g, "'");
const array = (value: string) => [...value.matchAll(/'((?:[^']|'')*)'/g)].map((m) => m[1]!.replace(/''/g, "'"));

/** The initial entries as rows, in the migration's order. */
export function initialLedgerRows(): LedgerRow[] {
  const row = /\(('(?:[^']|'')*'),\s*('(?:[^']|'')*'),\s*('(?:[^']|'')*'),\s*(ARRAY\[[^\]]*\]),\s*(ARRAY\[[^\]]*\])::"PartnerKind"\[\],\s*('(?:[^']|'')*')/g;
  return [...initialLedgerSql().matchAll(row)].map((m) => ({
    id: literal(m[1]!),
    api: literal(m[2]!),
    operationId: literal(m[3]!),
    roles: array(m[4]!),
    partnerKinds: array(m[5]!) as PartnerKind[],
    reason: literal(m[6]!),
  }));
}
