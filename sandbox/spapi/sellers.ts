import { findMarketplace, type Marketplace } from "../state/marketplaces";
import type { Account } from "../state/types";
import type { SpApiResult } from "./errors";
import { rolesForApi } from "./generic/role-mappings";
import { accountOf, type Operation, type OperationCall } from "./operation";

/** `MarketplaceParticipation` of sellers.json. */
function participation(account: Account, marketplace: Marketplace) {
  return {
    marketplace: {
      id: marketplace.id,
      name: marketplace.name,
      countryCode: marketplace.countryCode,
      defaultCurrencyCode: marketplace.defaultCurrencyCode,
      defaultLanguageCode: marketplace.defaultLanguageCode,
      domainName: marketplace.domainName,
    },
    storeName: account.storeName,
    participation: { isParticipating: true, hasSuspendedListings: false },
  };
}

function participations(account: Account) {
  return account.marketplaces.flatMap((id) => {
    const marketplace = findMarketplace(id);
    return marketplace ? [participation(account, marketplace)] : [];
  });
}

function sellerAccount(call: OperationCall): Account {
  const account = accountOf(call.caller);
  if (!account) throw new Error("seller operation reached without a selling partner");
  return account;
}

function getMarketplaceParticipations(call: OperationCall): SpApiResult {
  return { status: 200, body: { payload: participations(sellerAccount(call)) } };
}

/** `Account` of sellers.json, with a plausible business in the account's first marketplace country. */
function getAccount(call: OperationCall): SpApiResult {
  const account = sellerAccount(call);
  const home = findMarketplace(account.marketplaces[0] ?? "");
  const address = {
    addressLine1: "410 Terry Ave N",
    city: "Seattle",
    stateOrProvinceCode: "WA",
    postalCode: "98109",
    countryCode: home?.countryCode ?? "US",
  };
  return {
    status: 200,
    body: {
      payload: {
        businessType: "PRIVATE_LIMITED",
        sellingPlan: "PROFESSIONAL",
        marketplaceParticipationList: participations(account),
        business: { name: `${account.name} Ltd`, registeredBusinessAddress: address, companyRegistrationNumber: "SBX-000001" },
        primaryContact: { name: "Sandbox Contact", address },
      },
    },
  };
}

export const sellersOperations: Operation[] = [
  {
    operationId: "getMarketplaceParticipations",
    method: "GET",
    path: "/sellers/v1/marketplaceParticipations",
    usagePlan: { rate: 0.016, burst: 15, header: "0.016" },
    auth: { kind: "partner", accountType: "seller" },
    roles: rolesForApi("sellers"),
    handle: getMarketplaceParticipations,
  },
  {
    operationId: "getAccount",
    method: "GET",
    path: "/sellers/v1/account",
    usagePlan: { rate: 0.016, burst: 15, header: "0.016" },
    auth: { kind: "partner", accountType: "seller" },
    roles: rolesForApi("sellers"),
    handle: getAccount,
  },
];
