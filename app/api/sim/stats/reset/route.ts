import { simControlRoute } from "@/lib/simulator/next-route";

/** Zeroes the request counters. */
export const POST = simControlRoute;
