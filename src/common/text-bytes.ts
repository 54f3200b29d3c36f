// Whether bytes are text an agent can read: UTF-8, and no NUL. Task and report files are pasted
// into agents' prompts and kept in the journal's files; a binary file passed by mistake would
// arrive as mojibake (or cut at the NUL by the agent's terminal), so it is refused with the
// offset of the first bad byte instead.
import { isUtf8 } from 'node:buffer';

export type TextProblem = { kind: 'nul' | 'invalid-utf8'; offset: number };

export function findTextProblem(bytes: Uint8Array): TextProblem | null {
  const nul = bytes.indexOf(0);
  if (isUtf8(bytes)) return nul === -1 ? null : { kind: 'nul', offset: nul };
  const invalid = firstInvalidUtf8(bytes);
  return nul !== -1 && nul < invalid ? { kind: 'nul', offset: nul } : { kind: 'invalid-utf8', offset: invalid };
}

/** The offset of the first byte that does not start or continue a well-formed UTF-8 sequence
 *  (Unicode 15, table 3-7: no overlongs, no surrogates, nothing past U+10FFFF). */
function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i]!;
    if (b < 0x80) {
      i++;
      continue;
    }
    let length: number;
    let low = 0x80;
    let high = 0xbf;
    if (b >= 0xc2 && b <= 0xdf) length = 2;
    else if (b >= 0xe0 && b <= 0xef) {
      length = 3;
      if (b === 0xe0) low = 0xa0;
      if (b === 0xed) high = 0x9f;
    } else if (b >= 0xf0 && b <= 0xf4) {
      length = 4;
      if (b === 0xf0) low = 0x90;
      if (b === 0xf4) high = 0x8f;
    } else return i;
    for (let k = 1; k < length; k++) {
      const c = bytes[i + k];
      const min = k === 1 ? low : 0x80;
      const max = k === 1 ? high : 0xbf;
      if (c === undefined || c < min || c > max) return i;
    }
    i += length;
  }
  return bytes.length;
}
