import { simControlRoute } from "@/lib/simulator/next-route";

/** Runs one simulator tick now (pushes, webhooks, counters). */
export const POST = simControlRoute;
