import {
  type AnyPgColumn,
  boolean,
  doublePrecision,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uuid,
} from "drizzle-orm/pg-core";

/**
 * The simulator's state: a Codat-compatible API plus simulated Sage 50 PCs (one per company, or shared: docs/decisions/014).
 * Every table is prefixed `sim_` and everything survives a restart.
 */

export const simConnectionStatuses = ["PendingAuth", "Linked", "Unlinked", "Deauthorized"] as const;
export type SimConnectionStatus = (typeof simConnectionStatuses)[number];

export const simConnectorStates = [
  "not_installed",
  "installed",
  "data_file_chosen",
  "credentials_saved",
  "linked",
] as const;
export type SimConnectorState = (typeof simConnectorStates)[number];

export const simSageUserTypes = ["Standard", "Administrator"] as const;
export type SimSageUserType = (typeof simSageUserTypes)[number];

/** What the simulated Codat accepts writes of: the test push's suppliers, and the integrator's bills and bill payments. */
export const SIM_PUSH_DATA_TYPES = ["suppliers", "bills", "billPayments", "journalEntries"] as const;
export type SimPushDataType = (typeof SIM_PUSH_DATA_TYPES)[number];

export const simPushStatuses = ["Pending", "Failed", "Success", "TimedOut"] as const;
export type SimPushStatus = (typeof simPushStatuses)[number];

export const simDeliveryStatuses = ["pending", "delivered", "failed", "skipped"] as const;
export type SimDeliveryStatus = (typeof simDeliveryStatuses)[number];

export type SimValidationItem = { itemId?: string; message?: string; validatorName?: string };
export type SimValidation = { errors: SimValidationItem[]; warnings: SimValidationItem[] };
export type SimChange = { type: "Created"; recordRef: { id: string; dataType: SimPushDataType } };

/** Companies as Codat holds them. */
export const simCompanies = pgTable(
  "sim_companies",
  {
    id: uuid("id").primaryKey(),
    name: text("name").notNull(),
    description: text("description"),
    tags: jsonb("tags").$type<Record<string, string>>(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull(),
  },
  (t) => [index("sim_companies_created_idx").on(t.createdAt)],
);

/**
 * A company's place on a Windows PC: its Sage 50 data file and its connection in the Codat connector.
 * The machine's own facts (power, the connector installed / running / paused, Windows rights, firewall,
 * one-time sync) are read from the row of the company whose PC it is: `hostCompanyId` when the company's
 * data file sits on another company's PC (multi-company mode, docs/decisions/014), else its own row.
 */
export const simPcs = pgTable("sim_pcs", {
  companyId: uuid("company_id")
    .primaryKey()
    .references(() => simCompanies.id, { onDelete: "cascade" }),
  /** Null: the company has a PC of its own. Else the company whose PC holds this data file too. */
  hostCompanyId: uuid("host_company_id").references((): AnyPgColumn => simPcs.companyId, { onDelete: "set null" }),
  poweredOn: boolean("powered_on").notNull().default(true),
  /** The company name inside the Sage 50 data file. */
  sageCompanyName: text("sage_company_name").notNull(),
  dataPath: text("data_path").notNull(),
  baseCurrency: text("base_currency").notNull().default("GBP"),
  sageVersion: integer("sage_version").notNull().default(31),
  foreignTrader: boolean("foreign_trader").notNull().default(false),
  lastTransactionDate: timestamp("last_transaction_date", { withTimezone: true }).notNull(),
  connectorState: text("connector_state", { enum: simConnectorStates }).notNull().default("not_installed"),
  connectorRunning: boolean("connector_running").notNull().default(false),
  /** Whether the person signed in to Windows has administrator rights (the installer needs them). */
  windowsAdmin: boolean("windows_admin").notNull().default(true),
  /** Codat's set-up option for this company is "Do not install / one-time sync": the connector removes itself after linking. */
  oneTimeSync: boolean("one_time_sync").notNull().default(false),
  /** A firewall on the PC's network blocks the connector's outbound connection to Codat. */
  firewallBlocksConnector: boolean("firewall_blocks_connector").notNull().default(false),
  /** Paused from the tray menu: running, but it takes no work until resumed. */
  connectorPaused: boolean("connector_paused").notNull().default(false),
  connectorDataPath: text("connector_data_path"),
  savedUsername: text("saved_username"),
  /** A salted scrypt hash of the password saved in the connector: never the password itself. */
  savedPasswordHash: text("saved_password_hash"),
  /** Since when the connector could process pushes without a break (null: it cannot now). */
  availableSince: timestamp("available_since", { withTimezone: true }),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull(),
});

/** Sage 50 users of the company data file. `nameKey` is the case-insensitive logon name. */
export const simSageUsers = pgTable(
  "sim_sage_users",
  {
    companyId: uuid("company_id")
      .notNull()
      .references(() => simCompanies.id, { onDelete: "cascade" }),
    nameKey: text("name_key").notNull(),
    name: text("name").notNull(),
    userType: text("user_type", { enum: simSageUserTypes }).notNull(),
    /** Salted scrypt hash; null means the user has no password (Standard users and MANAGER only). */
    passwordHash: text("password_hash"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.companyId, t.nameKey] })],
);

