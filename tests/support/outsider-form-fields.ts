// Every field any server action reads, filled with the victim's real ids, so that an action missing its
// check would change something of the victim's. Shared by the outsider tables (integration and e2e).
export function outsiderFormFields(victim: { authorizationId: string; tenantId: string; apiKeyId: string }): Record<string, string> {
  return {
    authorizationId: victim.authorizationId,
    authorizationIds: victim.authorizationId,
    tenantId: victim.tenantId,
    apiKeyId: victim.apiKeyId,
    id: victim.authorizationId,
    operation: "refresh",
    decision: "keep",
    name: "outsider-key",
    scopes: "gateway",
    region: "NA",
    status: "DRAFT",
    url: "https://example.test/hook",
    secret: "outsider-secret-0123456789",
    clientSecret: "amzn1.oa2-cs.v1.outsider",
    destinationId: "outsider",
    enabled: "false",
    renewalReminders: "false",
    inactivityReminders: "false",
    // The roles ledger's proposal (a removal: the least any proposal needs).
    kind: "REMOVE",
    api: "sellers",
    operationId: "getAccount",
    note: "outsider removal",
  };
}
