/**
 * When a member was last seen in a TwinSpace: the last time they opened it
 * (GET /projects/{id}, which every TwinSpace page reads once). Recording it
 * is a write on a read path, so it is written at most once per
 * `lastSeenResolutionMinutes`: within that window the membership already read
 * says it is recent and nothing is written (no extra round trip), and the
 * teachers reading the roster need no finer clock than that.
 */
export const lastSeenResolutionMinutes = 15;

/** The instant before which a recorded visit is stale enough to write again. */
export function lastSeenThreshold(now: Date): string {
  return new Date(now.getTime() - lastSeenResolutionMinutes * 60_000).toISOString();
}

/** Whether a visit at `now` should be recorded over the one recorded at `lastSeenAt` (if any). */
export function visitWorthRecording(lastSeenAt: string | undefined, now: Date): boolean {
  return lastSeenAt === undefined || lastSeenAt < lastSeenThreshold(now);
}
