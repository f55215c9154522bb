/**
 * The wait before retry number `attempt` (from 0): 0.5 s, 1 s, 2 s … up to `max`, each with
 * jitter, so that the clients of a server that comes back do not all retry in the same instant.
 * @example setTimeout(retry, backoff(failures++, 30000))
 */
export const backoff = (attempt: number, max: number): number => {
  const base = Math.min(max, 500 * 2 ** attempt);
  return base / 2 + Math.random() * (base / 2);
};
