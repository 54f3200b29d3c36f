// The submit sequence every typed line goes through: text, pause, a lone Enter.
import { describe, expect, it } from 'vitest';
import { lineBytes, SUBMIT_PAUSE_MS, typeAndSubmit } from '../../../src/pty/submit-line.js';

function recorder() {
  const steps: string[] = [];
  return {
    steps,
    write: (data: string) => void steps.push(`write ${JSON.stringify(data)}`),
    sleep: async (ms: number) => void steps.push(`sleep ${ms}`),
  };
}

describe('typeAndSubmit', () => {
  it.each<[string, string, number | undefined, string[]]>([
    ['text, the default pause, then Enter on its own', 'hello', undefined, ['write "hello"', `sleep ${SUBMIT_PAUSE_MS}`, 'check', 'write "\\r"']],
    ['a given pause', 'hi', 20, ['write "hi"', 'sleep 20', 'check', 'write "\\r"']],
    ['no text: a lone Enter without a pause', '', undefined, ['check', 'write "\\r"']],
  ])('%s', async (_name, text, pauseMs, expected) => {
    const r = recorder();
    await typeAndSubmit({ ...r, beforeEnter: () => void r.steps.push('check') }, text, pauseMs);
    expect(r.steps).toEqual(expected);
  });

  it('presses no Enter when the check before it throws', async () => {
    const r = recorder();
    const typing = typeAndSubmit(
      {
        ...r,
        beforeEnter: () => {
          throw new Error('the pane was restarted');
        },
      },
      'task',
    );
    await expect(typing).rejects.toThrow('the pane was restarted');
    expect(r.steps).toEqual(['write "task"', `sleep ${SUBMIT_PAUSE_MS}`]);
  });

  it('leaves Enter unpressed when the check before it says no (the text did not show)', async () => {
    const r = recorder();
    const pressed = await typeAndSubmit({ ...r, beforeEnter: async () => false }, 'task');
    expect(pressed).toBe(false);
    expect(r.steps).toEqual(['write "task"', `sleep ${SUBMIT_PAUSE_MS}`]);
  });
});

describe('lineBytes', () => {
  it.each([
    ['an agent that takes pastes, mode on: wrapped', true, true, '\x1b[200~is it? yes\x1b[201~'],
    ['mode off: typed as keys', true, false, 'is it? yes'],
    ['an agent that takes keys: as is', false, true, 'is it? yes'],
  ])('%s', (_name, asPaste, bracketedPaste, expected) => {
    expect(lineBytes('is it? yes', asPaste, bracketedPaste)).toBe(expected);
  });
});
