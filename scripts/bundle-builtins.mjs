// How scripts/bundle-deck.mjs turns esbuild's imports of Node's built-ins into require()s of the
// loader's require. esbuild leaves each module's built-in imports at the bundle's top level, so
// they all run when the bundle starts, even for modules the first frame never initializes (execa,
// the hooks offer): LAZY_BUILTINS names the functions whose built-in is loaded on first call.
import { createRequire, builtinModules } from 'node:module';
import { promisify } from 'node:util';

const require = createRequire(import.meta.url);

export const isBuiltin = (path) => builtinModules.includes(path.replace(/^node:/, ''));

/**
 * Built-ins loaded only when one of these functions is first called: what the deck's first frame
 * needs none of (crypto: fs-atomic's temp names; v8: execa's IPC). Node compiled and ran each on
 * every start: crypto with its 16 internal modules 6 ms, v8 3 ms (fastest of 9, load 7.7).
 */
export const LAZY_BUILTINS = {
  'node:crypto': ['randomBytes'],
  'node:v8': ['serialize'],
};

/** `a` or `a as b` of an import list: [imported, local] pairs. */
function importedNames(names) {
  return names
    .split(',')
    .map((part) => part.trim())
    .filter((part) => part !== '')
    .map((part) => {
      const [imported, local = imported] = part.split(/\s+as\s+/);
      return [imported, local];
    });
}

/** A function that stands for `name` of `from` and loads the built-in on its first call. */
function lazyFunction(from, imported, local) {
  const value = require(from)[imported];
  if (typeof value !== 'function' || value[promisify.custom] !== undefined || Object.keys(value).length > 0)
    throw new Error(`scripts/bundle-builtins.mjs: ${from} ${imported} is not a plain function; take it out of LAZY_BUILTINS`);
  return `const ${local}=function(...args){return require(${JSON.stringify(from)}).${imported}.apply(this,args)};`;
}

/**
 * esbuild's import statements of built-ins (`import{a as b,c}from"node:fs";`, `import x from…`,
 * `import*as x from…`) as destructuring of the loader's require: only the names the deck uses,
 * and no interop wrapper copying each built-in's properties for every module that imports it.
 * `out` names the bundle in errors.
 */
export function requireBuiltins(code, out) {
  const statement = /import\s*(?:([\w$]+)\s*,?\s*)?(?:\{([^}]*)\}|\*\s*as\s+([\w$]+))?\s*from\s*"([^"]+)";/g;
  return code
    .replace(statement, (all, name, names, namespace, from) => {
      if (!isBuiltin(from)) throw new Error(`${out}: unexpected import ${all}`);
      const module = `require(${JSON.stringify(from)})`;
      const lazy = LAZY_BUILTINS[from];
      const pairs = names?.trim() ? importedNames(names) : [];
      if (lazy && !name && !namespace && pairs.length > 0 && pairs.every(([imported]) => lazy.includes(imported)))
        return pairs.map(([imported, local]) => lazyFunction(from, imported, local)).join('');
      const parts = [];
      if (name) parts.push(`const ${name}=${module};`);
      if (namespace) parts.push(`const ${namespace}=${module};`);
      if (pairs.length > 0)
        parts.push(`const{${pairs.map(([imported, local]) => (imported === local ? imported : `${imported}:${local}`)).join(',')}}=${module};`);
      return parts.join('') || `${module};`;
    })
    .replace(/\bimport\("([^"]+)"\)/g, (all, from) => {
      if (!isBuiltin(from)) throw new Error(`${out}: unexpected import ${all}`);
      // A module namespace of the built-in (Ink's, in development mode only).
      return `Promise.resolve().then(()=>{const m=require(${JSON.stringify(from)});return{...m,default:m}})`;
    });
}
