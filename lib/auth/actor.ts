import type { Role } from "./permissions";

/** Who is acting, resolved from the session and checked against the database. */
export type StaffActor = { type: "staff"; id: string; role: Exclude<Role, "client">; name: string; email: string };
export type ClientActor = { type: "client"; role: "client"; companyId: string; linkId: string };
export type Actor = StaffActor | ClientActor;

/** How an actor is written into the event log. */
export function actorRef(actor: Actor | { type: "system" } | { type: "codat" } | { type: "integrator"; id: string }) {
  switch (actor.type) {
    case "staff":
      return { actorType: "staff" as const, actorId: actor.id, actorLabel: `${actor.name} (${actor.role})` };
    case "client":
      return { actorType: "client" as const, actorId: actor.linkId, actorLabel: "Client" };
    case "integrator":
      return { actorType: "integrator" as const, actorId: actor.id, actorLabel: "Integrator API" };
    case "codat":
      return { actorType: "codat" as const, actorId: null, actorLabel: "Codat" };
    default:
      return { actorType: "system" as const, actorId: null, actorLabel: "System" };
  }
}
export type ActorRef = ReturnType<typeof actorRef>;
