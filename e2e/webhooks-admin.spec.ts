import { createServer, type IncomingHttpHeaders, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { Webhook } from "standardwebhooks";
import { test, expect, expectAccessible } from "./support/fixtures";
import { createSetupAsSupport } from "./support/api";

/**
 * The admin page's Webhooks section, as an admin uses it: add an endpoint with the keyboard only (its
 * secret shown once), a local receiver gets a signed `setup.created`, the delivery log shows the try
 * (status, duration, attempt), replay sends it again, rotating shows a new secret once (and the next
 * delivery verifies with it and the old one), delete removes the endpoint.
 */
type Received = { headers: IncomingHttpHeaders; body: string };

let server: Server;
let receiverUrl = "";
const received: Received[] = [];

test.beforeAll(async () => {
  server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      received.push({ headers: req.headers, body: Buffer.concat(chunks).toString("utf8") });
      res.statusCode = 200;
      res.end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  receiverUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hooks/${Date.now()}`;
});
test.afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
});

/** A received webhook's payload when it verifies with `secret` (the `standardwebhooks` package), else null. */
function verified(secret: string, hook: Received): { type: string; data: { companyId: string } } | null {
  const h = hook.headers;
  try {
    return new Webhook(secret).verify(hook.body, {
      "webhook-id": String(h["webhook-id"]),
      "webhook-timestamp": String(h["webhook-timestamp"]),
      "webhook-signature": String(h["webhook-signature"]),
    }) as { type: string; data: { companyId: string } };
  } catch {
    return null;
  }
}

test("an admin adds an endpoint by keyboard, sees signed deliveries in the log, replays, rotates and deletes", async ({ page, loginAs, request }) => {
  test.setTimeout(120_000);
  await loginAs("admin");
  await page.goto("/support/admin");
  const section = page.locator("section, div").filter({ has: page.getByRole("heading", { level: 2, name: "Webhooks", exact: true }) }).last();

  // Keyboard only: from the section's API reference link, Tab to the URL field, type, Tab to the
  // submit button (the event checkboxes all start ticked; Space unticks one), Enter.
  await section.getByRole("link", { name: "API reference" }).focus();
  for (let i = 0; i < 40 && (await page.evaluate(() => document.activeElement?.id)) !== "webhook-url"; i++) await page.keyboard.press("Tab");
  await expect(page.getByLabel("Endpoint URL")).toBeFocused();
  await page.keyboard.type(receiverUrl);
  await page.keyboard.press("Tab");
  await expect(page.getByRole("checkbox", { name: "setup.stalled" })).not.toBeFocused();
  for (let i = 0; i < 20 && (await page.evaluate(() => (document.activeElement as HTMLInputElement | null)?.value)) !== "setup.stalled"; i++) await page.keyboard.press("Tab");
  await page.keyboard.press("Space");
  await expect(page.getByRole("checkbox", { name: "setup.stalled" })).not.toBeChecked();
  for (let i = 0; i < 20 && (await page.evaluate(() => document.activeElement?.textContent)) !== "Add endpoint"; i++) await page.keyboard.press("Tab");
  await expect(page.getByRole("button", { name: "Add endpoint" })).toBeFocused();
  await page.keyboard.press("Enter");

  // The secret, once.
  await expect(page.getByRole("status").filter({ hasText: "Endpoint added. Copy its signing secret now" })).toBeVisible();
  const secretText = page.getByText(/^whsec_[A-Za-z0-9+/=]+$/);
  await expect(secretText).toBeVisible();
  const secret = (await secretText.textContent()) ?? "";
  const endpoint = page.getByRole("region", { name: `Endpoint ${receiverUrl}` });
  await expect(endpoint).toBeVisible();
  await expect(endpoint).not.toContainText("setup.stalled");
  await expectAccessible(page, "/support/admin with a new endpoint and its secret");
  await page.reload();
  await expect(endpoint).toBeVisible();
  expect(await page.content(), "the secret is not shown again").not.toContain(secret);

  // A setup is created: the receiver gets a signed setup.created; the log shows the try.
  const setup = await createSetupAsSupport(request, "Webhook Admin Spec Ltd");
  /** This setup's setup.created webhooks received since `from`, verified with `key` (others' events arrive too). */
  const ours = (key: string, from = 0) =>
    received.slice(from).filter((r) => {
      const payload = verified(key, r);
      return payload?.type === "setup.created" && payload.data.companyId === setup.company.id;
    });
  /** The payloads received since `from` that verify with `key`. */
  const signedSince = (key: string, from: number) => received.slice(from).flatMap((r) => verified(key, r) ?? []);
  // Every webhook received verifies with the secret; among them, this setup's setup.created.
  await expect
    .poll(() => ours(secret).length, { timeout: 30_000 })
    .toBeGreaterThanOrEqual(1);
  expect(received.every((r) => verified(secret, r) !== null), "every webhook received is signed with the endpoint's secret").toBe(true);

  // The log (read when the page loads): event, state, and each try's attempt number, status and duration.
  const row = endpoint.getByRole("row").filter({ hasText: "setup.created" }).first();
  await expect
    .poll(async () => {
      await page.reload();
      return (await row.count()) ? row.innerText() : "";
    }, { timeout: 30_000 })
    .toMatch(/setup\.created\s+delivered\s+#1: 200, \d+ ms, /);
  await expectAccessible(page, "/support/admin with a delivery log");

  // Replay: queued again as a new delivery of the same event, marked as a replay in the log, and sent.
  const before = received.length;
  await row.getByRole("button", { name: "Replay" }).click();
  await expect(page.getByRole("status").filter({ hasText: "setup.created queued to be sent again." })).toBeVisible();
  await expect(endpoint.getByRole("row").filter({ hasText: "(replay)" })).toHaveCount(1);
  await expect(endpoint.getByRole("row").filter({ hasText: "(replay)" })).toContainText("setup.created");
  // (The log does not name the setup, and the demo's own setups send setup.created too: any will do.)
  await expect.poll(() => signedSince(secret, before).filter((p) => p.type === "setup.created").length, { timeout: 30_000 }).toBeGreaterThanOrEqual(1);

  // Rotate: a new secret, shown once; the next delivery verifies with it and, for 24 hours, with the old one.
  await endpoint.getByRole("button", { name: "Rotate secret" }).click();
  await expect(page.getByText(`New signing secret for ${receiverUrl}`)).toBeVisible();
  const rotated = (await secretText.textContent()) ?? "";
  expect(rotated).toMatch(/^whsec_/);
  expect(rotated).not.toBe(secret);
  await expect(endpoint).toContainText("The previous secret also signs until");
  const beforeRotated = received.length;
  await endpoint.getByRole("row").filter({ hasText: "setup.created" }).first().getByRole("button", { name: "Replay" }).click();
  await expect.poll(() => signedSince(rotated, beforeRotated).filter((p) => p.type === "setup.created").length, { timeout: 30_000 }).toBeGreaterThanOrEqual(1);
  expect(signedSince(secret, beforeRotated).length, "the old secret still signs").toBe(received.length - beforeRotated);
  await page.reload();
  await expect(endpoint).toContainText("The previous secret also signs until");
  expect(await page.content(), "the new secret is not shown again").not.toContain(rotated);

  // Delete.
  await endpoint.getByRole("button", { name: "Delete" }).click();
  await expect(page.getByRole("status").filter({ hasText: `Endpoint ${receiverUrl} deleted.` })).toBeVisible();
  await expect(endpoint).toHaveCount(0);
});
