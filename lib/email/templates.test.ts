import { describe, expect, it } from "vitest";
import { escapeHtml, renderEmail } from "./email-html";
import { reminderEmail, repairEmail, setupLinkEmail, supportDigestEmail } from "./templates";

const common = { appUrl: "https://app.example.com", integratorName: "Acme & Co" };
const expiresAt = new Date("2026-12-15T12:00:00Z");
const evil = `<script>alert("x")</script> & Sons`;

describe("email templates", () => {
  it("escapes &, <, >, quotes", () => {
    expect(escapeHtml(`<a href="x">Tom & 'Jerry'</a>`)).toBe("&lt;a href=&quot;x&quot;&gt;Tom &amp; &#39;Jerry&#39;&lt;/a&gt;");
  });

  it.each([
    ["setup link", setupLinkEmail({ ...common, companyName: evil, linkUrl: "https://app.example.com/s/tok", shortCode: "ABCD-EFGH", expiresAt })],
    ["reminder", reminderEmail({ ...common, companyName: evil, linkUrl: "https://app.example.com/s/tok", expiresAt, number: 1 })],
    [
      "repair",
      repairEmail({ ...common, companyName: evil, headline: "Sage 50 is open as <push>", fixSummary: "Close it & retry", linkUrl: "https://app.example.com/s/tok", expiresAt }),
    ],
    ["digest", supportDigestEmail({ appUrl: common.appUrl, companies: [{ name: evil, problem: "login <clash>", url: "https://app.example.com/support/companies/1" }] })],
  ])("%s: the HTML never carries a company's markup, the text keeps it as written", (name, email) => {
    expect(email.html).not.toContain("<script>");
    expect(email.html).toContain("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; Sons");
    if (name !== "digest") expect(email.html).toContain("Acme &amp; Co");
    expect(email.text).toContain(evil);
    expect(email.html).toContain('src="https://app.example.com/img/logo.png"');
  });

  it("puts the link and its expiry in both versions", () => {
    const email = setupLinkEmail({ ...common, companyName: "Widgets Ltd", linkUrl: "https://app.example.com/s/tok", shortCode: "ABCD-EFGH", expiresAt });
    expect(email.text).toContain("https://app.example.com/s/tok");
    expect(email.text).toContain("ABCD-EFGH");
    expect(email.text).toMatch(/Tuesday,? 15 December 2026/);
    expect(email.html).toContain('href="https://app.example.com/s/tok"');
  });

  it.each([
    ["a logo under /img", "/img/brand/acme-books.png", 'src="https://app.example.com/img/brand/acme-books.png" alt="Acme &amp; Co"'],
    ["an uploaded PNG", `/brand/logo/${"a".repeat(64)}.png`, `src="https://app.example.com/brand/logo/${"a".repeat(64)}.png"`],
    ["an uploaded JPEG", `/brand/logo/${"b".repeat(64)}.jpg`, `src="https://app.example.com/brand/logo/${"b".repeat(64)}.jpg"`],
  ])("a branded email shows the integrator's logo: %s", (_name, logoPath, expected) => {
    const brand = { logoPath, primaryColour: "#0f5132", integratorName: "Acme & Co" };
    const email = setupLinkEmail({ ...common, brand, companyName: "Widgets Ltd", linkUrl: "https://app.example.com/s/tok", shortCode: "ABCD-EFGH", expiresAt });
    expect(email.html).toContain(expected);
    expect(email.html).not.toContain("/img/logo.png");
  });

  it.each([
    ["an uploaded WebP (not shown by several mail clients)", `/brand/logo/${"c".repeat(64)}.webp`],
    ["a path the app does not serve", "https://elsewhere.example/logo.png"],
  ])("a branded email shows the integrator's name instead of %s", (_name, logoPath) => {
    const brand = { logoPath, primaryColour: "#0f5132", integratorName: "Acme & Co" };
    const email = setupLinkEmail({ ...common, brand, companyName: "Widgets Ltd", linkUrl: "https://app.example.com/s/tok", shortCode: "ABCD-EFGH", expiresAt });
    expect(email.html).not.toContain("<img");
    expect(email.html).toContain('<p style="margin:0 0 24px;font-size:18px;font-weight:700">Acme &amp; Co</p>');
  });

  it("never makes a link of anything but http(s)", () => {
    const email = renderEmail({ subject: "s", appUrl: "https://a.example", blocks: [{ button: { label: "Go", url: "javascript:alert(1)" } }] });
    expect(email.html).not.toContain("href=\"javascript");
  });
});