/** Who has the Sage 50 application open right now. */
export const simSageSessions = pgTable(
  "sim_sage_sessions",
  {
    companyId: uuid("company_id")
      .notNull()
      .references(() => simCompanies.id, { onDelete: "cascade" }),
    nameKey: text("name_key").notNull(),
    openedAt: timestamp("opened_at", { withTimezone: true }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.companyId, t.nameKey] })],
);

export const simConnections = pgTable(
  "sim_connections",
  {
    id: uuid("id").primaryKey(),
    companyId: uuid("company_id")
      .notNull()
      .references(() => simCompanies.id, { onDelete: "cascade" }),
    status: text("status", { enum: simConnectionStatuses }).notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull(),
    lastSync: timestamp("last_sync", { withTimezone: true }),
  },
  (t) => [index("sim_connections_company_idx").on(t.companyId, t.createdAt)],
);

/** Suppliers in the Sage 50 data file. */
export const simSuppliers = pgTable(
  "sim_suppliers",
  {
    companyId: uuid("company_id")
      .notNull()
      .references(() => simCompanies.id, { onDelete: "cascade" }),
    /** The Sage 50 account reference (upper case). */
    id: text("id").notNull(),
    name: text("name").notNull(),
    body: jsonb("body").$type<Record<string, unknown>>().notNull(),
    pushOperationKey: uuid("push_operation_key"),
    /** False while it was written with Sage 50 open and the Suppliers view has not been refreshed. */
    visibleInOpenSage: boolean("visible_in_open_sage").notNull().default(true),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.companyId, t.id] })],
);

export const simPushOperations = pgTable(
  "sim_push_operations",
  {
    key: uuid("key").primaryKey(),
    companyId: uuid("company_id")
      .notNull()
      .references(() => simCompanies.id, { onDelete: "cascade" }),
    connectionId: uuid("connection_id").notNull(),
    dataType: text("data_type", { enum: SIM_PUSH_DATA_TYPES }).notNull().default("suppliers"),
    status: text("status", { enum: simPushStatuses }).notNull(),
    statusCode: integer("status_code").notNull(),
    errorMessage: text("error_message"),
    validation: jsonb("validation").$type<SimValidation>().notNull(),
    changes: jsonb("changes").$type<SimChange[]>(),
    requestedOn: timestamp("requested_on", { withTimezone: true }).notNull(),
    completedOn: timestamp("completed_on", { withTimezone: true }),
    timeoutInMinutes: integer("timeout_in_minutes"),
    body: jsonb("body").$type<Record<string, unknown>>().notNull(),
  },
  (t) => [
    index("sim_push_company_idx").on(t.companyId, t.requestedOn),
    index("sim_push_status_idx").on(t.status, t.requestedOn),
  ],
);

/** Webhooks the simulator sent (or will send), signed Svix-style when sent. */
export const simWebhookDeliveries = pgTable(
  "sim_webhook_deliveries",
  {
    /** The `webhook-id` header (msg_…); a replay sends the same one. */
    id: text("id").primaryKey(),
    eventId: uuid("event_id").notNull(),
    eventType: text("event_type").notNull(),
    companyId: uuid("company_id"),
    /** The exact body sent, byte for byte. */
    body: text("body").notNull(),
    targetUrl: text("target_url").notNull(),
    status: text("status", { enum: simDeliveryStatuses }).notNull(),
    attempts: integer("attempts").notNull().default(0),
    lastStatus: integer("last_status"),
    lastError: text("last_error"),
    nextAttemptAt: timestamp("next_attempt_at", { withTimezone: true }),
    /** When the latest attempt started sending (the request left the simulator); null before the first. */
    lastSentAt: timestamp("last_sent_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull(),
    deliveredAt: timestamp("delivered_at", { withTimezone: true }),
  },
  (t) => [
    index("sim_webhooks_due_idx").on(t.status, t.nextAttemptAt),
    index("sim_webhooks_company_idx").on(t.companyId, t.createdAt),
  ],
);

/** One row (id = 1): the knobs. */
export const simConfig = pgTable("sim_config", {
  id: integer("id").primaryKey(),
  latencyMs: integer("latency_ms").notNull().default(0),
  errorRate5xx: doublePrecision("error_rate_5xx").notNull().default(0),
  errorRate429: doublePrecision("error_rate_429").notNull().default(0),
  processingDelayMs: integer("processing_delay_ms").notNull().default(3000),
  minuteMs: integer("minute_ms").notNull().default(60_000),
  webhookUrl: text("webhook_url"),
  webhooksEnabled: boolean("webhooks_enabled").notNull().default(true),
  /** `failNext`: the next `fail_next_count` requests to the Codat API answer with this HTTP status. */
  failNextStatus: integer("fail_next_status"),
  failNextCount: integer("fail_next_count").notNull().default(0),
  /** `variants`: how the simulated connector plays the assumed behaviours (see lib/sage/assumed-connector-behaviour.ts). */
  variantConcurrentLogin: text("variant_concurrent_login", { enum: ["failed", "pending"] }).notNull().default("failed"),
  variantConnectorMessages: text("variant_connector_messages", { enum: ["documented", "unfamiliar"] }).notNull().default("documented"),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
});

/** Requests per Codat operation ("GET /companies/{companyId}"), for tests and the benchmark. */
export const simRequestCounters = pgTable("sim_request_counters", {
  operation: text("operation").primaryKey(),
  count: integer("count").notNull().default(0),
});
