import { simControlRoute } from "@/lib/simulator/next-route";

/** A pull-only company already linked with the everyday login (for the upgrade flow). */
export const POST = simControlRoute;
