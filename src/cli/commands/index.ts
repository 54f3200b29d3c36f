// Every subcommand, in the order `--help` lists them. One file per command.
import type { CommandRegistrar } from '../program.js';
import { registerDefault } from './default.js';

export const registrars: readonly CommandRegistrar[] = [registerDefault];
