// The protocol version alone, without the schemas: `dot-agent-deck hook` runs in every agent hook
// and must not pay for loading zod just to say hello (issue #6: a hook exits in ~50 ms).
// Bump it on any incompatible change; peers refuse a mismatch in the handshake.
export const PROTOCOL_VERSION = 1;
