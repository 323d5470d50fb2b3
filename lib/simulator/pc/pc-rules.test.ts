import { describe, expect, it } from "vitest";
import {
  checkNewSageUser,
  connectorLoginWorks,
  defaultDataPath,
  isConnectorAvailable,
  isLicenseKeyValid,
  nextAvailableSince,
  pickConnectionToLink,
  sameDataPath,
  sageUserKey,
  showsProcessingDialog,
} from "./pc-rules";

describe("Sage 50 users", () => {
  const existing = new Set(["MANAGER", "ACME PUSH"]);
  const cases: [string, Parameters<typeof checkNewSageUser>[0]["userType"], string, string | null][] = [
    ["Acme Pay", "Administrator", "pw", null],
    ["Clerk", "Standard", "", null],
    ["Clerk", "Administrator", "", "password_required"],
    ["acme  push", "Standard", "x", "user_exists"],
    ["bad_name!", "Standard", "x", "invalid_user_name"],
    ["x".repeat(33), "Standard", "x", "invalid_user_name"],
    ["   ", "Standard", "x", "invalid_user_name"],
  ];
  it.each(cases)("%s as %s", (name, userType, password, reason) => {
    expect(checkNewSageUser({ name, userType, password, existingKeys: existing })?.reason ?? null).toBe(reason);
  });

  it("compares logon names without case or repeated spaces", () => {
    expect(sageUserKey("  Acme   push ")).toBe("ACME PUSH");
  });
});

describe("connector rules", () => {
  const id = "0498e921-9b53-4396-a412-4f2f5983b0a2";
  it("takes the company id as license key, pasted loosely", () => {
    expect(isLicenseKeyValid(` ${id.toUpperCase()} `, id)).toBe(true);
    expect(isLicenseKeyValid("0498e921", id)).toBe(false);
  });

  it("fills in the data path for the version's year", () => {
    expect(defaultDataPath(31)).toBe("C:\\ProgramData\\Sage\\Accounts\\2025\\Company.000");
    expect(sameDataPath("c:/programdata/sage/accounts/2025/company.000/", defaultDataPath(31))).toBe(true);
    expect(sameDataPath("C:\\PROGRAMDATA\\SAGE\\ACCOUNTS\\2022\\DEMODATA", defaultDataPath(31))).toBe(false);
  });

  it.each([
    [{ poweredOn: true, connectorState: "linked", connectorRunning: true }, true],
    [{ poweredOn: false, connectorState: "linked", connectorRunning: true }, false],
    [{ poweredOn: true, connectorState: "linked", connectorRunning: false }, false],
    [{ poweredOn: true, connectorState: "credentials_saved", connectorRunning: true }, false],
    [{ poweredOn: true, connectorState: "linked", connectorRunning: true, connectorPaused: true }, false],
    [{ poweredOn: true, connectorState: "linked", connectorRunning: true, connectorPaused: false }, true],
    [{ poweredOn: true, connectorState: "linked", connectorRunning: true, firewallBlocksConnector: true }, false],
  ] as const)("availability %o → %s", (pc, expected) => {
    expect(isConnectorAvailable(pc)).toBe(expected);
  });

  it("keeps the start of an unbroken availability", () => {
    const a = new Date("2025-01-01T00:00:00Z");
    const b = new Date("2025-01-02T00:00:00Z");
    expect(nextAvailableSince(null, true, b)).toEqual(b);
    expect(nextAvailableSince(a, true, b)).toEqual(a);
    expect(nextAvailableSince(a, false, b)).toBeNull();
  });

  it("links the newest pending connection, else relinks the newest deauthorized one", () => {
    const c = (id: string, status: "PendingAuth" | "Linked" | "Unlinked" | "Deauthorized", day: number) => ({
      id,
      status,
      createdAt: new Date(Date.UTC(2025, 0, day)),
    });
    expect(pickConnectionToLink([c("a", "Deauthorized", 1), c("b", "PendingAuth", 2)])?.id).toBe("b");
    expect(pickConnectionToLink([c("a", "Deauthorized", 1), c("b", "Unlinked", 2)])?.id).toBe("b");
    expect(pickConnectionToLink([])).toBeNull();
  });
});

describe("the connector's saved login", () => {
  it("works while the user exists with the password the connector saved", () => {
    expect(connectorLoginWorks("h1", { passwordHash: "h1" })).toBe(true);
    expect(connectorLoginWorks(null, { passwordHash: null })).toBe(true);
  });
  it("fails once the password changed or the user is gone", () => {
    expect(connectorLoginWorks("h1", { passwordHash: "h2" })).toBe(false);
    expect(connectorLoginWorks("h1", null)).toBe(false);
  });
});

describe("Sage 50's processing dialog", () => {
  it.each([
    [{ sageOpen: true, connectorAvailable: true, pushPending: true }, true],
    [{ sageOpen: false, connectorAvailable: true, pushPending: true }, false],
    [{ sageOpen: true, connectorAvailable: false, pushPending: true }, false],
    [{ sageOpen: true, connectorAvailable: true, pushPending: false }, false],
  ])("%o → %s", (input, shown) => {
    expect(showsProcessingDialog(input)).toBe(shown);
  });
});
