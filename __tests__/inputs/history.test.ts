import { expect, test } from '@jest/globals';
import { readHistoryInputs } from '../../src/inputs/history.js';

const read = (inputs: Record<string, string>) => readHistoryInputs((name) => inputs[name] ?? '');

test('defaults: on, under shipshape-history, 200 records', () => {
  expect(read({})).toEqual({ mode: 'true', tag: 'shipshape-history', limit: 200 });
});

test.each([
  [{ history: 'False' }, { mode: 'false' }],
  [{ history: 'reset' }, { mode: 'reset' }],
  [{ 'history-tag': 'size_history.v2' }, { tag: 'size_history.v2' }],
  [{ 'history-limit': '10000' }, { limit: 10000 }],
])('%j', (inputs, expected) => {
  expect(read(inputs)).toMatchObject(expected);
});

test.each([
  [{ history: 'yes' }, 'Input "history": "yes" must be true, false or reset'],
  [{ 'history-tag': '-x' }, 'Input "history-tag": "-x" is not a tag'],
  [{ 'history-tag': 'a:b' }, 'Input "history-tag": "a:b" is not a tag'],
  [{ 'history-limit': '0' }, 'Input "history-limit": "0" must be a whole number from 1 to 10000'],
  [{ 'history-limit': '2.5' }, 'Input "history-limit": "2.5" must be a whole number'],
  [{ 'history-limit': '10001' }, 'Input "history-limit": "10001" must be a whole number'],
])('%j is refused naming the input and the value', (inputs, message) => {
  expect(() => read(inputs)).toThrow(message);
});
