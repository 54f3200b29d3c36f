// A record whose values are built on first read and kept: the protocol's per-kind schemas
// (protocol/messages.ts Responses), so a process constructs only the kinds it validates.

export type LazyRecord<T extends Record<string, () => unknown>> = { readonly [K in keyof T]: ReturnType<T[K]> };

export function lazyRecord<T extends Record<string, () => unknown>>(builders: T): LazyRecord<T> {
  const record = {} as LazyRecord<T>;
  for (const key of Object.keys(builders)) {
    Object.defineProperty(record, key, {
      enumerable: true,
      configurable: true,
      get() {
        const value = builders[key]!();
        Object.defineProperty(record, key, { value, enumerable: true, configurable: false, writable: false });
        return value;
      },
    });
  }
  return record;
}
