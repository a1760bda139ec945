import { z } from "zod";
import { DAY_MS } from "../clock";
import { invalidInput, type SpApiResult } from "./errors";
import { rolesForApi } from "./generic/role-mappings";
import { accountOf, type Operation, type OperationCall } from "./operation";
import { generatePurchaseOrders, type GeneratedPurchaseOrder } from "./purchase-order-data";

/** ISO-8601 date-time; a value without a zone is read as UTC. */
const dateTime = z
  .string()
  .refine((value) => z.iso.datetime({ offset: true, local: true }).safeParse(value).success, "must be an ISO-8601 date-time")
  .transform((value) => Date.parse(/(Z|[+-]\d{2}:?\d{2})$/i.test(value) ? value : `${value}Z`));
const booleanString = z.enum(["true", "false"]).transform((value) => value === "true");

/** The query parameters of getPurchaseOrders, typed as vendorOrders.json declares them. */
const querySchema = z.object({
  limit: z
    .string()
    .regex(/^\d+$/, "must be an integer")
    .transform(Number)
    .pipe(z.number().int().min(1).max(100))
    .optional(),
  createdAfter: dateTime.optional(),
  createdBefore: dateTime.optional(),
  changedAfter: dateTime.optional(),
  changedBefore: dateTime.optional(),
  sortOrder: z.enum(["ASC", "DESC"]).optional(),
  nextToken: z.string().min(1).optional(),
  includeDetails: booleanString.optional(),
  poItemState: z.enum(["Cancelled"]).optional(),
  isPOChanged: booleanString.optional(),
  purchaseOrderState: z.enum(["New", "Acknowledged", "Closed"]).optional(),
  orderingVendorCode: z.string().min(1).optional(),
});
export type PurchaseOrdersQuery = z.output<typeof querySchema>;

const MAX_RANGE_MS = 7 * DAY_MS;

function firstValues(query: URLSearchParams): Record<string, string> {
  const values: Record<string, string> = {};
  for (const [key, value] of query) if (!(key in values)) values[key] = value;
  return values;
}

function rangeProblem(name: string, after: number | undefined, before: number | undefined): string | undefined {
  if (after === undefined || before === undefined) return undefined;
  if (before <= after) return `${name}Before must be later than ${name}After`;
  if (before - after > MAX_RANGE_MS) return `The ${name} date range must not exceed 7 days`;
  return undefined;
}

/**
 * Validates getPurchaseOrders' query. The model requires no parameter, but says the time frame is
 * defined by createdAfter/changedAfter and "must not exceed 7 days" (checked when both ends are given).
 * unconfirmed: requiring createdAfter or changedAfter (configurable: requirePurchaseOrderTimeFrame).
 */
export function parsePurchaseOrdersQuery(query: URLSearchParams, requireTimeFrame: boolean): { ok: true; value: PurchaseOrdersQuery } | { ok: false; message: string } {
  const parsed = querySchema.safeParse(firstValues(query));
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return { ok: false, message: `Invalid ${String(issue?.path[0] ?? "query")}: ${issue?.message ?? "invalid value"}` };
  }
  const value = parsed.data;
  if (requireTimeFrame && value.createdAfter === undefined && value.changedAfter === undefined) {
    return { ok: false, message: "Either createdAfter or changedAfter must be specified" };
  }
  const problem = rangeProblem("created", value.createdAfter, value.createdBefore) ?? rangeProblem("changed", value.changedAfter, value.changedBefore);
  return problem ? { ok: false, message: problem } : { ok: true, value };
}

function matches(order: GeneratedPurchaseOrder, query: PurchaseOrdersQuery): boolean {
  if (query.createdAfter !== undefined && order.createdAt <= query.createdAfter) return false;
  if (query.createdBefore !== undefined && order.createdAt >= query.createdBefore) return false;
  if (query.changedAfter !== undefined && order.changedAt <= query.changedAfter) return false;
  if (query.changedBefore !== undefined && order.changedAt >= query.changedBefore) return false;
  if (query.purchaseOrderState && order.order.purchaseOrderState !== query.purchaseOrderState) return false;
  if (query.orderingVendorCode && order.order.orderDetails.sellingParty.partyId !== query.orderingVendorCode) return false;
  if (query.poItemState === "Cancelled" && !order.hasCancelledItem) return false;
  if (query.isPOChanged === true && order.changedAt === order.createdAt) return false;
  return true;
}

function decodeNextToken(token: string): number | undefined {
  const offset = Number(Buffer.from(token, "base64").toString("utf8"));
  return Number.isInteger(offset) && offset > 0 ? offset : undefined;
}

function getPurchaseOrders(call: OperationCall): SpApiResult {
  const account = accountOf(call.caller);
  if (!account) throw new Error("vendor operation reached without a selling partner");
  const parsed = parsePurchaseOrdersQuery(call.query, call.ctx.store.data.config.requirePurchaseOrderTimeFrame);
  if (!parsed.ok) return invalidInput(parsed.message);
  const query = parsed.value;
  const offset = query.nextToken === undefined ? 0 : decodeNextToken(query.nextToken);
  if (offset === undefined) return invalidInput("Invalid nextToken");

  const direction = query.sortOrder === "DESC" ? -1 : 1;
  const found = generatePurchaseOrders(account, call.ctx.store.clock.now())
    .filter((order) => matches(order, query))
    .sort((a, b) => direction * (a.createdAt - b.createdAt));
  const limit = query.limit ?? 100;
  const page = found.slice(offset, offset + limit);
  const next = offset + limit < found.length ? Buffer.from(String(offset + limit)).toString("base64") : undefined;
  const orders = page.map(({ order }) => (query.includeDetails === false ? { purchaseOrderNumber: order.purchaseOrderNumber, purchaseOrderState: order.purchaseOrderState } : order));
  return { status: 200, body: { payload: { ...(next ? { pagination: { nextToken: next } } : {}), orders } } };
}

export const vendorOrdersOperations: Operation[] = [
  {
    operationId: "getPurchaseOrders",
    method: "GET",
    path: "/vendor/orders/v1/purchaseOrders",
    usagePlan: { rate: 10, burst: 10, header: "10" },
    auth: { kind: "partner", accountType: "vendor" },
    roles: rolesForApi("vendorOrders"),
    handle: getPurchaseOrders,
  },
];
