import { createHash } from "node:crypto";
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { SPEC_FILES } from "../openapi-validator";

const here = import.meta.dirname;
const root = path.resolve(here, "../../..");

describe("Codat's vendored OpenAPI specs", () => {
  const notice = readFileSync(path.join(here, "NOTICE.md"), "utf8");

  it.each(Object.values(SPEC_FILES))("%s is the file NOTICE.md describes, unchanged", (file) => {
    const sha = createHash("sha256").update(readFileSync(path.join(here, file))).digest("hex");
    expect(notice).toContain(`${sha}  ${file}`);
  });

  it("nothing in the repository reads from a folder beside it", () => {
    const tracked = execFileSync("git", ["ls-files", "-z"], { cwd: root, encoding: "utf8" })
      .split("\0")
      .filter((f) => /\.(ts|tsx|mjs|js|json)$/.test(f) || f === ".ci/run");
    // The reading folder laid beside a developer's checkout, spelled so that this file does not name it.
    const beside = ["..", "shared", ""].join("/");
    const outside = tracked.filter((f) => readFileSync(path.join(root, f), "utf8").includes(beside));
    expect(outside).toEqual([]);
  });
});
