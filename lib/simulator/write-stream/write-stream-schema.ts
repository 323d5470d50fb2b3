import { z } from "zod";
import { SIM_PUSH_DATA_TYPES } from "../schema";

/** Bounds of one stream: at most 500 writes a second for at most 10 minutes. */
const WRITE_STREAM_MAX_PER_SECOND = 500;
const WRITE_STREAM_MAX_DURATION_S = 600;

/** POST /api/sim/write-streams: a steady stream of the integrator's writes, for load tests. */
export const writeStreamSchema = z.strictObject({
  /** Simulated Codat companies to write to, in turn; default: every company with a Linked connection (at most 100). */
  codatCompanyIds: z.array(z.uuid()).min(1).max(100).optional(),
  perSecond: z.number().int().min(1).max(WRITE_STREAM_MAX_PER_SECOND),
  durationS: z.number().int().min(1).max(WRITE_STREAM_MAX_DURATION_S),
  dataType: z.enum(SIM_PUSH_DATA_TYPES).default("bills"),
  /**
   * The share of writes (0 to 1, spread evenly) sent as suppliers that break Sage 50's record rules,
   * so the simulated PC fails them (`suppliers.write.unsuccessful`) by the same rules as every other push.
   */
  failShare: z.number().min(0).max(1).default(0),
});

export type WriteStreamInput = z.input<typeof writeStreamSchema>;
export type WriteStreamSettings = z.output<typeof writeStreamSchema>;
