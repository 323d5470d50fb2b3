import { PassThrough } from "node:stream";
import { describe, expect, it } from "vitest";
import { PasswordEntryCancelled, readNewPassword, type CommandIo } from "./read-password";

/** A terminal that types `keys` in turn, once each prompt is shown; records raw mode and what was echoed. */
function terminal(keys: string[]) {
  const stdin = Object.assign(new PassThrough(), { isTTY: true, rawModes: [] as boolean[], setRawMode(raw: boolean) { this.rawModes.push(raw); } });
  const stderr = new PassThrough();
  let shown = "";
  stderr.on("data", (c: Buffer) => {
    shown += c.toString();
    if (c.toString().endsWith(": ")) setImmediate(() => stdin.write(keys.shift() ?? ""));
  });
  const io: CommandIo = { stdin, stdout: new PassThrough(), stderr };
  return { io, stdin, shown: () => shown };
}

describe("reading a new password", () => {
  it("at a terminal: typed twice, never echoed; backspace deletes, arrow keys are ignored", async () => {
    const t = terminal(["secret pass\u007fs word\r", "\u001b[Asecret pass word\r"]);
    expect(await readNewPassword(t.io, "New password")).toBe("secret pass word");
    expect(t.shown()).not.toContain("secret");
    expect(t.stdin.rawModes).toEqual([true, false, true, false]);
  });

  it("at a terminal: two different entries give null", async () => {
    const t = terminal(["first entry here\r", "second entry here\r"]);
    expect(await readNewPassword(t.io, "New password")).toBeNull();
  });

  it("at a terminal: Ctrl-C cancels and leaves raw mode", async () => {
    const t = terminal(["half\u0003"]);
    await expect(readNewPassword(t.io, "New password")).rejects.toBeInstanceOf(PasswordEntryCancelled);
    expect(t.stdin.rawModes).toEqual([true, false]);
  });

  it("piped: the first line, without its line ending", async () => {
    const stdin = new PassThrough();
    stdin.end("piped pass phrase\r\nignored second line\n");
    expect(await readNewPassword({ stdin, stdout: new PassThrough(), stderr: new PassThrough() }, "New password")).toBe("piped pass phrase");
  });
});
