/**
 * Next.js runs this in the browser before the page's own code. Zod compiles its object parsers with
 * `new Function` when it may, and finds out by trying once; under our Content-Security-Policy (no
 * 'unsafe-eval') that try is a violation the browser reports, though Zod catches it. Zod reads its
 * settings from this global, so setting `jitless` here, before any schema is made, skips the try
 * without bringing Zod into every page's JavaScript.
 */
type ZodSettingsHolder = { __zod_globalConfig?: Record<string, unknown> };

const holder = globalThis as typeof globalThis & ZodSettingsHolder;
holder.__zod_globalConfig = { ...holder.__zod_globalConfig, jitless: true };

export {};
