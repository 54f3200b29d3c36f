// When a pane may be typed into: delivery asks one function of this shape. The daemon passes the
// per-agent strategy of src/agents/readiness.ts; tests may pass `noReadiness` to prove it matters.
import type { Readiness, ReadinessInput } from '../agents/readiness.js';

export type { ReadinessInput } from '../agents/readiness.js';
export type ReadinessVerdict = Readiness;

export type ReadinessCheck = (input: ReadinessInput) => ReadinessVerdict;

/** Types at once, whatever the screen shows: only for proving in tests that readiness matters. */
export const noReadiness: ReadinessCheck = () => ({ ready: true, reason: 'readiness disabled' });
