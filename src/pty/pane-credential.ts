// A pane's credential: a secret only that pane's environment holds. It is an HMAC of the pane and
// agent ids under a secret the daemon draws at start, so it changes with every (re)spawn, is never
// listed (`ls` shows agent ids, not credentials), and a process of another pane cannot forge it.
import { createHmac, timingSafeEqual } from 'node:crypto';

export function paneToken(secret: string, paneId: string, agentId: string): string {
  return createHmac('sha256', secret).update(`${paneId}\0${agentId}`).digest('hex');
}

export function tokenMatches(secret: string, paneId: string, agentId: string, token: string): boolean {
  const expected = Buffer.from(paneToken(secret, paneId, agentId));
  const given = Buffer.from(token);
  return given.length === expected.length && timingSafeEqual(given, expected);
}
