// How a worker says its task ended (`work-done --outcome`), shared by the wire, the journal and
// the cards. Only `done` is a finished task; the others close the task too and say why it is not.
import { z } from 'zod';

export const Outcome = z.enum(['done', 'blocked', 'failed', 'needs-human']);
export type Outcome = z.infer<typeof Outcome>;
