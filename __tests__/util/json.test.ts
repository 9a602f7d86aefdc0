// JSON we did not write: a syntax error says where it is, never what is there.
import { describe, expect, test } from '@jest/globals';
import { jsonSyntaxWhere, parseJsonText } from '../../src/util/json.js';

const SECRET = 'bGFiOmxhYi1wYXNzd29yZA==';

describe('parseJsonText', () => {
  test('parses what is JSON', () => {
    expect(parseJsonText('{"a": [1, "x"]}', 'f')).toEqual({ a: [1, 'x'] });
  });

  test.each([
    [`{"auth":${SECRET}}`, 'f is not valid JSON'],
    [`{"auth":"${SECRET}",}`, 'f is not valid JSON (line 1, column 36)'],
    [`{\n  "auth": "${SECRET}"\n  "more": 1\n}`, 'f is not valid JSON (line 3, column 3)'],
    [`{"auth":"${SECRET}`, 'f is not valid JSON (line 1, column 34)'],
    ['', 'f is not valid JSON (it ends too early)'],
    [`"${SECRET}" trailing`, 'f is not valid JSON (line 1, column 28)'],
  ])('%j: where, without the text', (text, message) => {
    let thrown: unknown;
    try {
      parseJsonText(text, 'f');
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toEqual(new Error(message));
    expect((thrown as Error).cause).toBeUndefined();
    expect(String(thrown)).not.toContain(SECRET.slice(0, 8));
  });
});

describe('jsonSyntaxWhere', () => {
  test('takes numbers from the message, never its quote', () => {
    expect(jsonSyntaxWhere(new SyntaxError(`Unexpected token 'b', "${SECRET}" is not valid JSON`), '')).toBe(
      '',
    );
    expect(jsonSyntaxWhere(new SyntaxError('Bad thing in JSON at position 4'), 'ab\ncdef')).toBe(
      ' (line 2, column 2)',
    );
    expect(jsonSyntaxWhere('not an error', 'x')).toBe('');
  });
});
