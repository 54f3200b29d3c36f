// scripts/bundle-builtins.mjs: esbuild's imports of built-ins as requires of the deck loader's
// require, and the few that load on their first call (LAZY_BUILTINS).
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
// @ts-expect-error: a build script, plain JavaScript
import { requireBuiltins } from '../../../scripts/bundle-builtins.mjs';

type Transform = (code: string, out: string) => string;
const transform = requireBuiltins as Transform;

const builtin = createRequire(import.meta.url);

/** Runs a transformed body with a require that records what it loaded. */
function run(body: string): { loaded: string[]; value: unknown } {
  const loaded: string[] = [];
  const require = (id: string): unknown => {
    loaded.push(id);
    return builtin(id);
  };
  const value = new Function('require', body)(require) as unknown;
  return { loaded, value };
}

describe('requireBuiltins', () => {
  it.each([
    ['import{join as j,sep}from"node:path";', 'const{join:j,sep}=require("node:path");'],
    ['import fs from"node:fs";', 'const fs=require("node:fs");'],
    ['import*as os from"node:os";', 'const os=require("node:os");'],
    ['import{randomUUID}from"node:crypto";', 'const{randomUUID}=require("node:crypto");'],
  ])('%s', (code, expected) => {
    expect(transform(code, 'deck.js')).toBe(expected);
  });

  it('refuses an import that is not a built-in', () => {
    expect(() => transform('import x from"zod";', 'deck.js')).toThrow(/deck\.js: unexpected import/);
  });

  it('loads a lazy built-in on the first call of its function, not when the bundle starts', () => {
    const body = `${transform('import{randomBytes as rb}from"node:crypto";import{serialize}from"node:v8";', 'deck.js')}\nreturn { rb, serialize };`;
    const { loaded, value } = run(body);
    expect(loaded).toEqual([]);
    const { rb, serialize } = value as { rb: (size: number) => Buffer; serialize: (value: unknown) => Buffer };
    expect(rb(8)).toHaveLength(8);
    expect(loaded).toEqual(['node:crypto']);
    expect(serialize({ a: 1 })).toBeInstanceOf(Buffer);
    expect(loaded).toEqual(['node:crypto', 'node:v8']);
  });
});
