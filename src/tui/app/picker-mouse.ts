// The mouse in the new-pane dialog's directory picker: a click puts the cursor on a row, a click
// on the row under the cursor (so also a double click) opens it as Enter does, the wheel moves
// the cursor. Each becomes the keys that do the same, found with the arithmetic that draws the rows.
import type { KeyEvent, MouseEvent } from '../input/input-event.js';
import type { Rect } from '../layout/deck-layout.js';
import { pickerView, type NewPaneDialog } from '../state/dialogs/new-pane-dialog.js';

/** Rows a wheel notch moves, as in most lists. */
const WHEEL_ROWS = 3;
/** DialogFrame: the top border, the title and a blank line come before the body; the footer and
 *  the bottom border after it. */
const BODY_TOP = 3;
const FRAME_ROWS = 5;

const keys = (key: string, count: number): KeyEvent[] => Array.from({ length: count }, () => ({ kind: 'key', key, raw: Buffer.alloc(0) }));

/** The keys a mouse event in the picker stands for; null when it is not on the picker. */
export function pickerMouse(dialog: NewPaneDialog, rect: Rect, event: MouseEvent): KeyEvent[] | null {
  if (dialog.step !== 'pick') return null;
  const { x, y } = event;
  if (x < rect.x || x >= rect.x + rect.cols || y < rect.y || y >= rect.y + rect.rows) return null;
  const picker = dialog.picker;
  if (event.action === 'wheel') return event.button === 64 ? keys('up', WHEEL_ROWS) : event.button === 65 ? keys('down', WHEEL_ROWS) : null;
  if (event.action !== 'press' || event.button !== 0) return null;
  const view = pickerView(picker, rect.rows - FRAME_ROWS);
  const line = y - rect.y - BODY_TOP - view.header;
  if (line < 0 || line >= view.shown) return null;
  const index = view.first + line;
  // While the filter is typed, the first Enter ends the typing and the second opens the row.
  if (index === picker.index) return keys('enter', picker.filterField ? 2 : 1);
  return index > picker.index ? keys('down', index - picker.index) : keys('up', picker.index - index);
}
