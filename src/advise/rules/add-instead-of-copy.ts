/**
 * ADD where another instruction fits, as two rules (silenced separately):
 *
 * - add-local-file: ADD of local files that are not tar archives. ADD only differs from COPY by
 *   unpacking local tars and fetching URLs; for anything else COPY says what happens (a file that
 *   later becomes a tar would silently be unpacked). COPY stores the same bytes, so the finding's
 *   bytes are what the ADD stores: what the line is about, and what ranks it (below the
 *   threshold, a config file ADDed, it stays quiet). Whether a tar-named source was unpacked is
 *   measured: its layer holds a file of that name only when it was not (`.zip` and plain `.gz`
 *   files never are). The fix is an edit (the keyword becomes COPY) that claims no bytes.
 * - add-url: ADD <URL> whose download is an intermediate: a later RUN deletes it (the bytes stay
 *   in the ADD's layer) or unpacks or runs it (it stays next to what it became). The bytes are
 *   the download's: those later RUNs delete plus, when a later RUN names the file, those still
 *   visible. A download used as it is (a static binary, a config) is what ADD <URL> is for:
 *   no finding. Deleted downloads are this rule's, not hidden-bytes' (waste-owners.ts). Whether
 *   the image has a downloader for a RUN to use is not known: the fix is a question, no edit, and
 *   claims no bytes (`saves` absent); the message says the download's bytes.
 */
import { EntryKind } from '../../image/layers.js';
import { formatBytes } from '../../render/format.js';
import { replaceInInstruction } from '../edit.js';
import type { AdviceInput, AttributedLayer, Finding, Instruction, LineEdit, Rule } from '../model.js';
import { isAddUrlLayer, isUrlSource, lineList, ownedWaste } from './waste-owners.js';

export const ADD_LOCAL_FILE = 'add-local-file';
export const ADD_URL = 'add-url';

