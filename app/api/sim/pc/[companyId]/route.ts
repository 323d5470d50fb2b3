import { simControlRoute } from "@/lib/simulator/next-route";

/** The simulated PC's state (never a password or hash). */
export const GET = simControlRoute;
