// Reads the shape of a zod schema at a key path: which keys a table accepts (for "did you
// mean" and "this is a top-level setting") and what type a single setting has (for
// `config set`). Only the wrappers our config schemas use are unwrapped.
import { z } from 'zod';
import type { PathSegments } from './config-issue.js';

type AnySchema = z.ZodType;

/** Strips optional/default/prefault/nullable wrappers and transforms. */
export function unwrapSchema(schema: AnySchema): AnySchema {
  let current = schema;
  for (;;) {
    if (current instanceof z.ZodOptional || current instanceof z.ZodNullable) current = current.unwrap() as AnySchema;
    else if (current instanceof z.ZodDefault || current instanceof z.ZodPrefault) current = current.unwrap() as AnySchema;
    // A transform (e.g. the bell folding the original's key names into ours) reads its input's shape.
    else if (current instanceof z.ZodPipe) current = current.in as AnySchema;
    else return current;
  }
}

/** The schema found by following `path` (numbers step into arrays), or undefined. */
export function schemaAt(schema: AnySchema, path: PathSegments): AnySchema | undefined {
  let current: AnySchema | undefined = unwrapSchema(schema);
  for (const segment of path) {
    if (current === undefined) return undefined;
    if (typeof segment === 'number') {
      current = current instanceof z.ZodArray ? unwrapSchema(current.element as AnySchema) : undefined;
    } else if (current instanceof z.ZodObject) {
      const child = (current.shape as Record<string, AnySchema>)[segment];
      current = child === undefined ? undefined : unwrapSchema(child);
    } else {
      return undefined;
    }
  }
  return current;
}

/** The keys a table at `path` accepts; empty when `path` is not a table of the schema. */
export function keysAt(schema: AnySchema, path: PathSegments): string[] {
  const table = schemaAt(schema, path);
  return table instanceof z.ZodObject ? Object.keys(table.shape as object) : [];
}

/** Every leaf setting as a dotted key (`bell.enabled`), in schema order. Arrays count as leaves. */
export function leafKeys(schema: AnySchema, prefix: string[] = []): string[] {
  const node = unwrapSchema(schema);
  if (!(node instanceof z.ZodObject)) return [prefix.join('.')];
  return Object.entries(node.shape as Record<string, AnySchema>).flatMap(([key, child]) => leafKeys(child, [...prefix, key]));
}
