// What `dot-agent-deck agent-event` reports for its own pane: a status word, and the tool and a
// detail if the program names them. Bounded, so a card never carries an essay.
import { z } from 'zod';

export const REPORTED_STATUSES = ['working', 'thinking', 'idle', 'needs-input', 'blocked'] as const;
export const ReportedStatus = z.enum(REPORTED_STATUSES);
export type ReportedStatus = z.infer<typeof ReportedStatus>;

export const MAX_REPORT_TOOL = 100;
export const MAX_REPORT_DETAIL = 300;

/** Text a card can show on one line: no control characters (an escape sequence must not reach a
 *  terminal through a card). */
const OneLine = (max: number) =>
  z
    .string()
    .min(1)
    .max(max)
    .refine((text) => !/[\u0000-\u001f\u007f-\u009f]/.test(text), 'must be one line of text without control characters');

export const AgentReport = z.object({
  status: ReportedStatus,
  tool: OneLine(MAX_REPORT_TOOL).nullable(),
  detail: OneLine(MAX_REPORT_DETAIL).nullable(),
});
export type AgentReport = z.infer<typeof AgentReport>;
