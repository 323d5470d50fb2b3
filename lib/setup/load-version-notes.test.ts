import { afterAll, beforeAll, expect, it } from "vitest";
import { describeEachDatabase } from "@/lib/db/testing/test-databases";
import type { DbHandle } from "@/lib/db/client";
import { openAppStack, type AppStack } from "@/lib/testing/app-stack";
import { insertStaff } from "@/lib/db/queries/staff";
import type { StaffActor } from "@/lib/auth/actor";
import { DOCUMENTED_SAGE50_VERSION_NOTE } from "@/lib/sage/sage-version-notes";
import { createSetup } from "./create-setup";
import { refreshConnection } from "./refresh-connection";
import { readSage50VersionNotes } from "./load-version-notes";

describeEachDatabase("Sage 50 version notes on $name", ({ open }) => {
  let h: DbHandle;
  let stack: AppStack;
  let staff: StaffActor;

  beforeAll(async () => {
    h = await open();
    stack = await openAppStack(h);
    const user = await insertStaff(h.db, { email: "notes@example.com", name: "Nora", role: "support", passwordHash: "x" });
    staff = { type: "staff", id: user.id, role: "support", name: user.name, email: user.email };
  });
  afterAll(async () => {
    await stack?.close();
    await h?.close();
  });

  async function setFailNext(value: { status: number; count: number } | null) {
    const res = await fetch(`${stack.url}/api/sim/config`, {
      method: "PUT",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ failNext: value }),
    });
    expect(res.status).toBe(200);
  }

  it("shows the documented minimum without a connection to ask", async () => {
    const notes = await readSage50VersionNotes(h.db, "00000000-0000-4000-8000-000000000000", stack.codat);
    expect(notes).toEqual({ source: "documented", notes: [DOCUMENTED_SAGE50_VERSION_NOTE] });
  });

  it("shows the connection's push options' own notes once linked, and the documented minimum when Codat refuses", async () => {
    const { company } = await createSetup(h.db, stack.codat, { name: "Linked Notes Ltd", contactEmail: null, actor: staff, appUrl: stack.url });
    await stack.linkPc(company.codatCompanyId);
    await refreshConnection(h.db, stack.codat, company, { force: true });

    const notes = await readSage50VersionNotes(h.db, company.id, stack.codat);
    expect(notes.source).toBe("codat");
    expect(notes.notes.join(" ")).toMatch(/v22/);

    await setFailNext({ status: 404, count: 1 });
    try {
      expect((await readSage50VersionNotes(h.db, company.id, stack.codat)).source).toBe("documented");
    } finally {
      await setFailNext(null);
    }
  });
});
