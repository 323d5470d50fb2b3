/**
 * Test support: sample Codat bodies, typed by the generated spec types and checked against the specs
 * in lib/codat/*.test.ts. The simulator can use them as the reference for what Codat answers.
 */
import type { PayablesSchemas, PlatformSchemas } from "../spec-types";

export const IDS = {
  company: "3d7c7a9e-5f0b-4d52-9a57-7b1b2f0e8c11",
  connection: "b1c2d3e4-0a1b-4c5d-8e9f-0123456789ab",
  integration: "6f1b0a3c-8d4e-4f5a-9b6c-7d8e9f0a1b2c",
  source: "0c9d8e7f-6a5b-4c3d-8e2f-1a0b9c8d7e6f",
  push: "9e8d7c6b-5a49-4838-a727-161514131211",
} as const;

const T0 = "2026-03-02T09:15:00Z";
const T1 = "2026-03-02T09:16:30Z";

export function connectionBody(overrides: Partial<PlatformSchemas["Connection"]> = {}): PlatformSchemas["Connection"] {
  return {
    id: IDS.connection,
    integrationId: IDS.integration,
    integrationKey: "hbql",
    sourceId: IDS.source,
    sourceType: "Accounting",
    platformName: "Sage 50 (UK & Ireland)",
    linkUrl: `https://link-api.codat.io/companies/${IDS.company}/connections/${IDS.connection}/start`,
    status: "PendingAuth",
    lastSync: null,
    created: T0,
    dataConnectionErrors: [],
    ...overrides,
  };
}

export function companyBody(overrides: Partial<PlatformSchemas["Company"]> = {}): PlatformSchemas["Company"] {
  return {
    id: IDS.company,
    name: "Harbour Lane Joinery",
    description: "Test company",
    redirect: `https://link.codat.io/company/${IDS.company}`,
    lastSync: null,
    created: T0,
    createdByUserName: null,
    products: [],
    tags: {},
    referenceSubsidiaryCompanies: [],
    dataConnections: [],
    ...overrides,
  };
}

/** Codat's paged envelope: results plus pageNumber, pageSize, totalResults and HAL _links. */
export function pagedBody<T>(
  results: T[],
  opts: { path: string; page?: number; pageSize?: number; totalResults?: number },
): { results: T[] } & PlatformSchemas["PagingInfo"] {
  const page = opts.page ?? 1;
  const pageSize = opts.pageSize ?? 100;
  const totalResults = opts.totalResults ?? results.length;
  const href = (p: number) => `${opts.path}?page=${p}&pageSize=${pageSize}`;
  const links: PlatformSchemas["PagingInfo_links"] = { self: { href: opts.path }, current: { href: href(page) } };
  if (page * pageSize < totalResults) links.next = { href: href(page + 1) };
  if (page > 1) links.previous = { href: href(page - 1) };
  return { results, pageNumber: page, pageSize, totalResults, _links: links };
}

export function pushOperationBody(
  overrides: Partial<PlatformSchemas["PushOperation"]> = {},
): PlatformSchemas["PushOperation"] {
  return {
    pushOperationKey: IDS.push,
    companyId: IDS.company,
    dataConnectionKey: IDS.connection,
    dataType: "suppliers",
    requestedOnUtc: T0,
    // completedOnUtc is left out while Pending: the spec does not allow null there.
    status: "Pending",
    statusCode: 202,
    errorMessage: null,
    timeoutInMinutes: 15,
    validation: { errors: [], warnings: [] },
    changes: [],
    ...overrides,
  };
}

export function succeededPushBody(): PlatformSchemas["PushOperation"] {
  return pushOperationBody({
    status: "Success",
    statusCode: 200,
    completedOnUtc: T1,
    changes: [{ type: "Created", recordRef: { id: "TEST0001", dataType: "suppliers" }, attachmentId: null }],
  });
}

export function createSupplierResponseBody(
  overrides: Partial<PlatformSchemas["PushOperation"]> = {},
): PayablesSchemas["CreateSupplierResponse"] {
  return {
    ...pushOperationBody(overrides),
    data: { id: "TEST0001", supplierName: "Test supplier - delete me", status: "Active" },
  };
}

