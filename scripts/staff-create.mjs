#!/usr/bin/env node
// `npm run staff:create -- --email … --role admin|support`: makes a staff account (the first admin of
// a production install). The command itself is lib/cli/staff-create.ts, run through tsx, which
// `npm install` installs with the other devDependencies (building the app needs them too).
import path from "node:path";
import { tsImport } from "tsx/esm/api";

const root = path.resolve(import.meta.dirname, "..");
// The app runs from its root: the migrations and a relative DATA_DIR are found from there.
process.chdir(root);
const { runStaffCreate } = await tsImport(path.join(root, "lib/cli/staff-create.ts"), import.meta.url);
try {
  process.exitCode = await runStaffCreate(process.argv.slice(2), process);
} catch (err) {
  console.error(`staff:create failed: ${err instanceof Error ? err.message : String(err)}`);
  process.exitCode = 1;
}
