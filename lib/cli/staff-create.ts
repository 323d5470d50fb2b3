import { parseArgs } from "node:util";
import { getDbEnv } from "@/lib/env";
import { appDbLocation, openDb } from "@/lib/db/client";
import { findStaffByEmail } from "@/lib/db/queries/staff";
import type { StaffRole } from "@/lib/db/schema/staff";
import { createStaffAccount } from "@/lib/support/create-staff-account";
import { createStaffAccountSchema, inviteStaffSchema } from "@/lib/support/staff-schema";
import { PasswordEntryCancelled, readNewPassword, type CommandIo } from "./read-password";

const STAFF_CREATE_USAGE = `Usage: npm run staff:create -- --email <address> --role admin|support [--name <name>] [--update]

Makes a staff account in the app's database (the PostgreSQL at DATABASE_URL, else PGlite in
DATA_DIR): the way to the first admin, who can then invite the others from /support/admin.
The password is asked for at the terminal (twice, not shown), or read from the first line of
stdin when it is piped. At least 12 characters, 6 of them different, without the email address.

An account with that email is left as it is (exit 0), unless --update is given: then it gets the
role and the new password, is made active again, and its open sessions end.

With PGlite, stop the app first: one process at a time may open its data directory.
Exit status: 0 done (or already there), 1 refused or failed, 2 wrong arguments.`;

type StaffCreateOptions = { email: string; role: StaffRole; name: string; update: boolean };

type Parsed = { kind: "help" } | { kind: "run"; options: StaffCreateOptions } | { kind: "usage-error"; message: string };

export function parseStaffCreateArgs(argv: readonly string[]): Parsed {
  let values;
  try {
    ({ values } = parseArgs({
      args: [...argv],
      options: {
        email: { type: "string" },
        role: { type: "string" },
        name: { type: "string" },
        update: { type: "boolean", default: false },
        help: { type: "boolean", short: "h", default: false },
      },
      strict: true,
      allowPositionals: false,
    }));
  } catch (err) {
    return { kind: "usage-error", message: err instanceof Error ? err.message : String(err) };
  }
  if (values.help) return { kind: "help" };
  if (!values.email) return { kind: "usage-error", message: "Give the account's email address: --email <address>." };
  if (!values.role) return { kind: "usage-error", message: "Give the account's role: --role admin or --role support." };
  const email = values.email.trim();
  // The name shows in the console and the event log; the email's local part will do until it is changed.
  const name = values.name ?? (email.split("@")[0] ?? "").padEnd(2, "_");
  const parsed = inviteStaffSchema.safeParse({ email, role: values.role, name });
  if (!parsed.success) return { kind: "usage-error", message: parsed.error.issues.map((i) => `--${i.path.join(".")}: ${i.message}`).join("\n") };
  return { kind: "run", options: { ...parsed.data, update: values.update } };
}

/** `npm run staff:create`: returns the exit status. */
export async function runStaffCreate(argv: readonly string[], io: CommandIo): Promise<number> {
  const say = (text: string) => io.stdout.write(`${text}\n`);
  const complain = (text: string) => io.stderr.write(`${text}\n`);
  const parsed = parseStaffCreateArgs(argv);
  if (parsed.kind === "help") {
    say(STAFF_CREATE_USAGE);
    return 0;
  }
  if (parsed.kind === "usage-error") {
    complain(`${parsed.message}\n\n${STAFF_CREATE_USAGE}`);
    return 2;
  }
  const { options } = parsed;
  const location = appDbLocation(getDbEnv());
  complain(`Opening the database (${location.url ? "PostgreSQL at DATABASE_URL" : `PGlite in ${location.dataDir}`})…`);
  const handle = await openDb(location);
  try {
    const existing = await findStaffByEmail(handle.db, options.email);
    if (existing && !options.update) {
      say(`A staff account for ${existing.email} already exists (${existing.role}${existing.active ? "" : ", inactive"}): nothing changed.`);
      say("Give --update to set its role and a new password.");
      return 0;
    }
    const password = await readNewPassword(io, `New password for ${options.email}`);
    if (password === null) {
      complain("The two passwords differ: nothing changed.");
      return 1;
    }
    const input = { email: options.email, role: options.role, name: options.name, password };
    const checked = createStaffAccountSchema.safeParse(input);
    if (!checked.success) {
      complain(`Password refused: ${checked.error.issues.map((i) => i.message).join(" ")} Nothing changed.`);
      return 1;
    }
    const { outcome, staff } = await createStaffAccount(handle.db, { input, update: options.update });
    const what = { created: "Created", updated: "Updated", unchanged: "Already there, unchanged:" }[outcome];
    say(`${what} ${staff.role} account ${staff.email} (${handle.kind}). It signs in at /sign-in.`);
    return 0;
  } catch (err) {
    if (err instanceof PasswordEntryCancelled) {
      complain("Cancelled: nothing changed.");
      return 1;
    }
    throw err;
  } finally {
    await handle.close();
  }
}
