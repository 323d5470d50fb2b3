/** Where a command reads and writes: the process's own streams, or a test's. */
export type CommandIo = {
  stdin: NodeJS.ReadableStream & { isTTY?: boolean; setRawMode?: (raw: boolean) => unknown };
  stdout: NodeJS.WritableStream;
  stderr: NodeJS.WritableStream;
};

export class PasswordEntryCancelled extends Error {
  override name = "PasswordEntryCancelled";
}

/**
 * A password for a command: typed at the terminal, not shown, and typed twice (null when the two
 * differ); or, when stdin is not a terminal (a pipe, for automation), its first line.
 */
export async function readNewPassword(io: CommandIo, label: string): Promise<string | null> {
  if (!io.stdin.isTTY || !io.stdin.setRawMode) return readFirstLine(io.stdin);
  const first = await readHidden(io, `${label}: `);
  const second = await readHidden(io, "Type it again: ");
  return first === second ? first : null;
}

async function readFirstLine(stdin: NodeJS.ReadableStream): Promise<string> {
  let text = "";
  for await (const chunk of stdin) {
    text += typeof chunk === "string" ? chunk : Buffer.from(chunk).toString("utf8");
    if (text.includes("\n")) break;
  }
  return text.split(/\r?\n/)[0] ?? "";
}

// eslint-disable-next-line no-control-regex -- matching terminal control sequences is the point
const ESCAPE_SEQUENCE = /\u001b(\[[0-9;?]*[ -/]*[@-~]|O.|.)?/g;

/** Reads one line in raw mode, echoing nothing; Ctrl-C cancels, backspace deletes. */
function readHidden(io: CommandIo, prompt: string): Promise<string> {
  const { stdin, stderr } = io;
  return new Promise((resolve, reject) => {
    let value = "";
    stderr.write(prompt);
    stdin.setRawMode?.(true);
    stdin.setEncoding("utf8");
    stdin.resume();
    const finish = (err?: Error) => {
      stdin.off("data", onData);
      stdin.setRawMode?.(false);
      stdin.pause();
      stderr.write("\n");
      if (err) reject(err);
      else resolve(value);
    };
    const onData = (chunk: string | Buffer) => {
      // Arrow and function keys send escape sequences: not part of a password.
      const text = String(chunk).replace(ESCAPE_SEQUENCE, "");
      for (const ch of text) {
        if (ch === "\r" || ch === "\n" || ch === "\u0004") return finish();
        if (ch === "\u0003") return finish(new PasswordEntryCancelled("Cancelled."));
        if (ch === "\u007f" || ch === "\b") value = [...value].slice(0, -1).join("");
        else if (ch >= " ") value += ch;
      }
    };
    stdin.on("data", onData);
  });
}
