import { describe, expect, test } from '@jest/globals';
import { parseList, type ListOptions } from '../../src/util/list.js';

// docker/build-push-action reads list inputs with csv-parse (relaxQuotes, skipEmptyLines,
// relaxColumnCount): one item per line, and per comma unless ignoreComma; quoted fields keep
// their commas and newlines. These rows pin the same reading, and the few places where ours is
// deliberately kinder (noted in the row names).
describe('parseList', () => {
  test.each<[string, string, ListOptions, string[]]>([
    // the empty cases
    ['empty input', '', {}, []],
    ['only blanks and newlines', ' \n\t\n  \n', {}, []],
    ['only commas', ' , ,,', {}, []],

    // splitting
    ['one item', 'linux/amd64', {}, ['linux/amd64']],
    ['newlines', 'a\nb\nc', {}, ['a', 'b', 'c']],
    ['commas', 'linux/amd64,linux/arm64', {}, ['linux/amd64', 'linux/arm64']],
    ['commas and newlines mixed', 'a,b\nc\nd,e', {}, ['a', 'b', 'c', 'd', 'e']],
    ['a trailing newline (YAML block scalars end with one)', 'a\nb\n', {}, ['a', 'b']],
    ['blank lines between items', 'a\n\n\nb', {}, ['a', 'b']],
    ['empty items between commas are dropped', 'a,,b,', {}, ['a', 'b']],

    // trimming
    ['items are trimmed', '  a  ,\tb\t\n   c   ', {}, ['a', 'b', 'c']],
    ['inner spaces are kept', 'hello world, good bye', {}, ['hello world', 'good bye']],

    // line endings
    ['CRLF line endings', 'a\r\nb\r\nc\r\n', {}, ['a', 'b', 'c']],
    ['CRLF with commas', 'a,b\r\nc', {}, ['a', 'b', 'c']],
    ['CRLF with ignoreComma', 'K=a,b\r\nL=c\r\n', { ignoreComma: true }, ['K=a,b', 'L=c']],

    // ignoreComma
    ['ignoreComma keeps each line whole', 'A=1,2,3\nB=x', { ignoreComma: true }, ['A=1,2,3', 'B=x']],
    [
      'ignoreComma: a cache spec stays one item',
      'type=registry,ref=ghcr.io/a/b:cache,mode=max',
      { ignoreComma: true },
      ['type=registry,ref=ghcr.io/a/b:cache,mode=max'],
    ],
    ['ignoreComma trims the line', '   A=1, 2   \n', { ignoreComma: true }, ['A=1, 2']],
    ['ignoreComma drops blank lines', 'A=1\n\n  \nB=2', { ignoreComma: true }, ['A=1', 'B=2']],

    // quotes
    ['a quoted field keeps its commas', '"a,b",c', {}, ['a,b', 'c']],
    ['a quoted field alone on its line keeps its commas', '"KEY=a,b"\nc', {}, ['KEY=a,b', 'c']],
    ['a quoted field keeps its newlines', '"line 1\nline 2",x', {}, ['line 1\nline 2', 'x']],
    [
      'a quote after KEY= opens no field: the lines split (quote the whole item instead)',
      'KEY="-----BEGIN-----\nabc\n-----END-----"\nOTHER=1',
      { ignoreComma: true },
      ['KEY="-----BEGIN-----', 'abc', '-----END-----"', 'OTHER=1'],
    ],
    [
      'a whole quoted line with ignoreComma keeps commas and newlines',
      '"KEY=-----BEGIN-----\nabc,def\n-----END-----"\nOTHER=1',
      { ignoreComma: true },
      ['KEY=-----BEGIN-----\nabc,def\n-----END-----', 'OTHER=1'],
    ],
    ['a quoted field keeps CRLF inside it', '"l1\r\nl2"', {}, ['l1\r\nl2']],
    ['"" inside quotes is one literal quote', '"say ""hi"""', {}, ['say "hi"']],
    ['"" inside quotes, with commas', '"a ""b,c"" d",e', {}, ['a "b,c" d', 'e']],
    ['an empty quoted field is dropped', '"",a', {}, ['a']],
    ['a quote inside an unquoted field is a plain character (relaxQuotes)', 'FOO=a"b', {}, ['FOO=a"b']],
    ['a value quoted after = keeps its quotes', 'FOO="bar"', { ignoreComma: true }, ['FOO="bar"']],
    [
      'quoted fields in an ignoreComma line are joined back',
      'A=1,"B=2,3"',
      { ignoreComma: true },
      ['A=1,B=2,3'],
    ],
    [
      'spaces around a quoted field are trimmed (kinder: csv-parse keeps the quotes)',
      '  "a,b"  ,c',
      {},
      ['a,b', 'c'],
    ],
    ['text after a closing quote is kept (kinder: csv-parse throws)', '"a"b,c', {}, ['ab', 'c']],
    ['an unclosed quote is a plain character, not the rest of the input', '"abc\nnext', {}, ['"abc', 'next']],
    [
      'an unclosed quote does not swallow later lines with ignoreComma',
      '"org.example.note=it is\norg.opencontainers.image.vendor=Acme',
      { ignoreComma: true },
      ['"org.example.note=it is', 'org.opencontainers.image.vendor=Acme'],
    ],
    ['an unclosed quote after complete items', 'a,"b,c",d\n"e\nf', {}, ['a', 'b,c', 'd', '"e', 'f']],

    // noQuotes
    [
      'noQuotes: quotes are plain characters',
      'type=local,dest="./out dir"',
      { ignoreComma: true, noQuotes: true },
      ['type=local,dest="./out dir"'],
    ],
    ['noQuotes: a leading quote does not open a field', '"a,b"', { noQuotes: true }, ['"a', 'b"']],
    ['noQuotes: newlines still split', '"a\nb"', { noQuotes: true, ignoreComma: true }, ['"a', 'b"']],

    // comments
    ['comment lines are dropped', '# a comment\na\n#b\nc', { comment: '#' }, ['a', 'c']],
    ['an indented comment line is dropped', '   # note\na', { comment: '#' }, ['a']],
    ['a comment line with commas is dropped whole', '# x,y\na', { comment: '#' }, ['a']],
    [
      'a # inside a line is kept (only whole lines are comments)',
      'type=raw,value=v#1',
      { comment: '#', ignoreComma: true },
      ['type=raw,value=v#1'],
    ],
    ['without the comment option # is an ordinary character', '#a\nb', {}, ['#a', 'b']],
    ['a quoted # line is not a comment', '"#not a comment"\nb', { comment: '#' }, ['#not a comment', 'b']],
  ])('%s', (_name, input, opts, expected) => {
    expect(parseList(input, opts)).toEqual(expected);
  });

  test('the default options split on commas and honour quotes', () => {
    expect(parseList('"a,b",c')).toEqual(['a,b', 'c']);
  });
});
