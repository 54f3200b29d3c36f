// Puts text from outside (a project's script names, file names, commands) into a Markdown
// fenced block that the text itself cannot close, so an agent reads it as data, never as part
// of the instructions around it. Pure.

/** `text` in a fence one backtick longer than any backtick run inside it (at least three). */
export function fenced(text: string, info = 'text'): string {
  const longestRun = Math.max(0, ...[...text.matchAll(/`+/g)].map((match) => match[0].length));
  const fence = '`'.repeat(Math.max(3, longestRun + 1));
  return `${fence}${info}\n${text.endsWith('\n') ? text : `${text}\n`}${fence}`;
}
