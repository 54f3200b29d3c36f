// Imported first by cli/deck-entry.ts: zod without its JIT in the deck's process. zod reads the
// setting when a schema is constructed, so it must run before any schema module does.
// With the JIT, each object schema's first parse generates and compiles a parser (`new Function`,
// never in the deck's code cache): a full pane frame's first parse took 8–14 ms with it, 4–6 ms
// without, and later parses the same (~65 µs for 48 rows; load 7–9, issue #17 item 1).
import { z } from 'zod';

z.config({ jitless: true });
