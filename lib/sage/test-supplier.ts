import { cutToLength } from "./cut-to-length";

/**
 * The supplier we push to prove that writing to Sage 50 works, and Sage 50's supplier rules
 * (from the connector's push options) that the simulator also applies to every pushed supplier.
 */
const SAGE50_SUPPLIER_RULES = {
  idMaxLength: 8,
  supplierNameMaxLength: 60,
  contactNameMaxLength: 30,
  maxAddresses: 1,
} as const;

/** Every test supplier's id starts with this, so support can spot them in Sage 50. */
const TEST_SUPPLIER_ID_PREFIX = "TST";
const TEST_SUPPLIER_NAME_SUFFIX = " connection test - safe to delete";
const TEST_SUPPLIER_CONTACT_NAME = "Connection test";
const TEST_SUPPLIER_ADDRESS_LINE1 = "Connection test record";
const FALLBACK_INTEGRATOR_NAME = "Codat";
/** The id we build: the prefix and 5 characters from the attempt. */
const TEST_SUPPLIER_ID_LENGTH = 8;

export const SUPPLIER_VALIDATOR_NAME = "Sage50Supplier";

/**
 * One field of a connection's supplier push options, as the adapter reads them (Codat's `PushOption`
 * flattened, keyed by path such as "addresses.type"). Written here as a shape so lib/sage stays pure.
 */
export type SupplierPushOptionField = {
  required: boolean;
  /** The values the field accepts when it is a choice. */
  options: readonly { value: string }[];
  warnings: readonly string[];
  information: readonly string[];
};

export type SupplierPushOptionsInput = {
  fields: Readonly<Record<string, SupplierPushOptionField>>;
  warnings: readonly string[];
  information: readonly string[];
};

/** What the test supplier is built to: read from the connection's push options, or documented defaults. */
export type TestSupplierRules = {
  source: "push_options" | "documented";
  idMaxLength: number;
  /** Sage 50 keeps account references in upper case (Codat converts them); we send them so. */
  idUpperCase: boolean;
  supplierNameMaxLength: number;
  contactNameMaxLength: number;
  /** Whether the options have a contact name field (documented: yes). */
  sendContactName: boolean;
  /** Whether the options have addresses (documented: yes, one). */
  sendAddress: boolean;
  /** The address type sent: one the options list; null when they list none (Codat's default applies). */
  addressType: string | null;
  /** Required fields the test supplier does not fill (for the log: the push will likely be refused). */
  unfilledRequired: string[];
};

/**
 * Sage 50's documented supplier rules, used when the push options cannot be read: ids of at most 8
 * characters in upper case, names of 60, contact names of 30, one address of type Unknown (the only
 * type Sage 50's options list).
 */
export const DOCUMENTED_TEST_SUPPLIER_RULES: TestSupplierRules = {
  source: "documented",
  idMaxLength: SAGE50_SUPPLIER_RULES.idMaxLength,
  idUpperCase: true,
  supplierNameMaxLength: SAGE50_SUPPLIER_RULES.supplierNameMaxLength,
  contactNameMaxLength: SAGE50_SUPPLIER_RULES.contactNameMaxLength,
  sendContactName: true,
  sendAddress: true,
  addressType: "Unknown",
  unfilledRequired: [],
};

/** Fields the test supplier fills (paths as in the push options). */
const FILLED_FIELDS = new Set(["id", "supplierName", "contactName", "status", "addresses", "addresses.line1", "addresses.type"]);
/** Address types in order of preference, when the options list more than one. */
const PREFERRED_ADDRESS_TYPES = ["Billing", "Unknown"];

/**
 * The test supplier's rules from a connection's supplier push options. The options state limits as
 * text (warnings and information such as "a maximum of 8 characters"), so each limit is read from
 * its field's notes; a field whose notes give none keeps the documented limit, and a limit is never
 * raised above it (the test record stays short whatever the options allow).
 */
