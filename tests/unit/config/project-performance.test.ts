// A coarse guard against quadratic work in the scanner or the checks, not a benchmark: the
// bound is generous so a slow CI machine does not fail it.
import { describe, expect, it } from 'vitest';
import { validateProjectText } from '../../../src/config/load-project.js';

function bigProject(roles: number): string {
  const rows = ['[[orchestrations]]', 'name = "big"'];
  for (let i = 0; i < roles; i++) {
    rows.push(
      '[[orchestrations.roles]]',
      `name = "role-${i}"`,
      'command = "claude"',
      ...(i === 0 ? ['start = true'] : []),
      `description = "Role number ${i}"`,
      'prompt_template = """',
      `Do task ${i}.`,
      'Report back when done.',
      '"""',
    );
  }
  return `${rows.join('\n')}\n`;
}

describe('validating a large project file', () => {
  // How fast is for bench/, not for a test on a machine of unknown speed.
  it('checks 1,000 roles and locates the one error', () => {
    const text = `${bigProject(1000)}claer = true\n`;
    const result = validateProjectText(text, 'big.toml');
    expect(result.errors.map((e) => e.path)).toEqual(['orchestrations[0].roles[999].claer']);
    expect(result.errors[0]?.line).toBe(text.split('\n').length - 1);
  });
});
