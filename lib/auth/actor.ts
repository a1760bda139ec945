/**
 * Who asked for a change, as every lib function that records one in the audit log takes it: the signed-in
 * user, and the request it came in on (so the entry can be joined to the logs).
 */
export interface Actor {
  userId: string;
  requestId?: string;
}
