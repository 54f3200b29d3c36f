// When a pane may be typed into: delivery asks one function of this shape. The daemon passes the
// per-agent strategy of src/agents/readiness.ts; tests may pass `noReadiness` to prove it matters.
import type { CursorPosition, PaneModes } from '../protocol/pane-types.js';

export interface ReadinessInput {
  agentType: string | null;
  screenText: string[];
  cursor: CursorPosition;
  modes: PaneModes;
  /** Milliseconds since the pane last printed anything. */
  quietMs: number;
  lastHookEvent?: string;
}

export interface ReadinessVerdict {
  ready: boolean;
  reason: string;
}

export type ReadinessCheck = (input: ReadinessInput) => ReadinessVerdict;

/** Types at once, whatever the screen shows: only for proving in tests that readiness matters. */
export const noReadiness: ReadinessCheck = () => ({ ready: true, reason: 'readiness disabled' });