export function testSupplierRulesFromOptions(options: SupplierPushOptionsInput): TestSupplierRules {
  const field = (path: string) => options.fields[path];
  const notes = (path: string) => {
    const f = field(path);
    return f ? [...f.warnings, ...f.information] : [];
  };
  const limit = (path: string, documented: number) => Math.min(documented, maxLengthIn(notes(path)) ?? documented);

  const listedTypes = (field("addresses.type")?.options ?? []).map((o) => o.value);
  const addressType = PREFERRED_ADDRESS_TYPES.find((t) => listedTypes.includes(t)) ?? listedTypes[0] ?? null;
  const unfilledRequired = Object.entries(options.fields)
    .filter(([path, f]) => f.required && !FILLED_FIELDS.has(path) && (!path.startsWith("addresses.") || field("addresses") !== undefined))
    .map(([path]) => path)
    .sort();

  return {
    source: "push_options",
    idMaxLength: limit("id", DOCUMENTED_TEST_SUPPLIER_RULES.idMaxLength),
    idUpperCase: notes("id").some((n) => /upper\s*-?\s*case/i.test(n)) || DOCUMENTED_TEST_SUPPLIER_RULES.idUpperCase,
    supplierNameMaxLength: limit("supplierName", DOCUMENTED_TEST_SUPPLIER_RULES.supplierNameMaxLength),
    contactNameMaxLength: limit("contactName", DOCUMENTED_TEST_SUPPLIER_RULES.contactNameMaxLength),
    sendContactName: field("contactName") !== undefined,
    sendAddress: field("addresses") !== undefined,
    addressType,
    unfilledRequired,
  };
}

/** "a maximum of 8 characters", "at most 60 characters", "up to 30 characters" → the number. */
function maxLengthIn(notes: readonly string[]): number | null {
  for (const note of notes) {
    const m = /(?:maximum(?:\s+length)?(?:\s+of)?|at\s+most|up\s+to|no\s+more\s+than)\s+(\d+)\s+char/i.exec(note);
    if (m) return Number(m[1]);
  }
  return null;
}

type TestSupplierAddress = { type?: string; line1: string };

export type TestSupplier = {
  id: string;
  supplierName: string;
  /** Left out when the push options have no contact name. */
  contactName?: string;
  status: "Active";
  addresses: TestSupplierAddress[];
};

export type BuildTestSupplierInput = {
  integratorName: string;
  /** When this attempt started (a Date or epoch milliseconds). */
  attempt: Date | number;
  /** Any random string for this attempt (e.g. a UUID); it is hashed, so its format does not matter. */
  randomSuffix: string;
  /** From the connection's push options (`testSupplierRulesFromOptions`); the documented ones otherwise. */
  rules?: TestSupplierRules;
};

/**
 * The test supplier for one attempt: id "TST" + 3 base-36 characters from the attempt's second
 * (they repeat every ~13 hours) + 2 from the random suffix, so two attempts clash only if they fall
 * on the same second of that cycle and draw the same 1-in-1,296 random part. Built to the rules:
 * an id limit below 8 keeps the id's last characters (the varying ones).
 */
export function buildTestSupplier(input: BuildTestSupplierInput): TestSupplier {
  const rules = input.rules ?? DOCUMENTED_TEST_SUPPLIER_RULES;
  const ms = typeof input.attempt === "number" ? input.attempt : input.attempt.getTime();
  const seconds = Math.floor(ms / 1000);
  const timePart = toBase36(mod(seconds, 36 ** 3), 3);
  const randomPart = toBase36(mod(hashString(input.randomSuffix), 36 ** 2), 2);
  const fullId = `${TEST_SUPPLIER_ID_PREFIX}${timePart}${randomPart}`;
  const idLength = Math.max(1, Math.min(TEST_SUPPLIER_ID_LENGTH, rules.idMaxLength));
  const id = fullId.slice(fullId.length - idLength);

  const address: TestSupplierAddress = { line1: TEST_SUPPLIER_ADDRESS_LINE1 };
  if (rules.addressType !== null) address.type = rules.addressType;
  const supplier: TestSupplier = {
    id: rules.idUpperCase ? id.toUpperCase() : id,
    supplierName: testSupplierName(input.integratorName, rules.supplierNameMaxLength),
    status: "Active",
    addresses: rules.sendAddress ? [address] : [],
  };
  if (rules.sendContactName) supplier.contactName = cutToLength(TEST_SUPPLIER_CONTACT_NAME, rules.contactNameMaxLength);
  return supplier;
}

