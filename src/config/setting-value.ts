// `config set KEY VALUE` arrives as two strings. This resolves the dotted key against the global
// config schema and turns the text into the type that setting has, with a sentence when either
// is wrong. Range checks stay with the schema (validate-toml), which knows the bounds.
import { z } from 'zod';
import { suggest } from '../common/suggest.js';
import { GlobalConfig } from './global-config.js';
import { leafKeys, schemaAt } from './schema-walk.js';
import type { TomlScalar } from './toml-edit.js';

/** Tables of named entries, edited by their own commands rather than `config set`. */
/** And lists, which a single value cannot set (`hosts` is written as a TOML array or given as --hosts). */
const OWN_COMMANDS: Readonly<Record<string, string>> = {
  remotes: 'dot-agent-deck remote add|list|remove',
  hosts: 'dot-agent-deck --hosts local,NAME`, or write `hosts = ["local", "NAME"]',
};

/** Every setting `config get/set` accepts, e.g. `bell.enabled`. */
export const SETTING_KEYS: readonly string[] = leafKeys(GlobalConfig).filter((key) => !(key.split('.')[0]! in OWN_COMMANDS));

export type SettingParse = { ok: true; path: string[]; value: TomlScalar } | { ok: false; message: string; hint?: string };

export function checkSettingKey(key: string): { ok: true; path: string[] } | { ok: false; message: string; hint?: string } {
  if (SETTING_KEYS.includes(key)) return { ok: true, path: key.split('.') };
  const own = OWN_COMMANDS[key.split('.')[0]!];
  if (own) return { ok: false, message: `${key} is not a setting of config get/set`, hint: `use \`${own}\`` };
  const close = suggest(key, SETTING_KEYS);
  const under = SETTING_KEYS.filter((k) => k.startsWith(`${key}.`));
  if (under.length > 0) return { ok: false, message: `${key} is a table, not a setting`, hint: `Settings in it: ${under.join(', ')}` };
  return {
    ok: false,
    message: `Unknown setting ${JSON.stringify(key)}${close ? `: did you mean ${close}?` : ''}`,
    hint: `Settings: ${SETTING_KEYS.join(', ')}`,
  };
}

export function parseSettingValue(key: string, text: string): SettingParse {
  const checked = checkSettingKey(key);
  if (!checked.ok) return checked;
  const schema = schemaAt(GlobalConfig, checked.path);
  if (schema instanceof z.ZodBoolean) {
    if (text === 'true' || text === 'false') return { ok: true, path: checked.path, value: text === 'true' };
    return { ok: false, message: `${key} is true or false, not ${JSON.stringify(text)}` };
  }
  if (schema instanceof z.ZodNumber) {
    if (/^[+-]?\d+$/.test(text) && Number.isSafeInteger(Number(text))) return { ok: true, path: checked.path, value: Number(text) };
    return { ok: false, message: `${key} is a whole number, not ${JSON.stringify(text)}` };
  }
  return { ok: true, path: checked.path, value: text };
}
