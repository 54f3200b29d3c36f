// The protocol version alone, without the schemas: `dot-agent-deck hook` runs in every agent hook
// and must not pay for loading zod just to say hello (issue #6: a hook exits in ~50 ms).
// Bump it on any incompatible change; peers refuse a mismatch in the handshake.
const RELEASED_PROTOCOL_VERSION = 2;

/**
 * For tests only: a deck world whose processes all set DOT_AGENT_DECK_TEST_PROTOCOL_VERSION
 * speaks that version instead, so a test can stand for "this deck was upgraded while an older
 * daemon runs" (a daemon and a client with different values refuse each other) without
 * building two releases. Nothing a user runs sets it.
 */
function testOverride(value: string | undefined): number | null {
  if (value === undefined || !/^\d{1,6}$/.test(value)) return null;
  return Number(value);
}

export const PROTOCOL_VERSION = testOverride(process.env.DOT_AGENT_DECK_TEST_PROTOCOL_VERSION) ?? RELEASED_PROTOCOL_VERSION;
