// Whether Ink will draw in colour: its chalk decides once, from the environment (chalk's
// supports-color). The first paint draws colours, so it paints only where chalk surely does too;
// where chalk might not (forced levels, CI, a dumb or unknown TERM), Ink draws the first frame.

const COLOUR_TERM = /-256(color)?$|^screen|^xterm|^vt100|^vt220|^rxvt|color|ansi|cygwin|linux/i;

/** True only where chalk's level is at least 1 on a terminal stdout (tests/unit/tui/first-paint). */
export function inkDrawsColour(env: NodeJS.ProcessEnv, argv: readonly string[], platform: NodeJS.Platform = process.platform): boolean {
  if ('FORCE_COLOR' in env || 'CI' in env || 'TEAMCITY_VERSION' in env || platform === 'win32') return false;
  if (argv.some((arg) => /^--?(no-)?colou?rs?(=|$)/.test(arg))) return false;
  if (env.TERM === 'dumb') return false;
  return COLOUR_TERM.test(env.TERM ?? '') || 'COLORTERM' in env;
}
