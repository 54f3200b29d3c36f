// What opencode reads to decide whether to `npm install` into a config dir at start (1.18.33,
// read from its binary and checked offline): it installs when the dir has no `node_modules`, or
// when a dependency of its `package.json` or `@opencode-ai/plugin` (which it always adds) is not
// listed in `package-lock.json` under `packages[""]`. Offline that install blocks its start
// for ~70 s (npm's retries). Pure: values in, values out; the files are read by the caller.

export const OPENCODE_PLUGIN_PACKAGE = '@opencode-ai/plugin';

type Json = Record<string, unknown>;

const DEP_FIELDS = ['dependencies', 'devDependencies', 'peerDependencies', 'optionalDependencies'] as const;

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function names(record: unknown): string[] {
  if (!isObject(record)) return [];
  return DEP_FIELDS.flatMap((field) => (isObject(record[field]) ? Object.keys(record[field]) : []));
}

function root(lock: Json | null): Json {
  const packages = lock?.packages;
  return isObject(packages) && isObject(packages['']) ? packages[''] : {};
}

/** The dependencies opencode would install for, given the dir's package.json and lock. */
export function unlistedDependencies(manifest: Json | null, lock: Json | null): string[] {
  const listed = new Set(names(root(lock)));
  const wanted = new Set([...names(manifest), OPENCODE_PLUGIN_PACKAGE]);
  return [...wanted].filter((name) => !listed.has(name));
}

/** The lock with `@opencode-ai/plugin` listed (everything else kept), or null when it already is. */
export function lockWithPlugin(lock: Json | null): Json | null {
  if (names(root(lock)).includes(OPENCODE_PLUGIN_PACKAGE)) return null;
  const base: Json = lock ?? { lockfileVersion: 3, requires: true };
  const packages = isObject(base.packages) ? base.packages : {};
  const top = root(base);
  const dependencies = isObject(top.dependencies) ? top.dependencies : {};
  return {
    ...base,
    packages: { ...packages, '': { ...top, dependencies: { ...dependencies, [OPENCODE_PLUGIN_PACKAGE]: '*' } } },
  };
}

/**
 * The lock without the plugin's entry: `'delete'` when nothing else is left in it (the deck wrote
 * the whole file), null when it does not list the plugin.
 */
export function lockWithoutPlugin(lock: Json | null): Json | 'delete' | null {
  const top = root(lock);
  if (lock === null || !isObject(top.dependencies) || !Object.hasOwn(top.dependencies, OPENCODE_PLUGIN_PACKAGE)) return null;
  const { [OPENCODE_PLUGIN_PACKAGE]: _dropped, ...dependencies } = top.dependencies;
  const { dependencies: _old, ...rest } = top;
  const nextTop = Object.keys(dependencies).length > 0 ? { ...rest, dependencies } : rest;
  const packages = { ...(lock.packages as Json), '': nextTop };
  const onlyDeck = Object.keys(packages).length === 1 && Object.keys(nextTop).length === 0;
  const otherKeys = Object.keys(lock).filter((key) => !['lockfileVersion', 'requires', 'packages'].includes(key));
  return onlyDeck && otherKeys.length === 0 ? 'delete' : { ...lock, packages };
}
