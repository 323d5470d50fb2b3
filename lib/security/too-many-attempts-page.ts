/**
 * The 429 page for a setup link opened after too many failed link attempts from one address: a
 * route handler cannot render the app's React pages, so this is a small standalone document (no
 * scripts, no inline styles: it passes the app's Content-Security-Policy as it is).
 */
export function tooManyAttemptsPage(retryAfterSeconds: number): Response {
  const minutes = Math.max(1, Math.ceil(retryAfterSeconds / 60));
  const wait = minutes === 1 ? "a minute" : `${minutes} minutes`;
  const html = `<!doctype html>
<html lang="en-GB">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Too many attempts · Sage 50 push setup</title></head>
<body>
<main id="main">
<h1>Too many attempts from this network</h1>
<p>Several setup links or codes that do not work were tried from this network, so we paused link sign-ins for a while to keep companies safe.</p>
<p>Wait ${wait}, then open your setup link again. If it still does not work, ask for a new link.</p>
<p><a href="/">Go to the start page</a></p>
</main>
</body>
</html>
`;
  return new Response(html, {
    status: 429,
    headers: { "Content-Type": "text/html; charset=utf-8", "Retry-After": String(retryAfterSeconds), "Cache-Control": "no-store" },
  });
}
