/** Our own backstop after Codat's timeout: a push still pending then is marked timed out by us. */
export const TEST_PUSH_GRACE_MS = 60_000;
/** However many browsers poll, Codat is asked about one push at most this often. */
export const TEST_PUSH_REFRESH_INTERVAL_MS = 5_000;
/** A push that never got a key from Codat after this long is given up (the start crashed mid-way). */
export const TEST_PUSH_START_STALE_MS = 60_000;
/** After our deadline, a push still followed for a late answer is asked about at most this often. */
export const TEST_PUSH_LATE_REFRESH_INTERVAL_MS = 60_000;
