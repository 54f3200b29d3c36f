// TOML text → plain data, or one syntax problem located at the line and column the parser gave.
import TOML from '@iarna/toml';
import { caretSnippet, type ConfigIssue } from './config-issue.js';
import { checkTomlDepth } from './toml-depth.js';

export type TomlTable = Record<string, unknown>;

export type TomlParseResult = { ok: true; value: TomlTable } | { ok: false; issue: ConfigIssue };

interface TomlParserError {
  message: string;
  /** 0-based, as @iarna/toml reports them. */
  line: number;
  col: number;
}

function isParserError(error: unknown): error is TomlParserError {
  const e = error as Partial<TomlParserError> | null;
  return typeof e === 'object' && e !== null && typeof e.line === 'number' && typeof e.col === 'number';
}

/** @iarna/toml appends " at row R, col C, pos P:" and its own excerpt; we print our own. */
function bareMessage(message: string): string {
  const cut = message.indexOf(' at row ');
  return (cut === -1 ? message : message.slice(0, cut)).trim();
}

/** The parser's wording for the two mistakes people make most, with what to do about them. */
function withAdvice(message: string): string {
  if (message.startsWith('Unexpected character, expecting string, number')) {
    return `${message} (text values need quotes, e.g. name = "coder")`;
  }
  if (message.startsWith("Can't redefine")) {
    return `${message} (it is already defined above; a repeated table needs [[double brackets]])`;
  }
  return message;
}

export function parseToml(text: string, file: string): TomlParseResult {
  // Before the parser: nesting it would recurse into until the stack overflows.
  const deep = checkTomlDepth(text);
  if (deep) {
    const { line, column, message } = deep;
    return { ok: false, issue: { file, line, column, path: '', message, severity: 'error', snippet: caretSnippet(text, line, column) } };
  }
  try {
    return { ok: true, value: TOML.parse(text) as TomlTable };
  } catch (error) {
    const line = isParserError(error) ? error.line + 1 : 1;
    const column = isParserError(error) ? error.col + 1 : 1;
    const message = error instanceof Error ? bareMessage(error.message) : String(error);
    return {
      ok: false,
      issue: {
        file,
        line,
        column,
        path: '',
        message: `TOML syntax error: ${withAdvice(message)}`,
        severity: 'error',
        snippet: caretSnippet(text, line, column),
      },
    };
  }
}
