import { describe, expect, it } from "vitest";
import { DOCUMENTED_SAGE50_VERSION_NOTE, sage50VersionNotes } from "./sage-version-notes";

describe("sage50VersionNotes", () => {
  it("shows the options' own notes, warnings first, without repeats or blanks", () => {
    const notes = sage50VersionNotes({ information: ["Versions before v22 cannot be written to.", " "], warnings: ["This file is v21.", "This file is v21."] });
    expect(notes).toEqual({ source: "codat", notes: ["This file is v21.", "Versions before v22 cannot be written to."] });
  });

  it("falls back to the documented minimum when the options are unread or say nothing", () => {
    expect(sage50VersionNotes(null)).toEqual({ source: "documented", notes: [DOCUMENTED_SAGE50_VERSION_NOTE] });
    expect(sage50VersionNotes({ information: [], warnings: [] }).source).toBe("documented");
    expect(DOCUMENTED_SAGE50_VERSION_NOTE).toMatch(/v22/);
  });
});
