/**
 * A body's bytes, refused as soon as there are more than `maxBytes` of them: no more than the limit
 * is ever held in memory. For requests to us and for answers we receive alike.
 */
export async function readLimitedBytes(
  body: ReadableStream<Uint8Array> | null,
  maxBytes: number,
  tooLarge: () => Error,
): Promise<Buffer<ArrayBuffer>> {
  if (!body) return Buffer.alloc(0);
  const reader = body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel().catch(() => undefined);
      throw tooLarge();
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks);
}

/**
 * A request body as text, refused as soon as it is larger than `maxBytes`, whether the size is
 * declared (Content-Length) or only found while reading a chunked body.
 */
export async function readLimitedText(req: Request, maxBytes: number, tooLarge: () => Error): Promise<string> {
  if (Number(req.headers.get("content-length") ?? "0") > maxBytes) throw tooLarge();
  return new TextDecoder().decode(await readLimitedBytes(req.body, maxBytes, tooLarge));
}
