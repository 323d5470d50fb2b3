import { simControlRoute } from "@/lib/simulator/next-route";

/** Multi-company mode: put the company's data file on another company's PC (`{ hostCompanyId }`, null: its own PC). */
export const PUT = simControlRoute;
