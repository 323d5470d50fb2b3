/** Cuts `text` to at most `max` characters, at the last space when that keeps at least half of it. */
export function cutToLength(text: string, max: number): string {
  if (text.length <= max) return text;
  const hard = text.slice(0, max);
  const lastSpace = hard.lastIndexOf(" ");
  const atWord = text.charAt(max) === " " ? hard : lastSpace >= max / 2 ? hard.slice(0, lastSpace) : hard;
  // Never leave half of a surrogate pair (an emoji cut in two) at the end.
  return atWord.replace(/[\uD800-\uDBFF]$/, "").trimEnd();
}
