#!/usr/bin/env node
/**
 * Generates TypeScript types from Codat's OpenAPI specs.
 *
 *   npm run codat:types
 *   CODAT_OAS_DIR=/path/to/codat-oas npm run codat:types
 *
 * Reads Codat-Platform.json and Codat-Sync-Payables-v1.json from CODAT_OAS_DIR (default
 * lib/codat/oas, the vendored copy described in its NOTICE.md) and writes
 * lib/codat/generated/platform.d.ts and lib/codat/generated/payables.d.ts. The output is committed;
 * run this again only when the specs change.
 *
 * Why the specs are normalised first: Codat's specs point $refs deep inside other schemas
 * (`#/components/schemas/Connection/definitions/dataConnectionStatus`, `#/paths/.../properties/companyId`,
 * `.../allOf/1`). openapi-typescript turns those into indexed types such as
 * `components["schemas"]["Connection"]["definitions"]`, which do not exist, so they silently become
 * `any` (hidden by skipLibCheck). Before generating we therefore
 *   - hoist every `definitions` entry to a named schema `<Schema>_<definition>`
 *     (e.g. `Connection_dataConnectionStatus`, `PushOperation_validationItem`),
 *   - inline any other deep $ref (a copy of its target),
 *   - turn `{ $ref, nullable: true }` (an OpenAPI 3.0 idiom inside these 3.1 specs) into `X | null`.
 * The specs on disk are not changed; lib/codat/openapi-validator.ts validates against them as they are.
 */
import { existsSync } from "node:fs";
import { mkdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import openapiTS, { astToString } from "openapi-typescript";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const specDir = path.resolve(root, process.env.CODAT_OAS_DIR ?? "lib/codat/oas");
const outDir = path.join(root, "lib/codat/generated");

const targets = [
  { spec: "Codat-Platform.json", out: "platform.d.ts" },
  { spec: "Codat-Sync-Payables-v1.json", out: "payables.d.ts" },
];

const TOP_LEVEL_REF = /^#\/components\/[^/]+\/[^/]+$/;

function pointerParts(ref) {
  return ref
    .replace(/^#\/?/, "")
    .split("/")
    .filter((p) => p !== "")
    .map((p) => decodeURIComponent(p).replace(/~1/g, "/").replace(/~0/g, "~"));
}

function resolvePointer(doc, ref) {
  let node = doc;
  for (const part of pointerParts(ref)) {
    if (node === null || typeof node !== "object" || !(part in node)) throw new Error(`Unresolvable $ref ${ref}`);
    node = node[part];
  }
  return node;
}

const escapePart = (p) => p.replace(/~/g, "~0").replace(/\//g, "~1");

/** Finds every `definitions` entry under components.schemas and gives it a schema name. */
function collectDefinitions(doc) {
  const hoisted = new Map(); // JSON pointer → new schema name
  const taken = new Set(Object.keys(doc.components?.schemas ?? {}));
  const walk = (node, pointer, owner, parentKey) => {
    if (node === null || typeof node !== "object") return;
    if (Array.isArray(node)) return node.forEach((v, i) => walk(v, `${pointer}/${i}`, owner, null));
    for (const [key, value] of Object.entries(node)) {
      const child = `${pointer}/${escapePart(key)}`;
      if (key === "definitions" && parentKey !== "properties" && value && typeof value === "object") {
        for (const [name, def] of Object.entries(value)) {
          const newName = `${owner}_${name}`;
          if (taken.has(newName)) throw new Error(`Hoisted schema name clash: ${newName}`);
          taken.add(newName);
          hoisted.set(`${child}/${escapePart(name)}`, newName);
          walk(def, `${child}/${escapePart(name)}`, owner, null);
        }
      } else {
        walk(value, child, owner, key);
      }
    }
  };
  for (const [name, schema] of Object.entries(doc.components?.schemas ?? {})) {
    walk(schema, `#/components/schemas/${escapePart(name)}`, name, null);
  }
  return hoisted;
}

function normalise(original) {
  const hoisted = collectDefinitions(original);
  const transform = (node, stack, parentKey) => {
    if (Array.isArray(node)) return node.map((v) => transform(v, stack, null));
    if (node === null || typeof node !== "object") return node;
    if (typeof node.$ref === "string") {
      const { $ref, nullable, ...rest } = node;
      let target;
      if (TOP_LEVEL_REF.test($ref)) target = { $ref };
      else if (hoisted.has($ref)) target = { $ref: `#/components/schemas/${hoisted.get($ref)}` };
      else {
        if (stack.includes($ref)) throw new Error(`Cyclic deep $ref ${$ref}`);
        target = transform(resolvePointer(original, $ref), [...stack, $ref], null);
      }
      const siblings = transform(rest, stack, null);
      if (nullable === true) return { ...siblings, anyOf: [target, { type: "null" }] };
      return "$ref" in target ? { ...siblings, ...target } : { ...target, ...siblings };
    }
    const out = {};
    for (const [key, value] of Object.entries(node)) {
      if (key === "definitions" && parentKey !== "properties") continue;
      out[key] = transform(value, stack, key);
    }
    return out;
  };
  const doc = transform(original, [], null);
  for (const [pointer, name] of hoisted) {
    doc.components.schemas[name] = transform(resolvePointer(original, pointer), [pointer], null);
  }
  return doc;
}

async function generate({ spec, out }) {
  const file = path.join(specDir, spec);
  const original = JSON.parse(await readFile(file, "utf8"));
  const ast = await openapiTS(normalise(original), { silent: true });
  const header = [
    "/**",
    " * GENERATED FILE: do not edit by hand.",
    ` * Source: ${spec} (openapi ${original.openapi}, info.version ${original.info?.version ?? "?"}),`,
    " * normalised first (deep $refs hoisted as `<Schema>_<definition>` or inlined; see the script).",
    " * Regenerate with `npm run codat:types` (node scripts/codat-types.mjs; CODAT_OAS_DIR overrides",
    " * the folder the specs are read from).",
    " */",
    "",
  ].join("\n");
  const target = path.join(outDir, out);
  await writeFile(target, header + astToString(ast));
  return target;
}

const missing = targets.map((t) => path.join(specDir, t.spec)).filter((f) => !existsSync(f));
if (missing.length > 0) {
  console.error(`Codat spec(s) not found: ${missing.join(", ")}. Set CODAT_OAS_DIR to the folder holding them.`);
  process.exit(1);
}

await mkdir(outDir, { recursive: true });
for (const target of targets) {
  const written = await generate(target);
  console.log(`wrote ${path.relative(root, written)}`);
}
