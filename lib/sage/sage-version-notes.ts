/**
 * What the client is told about Sage 50 versions where they check theirs: the notes the connection's
 * supplier push options carry for the record as a whole (Codat's Sage 50 options say there which
 * versions can be written to), or, before a connection exists or when the options cannot be read,
 * the documented minimum in our words.
 */
export type Sage50VersionNotes = {
  source: "codat" | "documented";
  notes: string[];
};

/** The documented minimum for writing to Sage 50, in our words. */
export const DOCUMENTED_SAGE50_VERSION_NOTE =
  "Sending data needs Sage 50 2016 (v22) or later. Sage 50 2015 (v21) and older can share data but cannot be written to: upgrade first, then re-sync the company in the connector.";

/** Notes as read from the options (`information` and `warnings` of the whole record); null when unread. */
export function sage50VersionNotes(options: { information: readonly string[]; warnings: readonly string[] } | null): Sage50VersionNotes {
  const notes = options ? [...new Set([...options.warnings, ...options.information].map((n) => n.trim()).filter((n) => n !== ""))] : [];
  return notes.length ? { source: "codat", notes } : { source: "documented", notes: [DOCUMENTED_SAGE50_VERSION_NOTE] };
}