/** "<integrator> connection test - safe to delete", with the integrator's name cut to fit (60 characters by default). */
export function testSupplierName(integratorName: string, maxLength: number = SAGE50_SUPPLIER_RULES.supplierNameMaxLength): string {
  const room = Math.max(0, maxLength - TEST_SUPPLIER_NAME_SUFFIX.length);
  const cleaned = integratorName.replace(/\p{Cc}/gu, " ").replace(/\s+/g, " ").trim();
  const name = cutToLength(cleaned, room) || FALLBACK_INTEGRATOR_NAME;
  return cutToLength(`${name}${TEST_SUPPLIER_NAME_SUFFIX}`, maxLength);
}

function toBase36(value: number, width: number): string {
  return value.toString(36).toUpperCase().padStart(width, "0");
}

function mod(value: number, divisor: number): number {
  return ((value % divisor) + divisor) % divisor;
}

/** FNV-1a, 32 bits: spreads any random string evenly over the small id space. */
function hashString(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash;
}

/** One broken rule, shaped like an item of a Codat push operation's `validation.errors`. */
export type SupplierRuleViolation = {
  itemId: string;
  /** Which rule, e.g. "id.maxLength"; stable, for tests and logs. */
  ruleId: string;
  message: string;
  validatorName: string;
};

export type SupplierRuleOptions = {
  /** Ids of suppliers already in the company; compared without regard to case. */
  existingSupplierIds?: readonly string[];
};

/**
 * Sage 50's supplier rules applied to a supplier body as pushed (any JSON value):
 * id required, unique, at most 8 characters, no spaces, upper case; supplierName required, at most 60;
 * contactName at most 30; status Active when given; at most one address, and it needs line1.
 */
export function checkSupplierAgainstSage50Rules(
  supplier: unknown,
  options: SupplierRuleOptions = {},
): SupplierRuleViolation[] {
  if (!isRecord(supplier)) return [violation("", "supplier.object", "The supplier must be a JSON object.")];
  const rules = SAGE50_SUPPLIER_RULES;
  const id = supplier["id"];
  const itemId = typeof id === "string" ? id : "";
  const out: SupplierRuleViolation[] = [];
  const add = (ruleId: string, message: string) => out.push(violation(itemId, ruleId, message));

  if (id === undefined || id === null || (typeof id === "string" && id.trim() === "")) {
    add("id.required", "Supplier id is required.");
  } else if (typeof id !== "string") {
    add("id.type", "Supplier id must be text.");
  } else {
    if (id.length > rules.idMaxLength) add("id.maxLength", `Supplier id must be at most ${rules.idMaxLength} characters.`);
    if (/\s/.test(id)) add("id.noSpaces", "Supplier id must not contain spaces.");
    if (id !== id.toUpperCase()) add("id.upperCase", "Supplier id must be in upper case.");
    const taken = (options.existingSupplierIds ?? []).some((existing) => existing.toUpperCase() === id.toUpperCase());
    if (taken) add("id.unique", `A supplier with id ${id} already exists.`);
  }

  const name = supplier["supplierName"];
  if (typeof name !== "string" || name.trim() === "") {
    add("supplierName.required", "Supplier name is required.");
  } else if (name.length > rules.supplierNameMaxLength) {
    add("supplierName.maxLength", `Supplier name must be at most ${rules.supplierNameMaxLength} characters.`);
  }

  const contact = supplier["contactName"];
  if (contact !== undefined && contact !== null) {
    if (typeof contact !== "string") add("contactName.type", "Contact name must be text.");
    else if (contact.length > rules.contactNameMaxLength) {
      add("contactName.maxLength", `Contact name must be at most ${rules.contactNameMaxLength} characters.`);
    }
  }

  const status = supplier["status"];
  if (status !== undefined && status !== null && status !== "Active") {
    add("status.active", "Supplier status must be Active.");
  }

  const addresses = supplier["addresses"];
  if (addresses !== undefined && addresses !== null) {
    if (!Array.isArray(addresses)) add("addresses.type", "Addresses must be a list.");
    else {
      if (addresses.length > rules.maxAddresses) add("addresses.max", `A supplier can have at most ${rules.maxAddresses} address.`);
      addresses.forEach((address: unknown, index) => {
        const line1 = isRecord(address) ? address["line1"] : undefined;
        if (typeof line1 !== "string" || line1.trim() === "") {
          add("addresses.line1.required", `Address ${index + 1} needs a first line (line1).`);
        }
      });
    }
  }
  return out;
}

function violation(itemId: string, ruleId: string, message: string): SupplierRuleViolation {
  return { itemId, ruleId, message, validatorName: SUPPLIER_VALIDATOR_NAME };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
