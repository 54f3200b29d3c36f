import { describe, expect, it } from 'vitest';
import { editDistance, suggest } from '../../../src/common/suggest.js';

describe('editDistance', () => {
  it.each<[string, string, number]>([
    ['clear', 'clear', 0],
    ['claer', 'clear', 1],
    ['clar', 'clear', 1],
    ['cleared', 'clear', 2],
    ['', 'abc', 3],
  ])('%s → %s is %i', (a, b, distance) => {
    expect(editDistance(a, b)).toBe(distance);
  });
});

describe('suggest', () => {
  const ROLE_KEYS = ['name', 'command', 'start', 'description', 'prompt_template', 'clear'];

  it.each<[string, string | undefined]>([
    ['claer', 'clear'],
    ['Clear', 'clear'],
    ['comand', 'command'],
    ['prompt_templte', 'prompt_template'],
    ['descripton', 'description'],
    ['mode', undefined],
    ['zzz', undefined],
  ])('%s → %s', (input, expected) => {
    expect(suggest(input, ROLE_KEYS)).toBe(expected);
  });

  it('finds a long name with a missing word', () => {
    expect(suggest('worker_timeout_minutes', ['worker_response_timeout_minutes', 'features'])).toBe('worker_response_timeout_minutes');
  });
});