/** Names ADD unpacks when the file is a (compressed) tar. */
const TAR_NAME = /\.(?:tar|tgz|taz|tbz|tbz2|tb2|txz|tzst|tar\.(?:gz|bz2|xz|zst|lz|lzma|lz4|z))$/i;
const GIT_SOURCE = /^git@|^[a-z]+:\/\/.*\.git(?:#.*)?$|^git:\/\//i;

/** ADD's own flags, which COPY does not take: with one of them, no edit. */
const ADD_ONLY_FLAG = /^--(?:checksum|keep-git-dir|unpack)\b/i;

/** ADD -> COPY on the instruction's first line, sources, flags and destination as written. */
function addToCopy(input: AdviceInput, instruction: Instruction): LineEdit | undefined {
  if (instruction.flags.some((flag) => ADD_ONLY_FLAG.test(flag))) return undefined;
  const first = input.dockerfile.lines[instruction.startLine - 1] ?? '';
  if (!/^\s*ADD\b/i.test(first)) return undefined;
  return replaceInInstruction(input.dockerfile, instruction, /^(\s*)ADD\b/i, (match) =>
    match.replace(/ADD$/i, 'COPY'),
  );
}

const basename = (path: string) => path.replace(/\/+$/, '').split('/').pop() ?? '';

/** ADD's sources (its arguments but the last), heredoc sources (`<<EOF`) left out. */
const sourcesOf = (instruction: Instruction) =>
  instruction.arguments.slice(0, -1).filter((source) => !source.startsWith('<<'));

/** Whether the layer holds a regular file named `name` (a source ADD copied rather than unpacked). */
function holdsFileNamed(layer: AttributedLayer, name: string): boolean {
  const { count, paths, kinds } = layer.scan.entries;
  for (let k = 0; k < count; k++) {
    if (kinds[k] === EntryKind.File && basename(paths[k]) === name) return true;
  }
  return false;
}

export const addLocalFileRule: Rule = {
  id: ADD_LOCAL_FILE,
  title: 'ADD of local files that are not archives',
  check(input: AdviceInput): Finding[] {
    const findings: Finding[] = [];
    for (const layer of input.layers) {
      const instruction = layer.instruction;
      if (layer.fromBase || instruction?.keyword !== 'ADD') continue;
      const sources = sourcesOf(instruction);
      if (sources.length === 0 || sources.some((s) => isUrlSource(s) || GIT_SOURCE.test(s))) continue;
      // A tar-named source that the layer does not hold as a file was unpacked: ADD's own job.
      const unpacked = sources.some(
        (source) =>
          TAR_NAME.test(source) && (/[*?[]/.test(source) || !holdsFileNamed(layer, basename(source))),
      );
      if (unpacked) continue;
      const bytes = layer.scan.uncompressed;
      if (bytes <= 0) continue;
      const edit = addToCopy(input, instruction);
      findings.push({
        rule: ADD_LOCAL_FILE,
        file: input.dockerfile.file,
        line: instruction.startLine,
        endLine: instruction.endLine,
        bytes,
        message: `ADD stores ${formatBytes(bytes)} of local files that are not tar archives: nothing to unpack or fetch`,
        fix: 'Use COPY with the same sources and destination: it does only what it says',
        ...(edit && { edits: [edit] }),
      });
    }
    return findings;
  },
};

/** The names the downloaded files get (`ADD URL /dest/` keeps the URL's file name). */
function downloadNames(instruction: Instruction): string[] {
  const args = instruction.arguments;
  const destination = args.at(-1) ?? '';
  const names = args
    .slice(0, -1)
    .filter(isUrlSource)
    .map((url) => basename(url.split(/[?#]/)[0]));
  if (!destination.endsWith('/') && names.length === 1) names.push(basename(destination));
  return [...new Set(names.filter((name) => name.length >= 3))];
}

/** Whether a RUN's command names one of the files (a whole word of it, not a prefix). */
function names(run: Instruction, files: readonly string[]): boolean {
  const command = run.arguments.join('\n');
  return files.some((file) =>
    new RegExp(`(?:^|[^\\w.-])${file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![\\w.-])`).test(command),
  );
}

export const addUrlRule: Rule = {
  id: ADD_URL,
  title: 'ADD of a URL that a later RUN unpacks or deletes',
  check(input: AdviceInput): Finding[] {
    const owned = ownedWaste(input).filter((item) => item.owner === ADD_URL);
    const findings: Finding[] = [];
    for (const layer of input.layers) {
      if (!isAddUrlLayer(layer)) continue;
      const instruction = layer.instruction!;
      const deleted = owned.filter((item) => item.adder === layer);
      const deletedBytes = deleted.reduce((total, item) => total + item.bytes, 0);
      const files = downloadNames(instruction);
      const users = input.layers
        .filter(
          (later) => later.index > layer.index && !later.fromBase && later.instruction?.keyword === 'RUN',
        )
        .filter((later) => names(later.instruction!, files));
      const visible = layer.scan.uncompressed - (input.waste.perLayer[layer.index] ?? 0);
      const bytes = deletedBytes + (users.length > 0 ? Math.max(0, visible) : 0);
      if (bytes <= 0) continue;
      const later = [...deleted.map((item) => item.hider.instruction!), ...users.map((u) => u.instruction!)];
      findings.push({
        rule: ADD_URL,
        file: input.dockerfile.file,
        line: instruction.startLine,
        endLine: instruction.endLine,
        bytes,
        message:
          `ADD downloads ${formatBytes(bytes)} that ${later.length > 0 ? `the RUN at ${lineList(later)}` : 'a later RUN'} ` +
          `${deletedBytes > 0 ? 'deletes' : 'unpacks or runs'}: this layer still ships the download`,
        fix: 'Could one RUN download, unpack and delete it (`wget -O- URL | tar -xz -C DIR`, or `... && rm FILE`), or a build stage fetch it for a `COPY --from` of only what you need?',
      });
    }
    return findings;
  },
};
