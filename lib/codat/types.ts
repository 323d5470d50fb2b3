/**
 * Our shapes for what we use from Codat. The rest of the app sees only these; Codat's own shapes stay
 * in lib/codat (see spec-types.ts) and are turned into these by reshape.ts.
 */

/** Sage 50 (UK & IE) in Codat. */
export const SAGE50_PLATFORM_KEY = "hbql";

export const CONNECTION_STATUSES = ["PendingAuth", "Linked", "Unlinked", "Deauthorized"] as const;
export type CodatConnectionStatus = (typeof CONNECTION_STATUSES)[number];

export const PUSH_STATUSES = ["Pending", "Failed", "Success", "TimedOut"] as const;
export type PushStatus = (typeof PUSH_STATUSES)[number];

export interface ValidationItem {
  itemId: string | null;
  message: string | null;
  validatorName: string | null;
}

export interface ValidationResult {
  errors: ValidationItem[];
  warnings: ValidationItem[];
}

interface CodatConnectionError {
  statusCode: string | null;
  statusText: string | null;
  message: string | null;
  occurredAt: string | null;
  /** "Active" or "Resolved" when Codat says so. */
  status: string | null;
}

export interface CodatConnection {
  id: string;
  status: CodatConnectionStatus;
  /** Where the connector installer is fetched; shown to the client. */
  linkUrl: string;
  platformName: string;
  integrationKey: string | null;
  sourceType: string;
  lastSync: string | null;
  created: string;
  errors: CodatConnectionError[];
}

export interface CodatCompanyRef {
  id: string;
  name: string;
  description?: string;
  created?: string;
  /** The company's Sage 50 connection, when it has one (the newest when it has several). */
  sage50Connection?: CodatConnection;
}

interface PushChange {
  /** Unknown, Created, Modified, Deleted or AttachmentUploaded. */
  type: string;
  recordId: string | null;
  dataType: string | null;
}

export interface PushOperation {
  /** Codat's pushOperationKey. */
  key: string;
  companyId: string;
  /** Codat's dataConnectionKey. */
  connectionId: string;
  dataType: string | null;
  status: PushStatus;
  statusCode: number;
  errorMessage: string | null;
  requestedAt: string;
  completedAt: string | null;
  timeoutInMinutes: number | null;
  validation: ValidationResult;
  changes: PushChange[];
}

export interface CompanyInfo {
  companyName: string | null;
  /** ISO 4217 code, e.g. "GBP"; null when Codat has not read it yet. */
  baseCurrency: string | null;
}

/** One page of a list, with Codat's paging facts. */
export interface CodatPage<T> {
  items: T[];
  pageNumber: number;
  pageSize: number;
  totalResults: number;
  hasNextPage: boolean;
}

export interface PageRequest {
  /** 1-based. */
  page: number;
  pageSize: number;
}

type PushOptionType = "Array" | "Object" | "String" | "Number" | "Boolean" | "DateTime" | "File" | "MultiPart";

/** One field of the supplier record as Sage 50 accepts it. `path` uses dots, e.g. "addresses.line1". */
export interface PushOptionField {
  path: string;
  displayName: string;
  description: string | null;
  type: PushOptionType;
  required: boolean;
  /** Allowed values when the field is a choice. */
  options: { value: string; displayName: string }[];
  /** The integration's rules, as plain text (e.g. maximum lengths). */
  warnings: string[];
  information: string[];
}

export interface SupplierPushOptions {
  /** Every field, keyed by path. */
  fields: Record<string, PushOptionField>;
  /** Rules about the record as a whole. */
  warnings: string[];
  information: string[];
}

/** Codat's address types (the Address schema's enum). */
export const CODAT_ADDRESS_TYPES = ["Unknown", "Billing", "Delivery"] as const;
export type CodatAddressType = (typeof CODAT_ADDRESS_TYPES)[number];

interface SupplierAddress {
  /** One of the types the connection's push options list; Unknown when left out. */
  type?: CodatAddressType;
  line1: string;
  line2?: string;
  city?: string;
  region?: string;
  country?: string;
  postalCode?: string;
}

/** The supplier we push as a test record. */
export interface NewSupplier {
  /** Sage 50 account reference: unique, no spaces, at most 8 characters, upper case. */
  id: string;
  supplierName: string;
  contactName?: string;
  emailAddress?: string;
  phone?: string;
  address?: SupplierAddress;
  /** ISO 4217; Sage 50 uses the base currency when left out. */
  defaultCurrency?: string;
}

/** A supplier Codat already has for the company (read back to find an earlier test supplier). */
export interface ExistingSupplier {
  id: string;
  supplierName: string | null;
}

export interface CreateSupplierOptions {
  /** Always set: an offline connector would otherwise leave the push Pending for ever. */
  timeoutInMinutes: number;
}
