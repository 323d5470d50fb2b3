import { simControlRoute } from "@/lib/simulator/next-route";

/** Requests per Codat operation. */
export const GET = simControlRoute;
