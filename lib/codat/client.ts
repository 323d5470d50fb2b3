import { setTimeout as wait } from "node:timers/promises";

/** Node's own abortable timer: the wait between attempts ends at once when the caller cancels. */
const defaultSleep = (ms: number, signal?: AbortSignal): Promise<void> => wait(ms, undefined, { signal });

/** Reported once per HTTP attempt, so callers can count (and time) upstream calls. */
export interface CodatCallEvent {
  method: string;
  /** The spec's path template, e.g. "/companies/{companyId}" (no ids, safe for metrics). */
  path: string;
  attempt: number;
  /** HTTP status, or null when no answer came (network error or timeout). */
  status: number | null;
  outcome: "success" | "http_error" | "network_error" | "timeout";
  durationMs: number;
  willRetry: boolean;
}

export interface CodatClientOptions {
  /** e.g. https://api.codat.io, or the simulator's `${APP_URL}/api/sim/codat`. */
  baseUrl: string;
  apiKey: string;
  /** Per attempt. Default 10 000 ms. */
  timeoutMs?: number;
  /** Attempts in all, first one included. Default 4. */
  maxAttempts?: number;
  /** First backoff ceiling; doubles each retry. Default 250 ms. */
  baseDelayMs?: number;
  /** Longest single wait between attempts. A Retry-After longer than this ends the retries. Default 10 000 ms. */
  maxDelayMs?: number;
  /** Largest answer read, in bytes; a longer one is refused as it streams in. Default 5 MB. */
  maxResponseBytes?: number;
  fetchImpl?: typeof fetch;
  onCall?: (event: CodatCallEvent) => void;
  /** For tests: replaces the real wait between attempts. */
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
  /** For tests: replaces Math.random in the jitter. */
  random?: () => number;
}

/**
 * Connection settings for Codat. The API key lives in a private field: it is not enumerable, not
 * printed by console.log or JSON.stringify, and only `authorizationHeader()` reads it.
 */
export class CodatClient {
  readonly baseUrl: string;
  readonly timeoutMs: number;
  readonly maxAttempts: number;
  readonly baseDelayMs: number;
  readonly maxDelayMs: number;
  readonly maxResponseBytes: number;
  readonly fetchImpl: typeof fetch;
  readonly onCall?: (event: CodatCallEvent) => void;
  readonly sleep: (ms: number, signal?: AbortSignal) => Promise<void>;
  readonly random: () => number;
  readonly #authorization: string;
  readonly #secrets: string[];

  constructor(opts: CodatClientOptions) {
    let url: URL;
    try {
      url = new URL(opts.baseUrl);
    } catch {
      throw new Error("Codat client: baseUrl is not a valid URL");
    }
    if (url.protocol !== "https:" && url.protocol !== "http:") throw new Error("Codat client: baseUrl must be http(s)");
    if (!opts.apiKey) throw new Error("Codat client: apiKey is empty");
    this.baseUrl = opts.baseUrl.replace(/\/+$/, "");
    this.timeoutMs = positive(opts.timeoutMs, 10_000, "timeoutMs");
    this.maxAttempts = Math.floor(positive(opts.maxAttempts, 4, "maxAttempts"));
    this.baseDelayMs = nonNegative(opts.baseDelayMs, 250, "baseDelayMs");
    this.maxDelayMs = nonNegative(opts.maxDelayMs, 10_000, "maxDelayMs");
    this.maxResponseBytes = Math.floor(positive(opts.maxResponseBytes, 5 * 1024 * 1024, "maxResponseBytes"));
    this.fetchImpl = opts.fetchImpl ?? globalThis.fetch.bind(globalThis);
    this.onCall = opts.onCall;
    this.sleep = opts.sleep ?? defaultSleep;
    this.random = opts.random ?? Math.random;
    // Codat's convention: "Basic " + base64 of the API key itself (no user:password pair).
    const encoded = Buffer.from(opts.apiKey, "utf8").toString("base64");
    this.#authorization = `Basic ${encoded}`;
    this.#secrets = [opts.apiKey, encoded].filter((s) => s.length >= 4);
  }

  authorizationHeader(): string {
    return this.#authorization;
  }

  /** Removes the API key (plain or encoded) from text that may end up in an error or a log. */
  redact(text: string): string {
    return this.#secrets.reduce((out, secret) => out.split(secret).join("[redacted]"), text);
  }

  toJSON(): Record<string, unknown> {
    return { baseUrl: this.baseUrl, timeoutMs: this.timeoutMs, maxAttempts: this.maxAttempts };
  }
}

function positive(value: number | undefined, fallback: number, name: string): number {
  if (value === undefined) return fallback;
  if (!Number.isFinite(value) || value <= 0) throw new Error(`Codat client: ${name} must be a positive number`);
  return value;
}

function nonNegative(value: number | undefined, fallback: number, name: string): number {
  if (value === undefined) return fallback;
  if (!Number.isFinite(value) || value < 0) throw new Error(`Codat client: ${name} must be zero or more`);
  return value;
}

export function createCodatClient(opts: CodatClientOptions): CodatClient {
  return new CodatClient(opts);
}
