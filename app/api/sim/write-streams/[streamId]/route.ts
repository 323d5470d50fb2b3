import { simControlRoute } from "@/lib/simulator/next-route";

/** One write stream: how far it got; DELETE stops it. */
export const GET = simControlRoute;
export const DELETE = simControlRoute;
