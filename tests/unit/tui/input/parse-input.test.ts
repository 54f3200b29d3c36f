import { describe, expect, it } from 'vitest';
import { parseInput } from '../../../../src/tui/input/parse-input.js';
import { bytes, summarize } from './summarize.js';

describe('parseInput', () => {
  it.each<[string, string, string[]]>([
    ['a plain letter', 'j', ['key:j']],
    ['each character separately', 'ls', ['key:l', 'key:s']],
    ['an upper-case letter', 'G', ['key:G']],
    ['space', ' ', ['key:space']],
    ['enter (CR)', '\r', ['key:enter']],
    ['ctrl+j (LF)', '\n', ['key:ctrl+j']],
    ['tab', '\t', ['key:tab']],
    ['backspace (DEL)', '\x7f', ['key:backspace']],
    ['backspace (BS)', '\x08', ['key:backspace']],
    ['the prefix ctrl+d', '\x04', ['key:ctrl+d']],
    ['ctrl+c', '\x03', ['key:ctrl+c']],
    ['ctrl+space (NUL)', '\x00', ['key:ctrl+space']],
    ['ctrl+/', '\x1f', ['key:ctrl+/']],
    ['a two-byte character', 'é', ['key:é']],
    ['a three-byte character', '漢', ['key:漢']],
    ['a four-byte emoji', '🙂', ['key:🙂']],
    ['up (normal cursor)', '\x1b[A', ['key:up']],
    ['up (application cursor)', '\x1bOA', ['key:up']],
    ['left', '\x1b[D', ['key:left']],
    ['home (CSI H)', '\x1b[H', ['key:home']],
    ['end (SS3 F)', '\x1bOF', ['key:end']],
    ['ctrl+up', '\x1b[1;5A', ['key:ctrl+up']],
    ['shift+right', '\x1b[1;2C', ['key:shift+right']],
    ['ctrl+alt+shift+left', '\x1b[1;8D', ['key:ctrl+alt+shift+left']],
    ['pageup', '\x1b[5~', ['key:pageup']],
    ['pagedown', '\x1b[6~', ['key:pagedown']],
    ['ctrl+pageup', '\x1b[5;5~', ['key:ctrl+pageup']],
    ['ctrl+pagedown', '\x1b[6;5~', ['key:ctrl+pagedown']],
    ['delete', '\x1b[3~', ['key:delete']],
    ['insert', '\x1b[2~', ['key:insert']],
    ['f1 (SS3)', '\x1bOP', ['key:f1']],
    ['f5', '\x1b[15~', ['key:f5']],
    ['f12', '\x1b[24~', ['key:f12']],
    ['shift+f5', '\x1b[15;2~', ['key:shift+f5']],
    ['linux console f1', '\x1b[[A', ['key:unknown']],
    ['shift+tab', '\x1b[Z', ['key:shift+tab']],
    ['alt+x', '\x1bx', ['key:alt+x']],
    ['alt+X', '\x1bX', ['key:alt+X']],
    ['alt+enter', '\x1b\r', ['key:alt+enter']],
    ['ctrl+alt+a', '\x1b\x01', ['key:ctrl+alt+a']],
    ['alt+é', '\x1bé', ['key:alt+é']],
    ['escape then up', '\x1b\x1b[A', ['key:escape', 'key:up']],
    ['keys around a sequence', 'a\x1b[Bb', ['key:a', 'key:down', 'key:b']],
    ['focus in', '\x1b[I', ['focus:in']],
    ['focus out', '\x1b[O', ['focus:out']],
    ['an unknown CSI', '\x1b[?1;2c', ['key:unknown']],
    ['an OSC reply ended by BEL', '\x1b]11;rgb:0000/0000/0000\x07x', ['key:unknown', 'key:x']],
    ['an OSC reply ended by ST', '\x1b]10;rgb:ffff/ffff/ffff\x1b\\', ['key:unknown']],
    ['a paste', '\x1b[200~hello\x1b[201~', ['paste:hello']],
    ['a paste hides the prefix and escapes', 'a\x1b[200~x\x04\x1b[A\x1b[201~b', ['key:a', 'paste:x\x04\x1b[A', 'key:b']],
    ['an empty paste', '\x1b[200~\x1b[201~', ['paste:']],
    ['a stray paste end', '\x1b[201~q', ['key:q']],
    ['SGR left press', '\x1b[<0;10;5M', ['mouse:press:0@10,5']],
    ['SGR left release', '\x1b[<0;10;5m', ['mouse:release:0@10,5']],
    ['SGR right press with ctrl', '\x1b[<18;1;2M', ['mouse:press:2@1,2:ctrl']],
    ['SGR drag', '\x1b[<32;11;5M', ['mouse:drag:0@11,5']],
    ['SGR motion without button', '\x1b[<35;11;5M', ['mouse:move:3@11,5']],
    ['SGR wheel up', '\x1b[<64;3;4M', ['mouse:wheel:64@3,4']],
    ['SGR wheel down with shift', '\x1b[<69;3;4M', ['mouse:wheel:65@3,4:shift']],
    ['SGR malformed', '\x1b[<0;10M', ['key:unknown']],
    ['X10 press', '\x1b[M *%', ['mouse:press:0@10,5']],
    ['X10 release', '\x1b[M#*%', ['mouse:release:3@10,5']],
  ])('%s', (_name, input, expected) => {
    const result = parseInput(Buffer.from(input, 'utf8'));
    expect(result.events.map(summarize)).toEqual(expected);
    expect(result.pending.length).toBe(0);
  });

  it('decodes X10 coordinates past 95 from raw bytes, not UTF-8', () => {
    const result = parseInput(Buffer.from([0x1b, 0x5b, 0x4d, 0x20, 0x20 + 200, 0x20 + 3]));
    expect(result.events.map(summarize)).toEqual(['mouse:press:0@200,3']);
  });

  it.each<[string, string, string[], string]>([
    ['a lone ESC', '\x1b', [], '\x1b'],
    ['half a CSI', 'a\x1b[1;', ['key:a'], '\x1b[1;'],
    ['half an SS3', '\x1bO', [], '\x1bO'],
    ['half an SGR mouse report', '\x1b[<0;1', [], '\x1b[<0;1'],
    ['half an X10 mouse report', '\x1b[M ', [], '\x1b[M '],
    ['an open paste', '\x1b[200~abc', [], '\x1b[200~abc'],
    ['a paste whose end marker is cut', '\x1b[200~abc\x1b[20', [], '\x1b[200~abc\x1b[20'],
    ['an open OSC', '\x1b]11;rgb', [], '\x1b]11;rgb'],
  ])('keeps %s for the next chunk', (_name, input, events, pending) => {
    const result = parseInput(bytes(input));
    expect(result.events.map(summarize)).toEqual(events);
    expect(result.pending.toString('utf8')).toBe(pending);
  });

  it.each<[string, number[], string[], number]>([
    ['the first byte of é', [0xc3], [], 1],
    ['two of three bytes of 漢', [0xe6, 0xbc], [], 2],
    ['three of four bytes of an emoji', [0xf0, 0x9f, 0x99], [], 3],
    ['a stray continuation byte', [0x80, 0x61], ['key:unknown', 'key:a'], 0],
    ['a lead byte followed by ASCII', [0xc3, 0x61], ['key:unknown', 'key:a'], 0],
  ])('UTF-8: %s', (_name, input, events, pendingLength) => {
    const result = parseInput(Buffer.from(input));
    expect(result.events.map(summarize)).toEqual(events);
    expect(result.pending.length).toBe(pendingLength);
  });

  it.each<[string, string, string[]]>([
    ['a lone ESC is Escape', '\x1b', ['key:escape']],
    ['ESC [ is alt+[', '\x1b[', ['key:alt+[']],
    ['ESC O is alt+O', '\x1bO', ['key:alt+O']],
    ['ESC ] is alt+]', '\x1b]', ['key:alt+]']],
    ['ESC P is alt+P', '\x1bP', ['key:alt+P']],
    ['a half CSI splits into keys', '\x1b[1;', ['key:alt+[', 'key:1', 'key:;']],
  ])('flush: %s', (_name, input, expected) => {
    const result = parseInput(bytes(input), { flush: true });
    expect(result.events.map(summarize)).toEqual(expected);
    expect(result.pending.length).toBe(0);
  });

  it('flush keeps an open paste waiting', () => {
    const result = parseInput(bytes('\x1b[200~abc'), { flush: true });
    expect(result.events).toEqual([]);
    expect(result.pending.toString()).toBe('\x1b[200~abc');
  });

  it('continues a paste whose start marker was consumed', () => {
    const result = parseInput(bytes('rest\x1b[201~x'), { inPaste: true });
    expect(result.events.map(summarize)).toEqual(['paste:rest', 'key:x']);
  });

  it('keeps every byte of keys, so forwarding the raw bytes reproduces the input', () => {
    const input = Buffer.concat([bytes('ls -la\r\x1b[A\x1bOB\x1bx\x03é\x1b[15;2~'), Buffer.from([0x80])]);
    const result = parseInput(input);
    const raws = result.events.map((event) => (event.kind === 'paste' ? event.data : event.raw));
    expect(Buffer.concat(raws).equals(input)).toBe(true);
  });
});