type OptionProperty = PayablesSchemas["PushOption_pushOptionProperty"];

function stringField(displayName: string, description: string, required: boolean, rule?: string): OptionProperty {
  const field: OptionProperty = { type: "String", displayName, description, required };
  if (rule) field.validation = { warnings: [{ field: displayName, details: rule }], information: [] };
  return field;
}

/** Push options in the shape Sage 50 reports them (wording is ours). */
export function supplierPushOptionsBody(): PayablesSchemas["PushOption"] {
  return {
    type: "Object",
    displayName: "Supplier",
    description: "Supplier record",
    required: true,
    properties: {
      id: stringField("Account reference", "Supplier account code", true, "Unique, no spaces, 8 characters at most; stored in upper case."),
      supplierName: stringField("Name", "Supplier name", true, "60 characters at most."),
      contactName: stringField("Contact", "Main contact", false, "30 characters at most."),
      emailAddress: stringField("Email", "Contact email", false),
      phone: stringField("Phone", "Contact phone number", false),
      defaultCurrency: stringField("Currency", "Defaults to the base currency", false),
      status: {
        type: "String",
        displayName: "Status",
        description: "Record status",
        required: true,
        options: [{ value: "Active", type: "String", displayName: "Active", required: false }],
      },
      addresses: {
        type: "Array",
        displayName: "Addresses",
        description: "Postal addresses",
        required: false,
        properties: {
          line1: stringField("Line 1", "First address line", true),
          line2: stringField("Line 2", "Second address line", false),
          city: stringField("City", "Town or city", false),
          postalCode: stringField("Postcode", "Postal code", false),
        },
        validation: { warnings: [{ field: "addresses", details: "One address at most." }], information: [] },
      },
    },
    validation: { warnings: [], information: [{ details: "New records show in Sage 50 once its supplier list is refreshed." }] },
  };
}

export function companyInfoBody(overrides: Partial<PayablesSchemas["CompanyInfo"]> = {}): PayablesSchemas["CompanyInfo"] {
  return {
    companyName: "Harbour Lane Joinery Ltd",
    baseCurrency: "GBP",
    accountingPlatformRef: null,
    addresses: [],
    phoneNumbers: [],
    webLinks: [],
    sourceUrls: {},
    ...overrides,
  };
}

export function errorBody(overrides: Partial<PlatformSchemas["ErrorMessage"]> = {}): PlatformSchemas["ErrorMessage"] {
  return {
    statusCode: 400,
    service: "PublicApi",
    error: "The request was not valid.",
    correlationId: "c0ffee00c0ffee00c0ffee00c0ffee00",
    canBeRetried: "False",
    detailedErrorCode: 0,
    validation: null,
    ...overrides,
  };
}

export function connectionWebhookBody(
  eventType: "connection.connected" | "connection.disconnected" | "connection.failed",
  connection: Partial<PlatformSchemas["Connection"]> = {},
): PlatformSchemas["ConnectionWebhook"] {
  return {
    id: "5b1f8e2a-3c4d-4e5f-8a9b-0c1d2e3f4a5b",
    eventType,
    generatedDate: T1,
    payload: {
      referenceCompany: { id: IDS.company, name: "Harbour Lane Joinery" },
      connection: connectionBody(connection),
    },
  };
}

export function supplierWriteWebhookBody(
  eventType: "suppliers.write.successful" | "suppliers.write.unsuccessful",
  status: "Success" | "Failed" | "TimedOut",
): PlatformSchemas["DataTypeWriteWebhook"] {
  return {
    id: "7c2e9f3b-4d5e-4f6a-9b0c-1d2e3f4a5b6c",
    eventType,
    generatedDate: T1,
    payload: {
      id: IDS.push,
      type: "Create",
      referenceCompany: { id: IDS.company, name: "Harbour Lane Joinery" },
      connectionId: IDS.connection,
      requestedOnDate: T0,
      completedOnDate: T1,
      status,
      record: status === "Success" ? { id: "TEST0001" } : null,
    },
  };
}
