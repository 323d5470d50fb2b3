import { AppError } from "@/lib/errors";
import type { Actor, StaffActor } from "@/lib/auth/actor";

/** Support actions are staff actions: the permission table already says so; this makes the type say it too. */
export function asStaff(actor: Actor): StaffActor {
  if (actor.type !== "staff") throw new AppError("forbidden", "Only staff can do this.");
  return actor;
}
