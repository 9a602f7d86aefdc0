/**
 * reproducible-build: layers the comparison with the baseline (compare/delta.ts) found "rebuilt,
 * same content": the baseline's files, only their times differ (a runner without the build
 * cache). The report counts them as no change, but their digests are new, so every pull
 * downloads them again. `SOURCE_DATE_EPOCH` and the exporter's `rewrite-timestamp=true` keep
 * the digests.
 *
 * Decisions:
 * - The one rule that reads the comparison, not only the Dockerfile and the layers: quiet without
 *   a baseline, or when no layer was rebuilt.
 * - One finding per image, on the exported stage's FROM: the setting is the build's, not a
 *   line's, and a `# shipshape-ignore reproducible-build` above the FROM stays put whichever
 *   layers are rebuilt next time. The message names the layers and the lines that made them.
 * - `bytes` is the rebuilt layers' uncompressed bytes (for the order and `advice-min-bytes`);
 *   no saving is claimed (savings.ts): the image keeps every file. A suggestion, not an edit.
 */
import { formatBytes } from '../../render/format.js';
import type { RebuiltLayer } from '../../report/size-report.js';
import type { AdviceInput, AttributedLayer, Finding, Rule } from '../model.js';

export const REPRODUCIBLE_BUILD = 'reproducible-build';
// Layers named in the message; the rest are counted.
const NAMED_LAYERS = 5;

export const reproducibleBuildRule: Rule = {
  id: REPRODUCIBLE_BUILD,
  title: 'Layers rebuilt with the same files',
  check(input: AdviceInput): Finding[] {
    const rebuilt = input.rebuilt ?? [];
    const from = input.dockerfile.stages[input.dockerfile.exported]?.from;
    if (rebuilt.length === 0 || !from) return [];
    const layers = rebuilt.map((r) => ({ rebuilt: r, layer: attributedOf(input.layers, r) }));
    const bytes = layers.reduce(
      (sum, { rebuilt: r, layer }) => sum + (layer?.scan.uncompressed ?? r.uncompressed ?? 0),
      0,
    );
    const compressed = rebuilt.reduce((sum, r) => sum + r.compressed, 0);
    const named = layers.slice(0, NAMED_LAYERS).map(({ rebuilt: r, layer }) => {
      const line = layer && !layer.fromBase ? layer.instruction?.startLine : undefined;
      return `${r.index ?? '?'}${line === undefined ? '' : ` (line ${line})`}`;
    });
    const more = layers.length - named.length;
    const which = `${layers.length === 1 ? 'Layer' : 'Layers'} ${listed(more > 0 ? [...named, `${more} more`] : named)}`;
    const verb = layers.length === 1 ? 'has' : 'have';
    return [
      {
        rule: REPRODUCIBLE_BUILD,
        file: input.dockerfile.file,
        line: from.startLine,
        endLine: from.endLine,
        bytes,
        message:
          `${which} ${verb} the baseline's files but new digests: only the file times differ, ` +
          `so every pull downloads ${formatBytes(compressed)} (compressed) again`,
        fix:
          "Build reproducibly? Set `SOURCE_DATE_EPOCH` (in the step's `env:` or `build-args`; the commit's time, say) " +
          'and `outputs: type=image,rewrite-timestamp=true`: rebuilt layers then keep their digests',
      },
    ];
  },
};

/** The image's layer a rebuilt one is: by its position when the report has it, else by digest. */
function attributedOf(layers: readonly AttributedLayer[], r: RebuiltLayer): AttributedLayer | undefined {
  const at = r.index === undefined ? undefined : layers[r.index - 1];
  return at?.digest === r.digest ? at : layers.find((l) => l.digest === r.digest);
}

const listed = (items: string[]) =>
  items.length <= 1 ? items.join('') : `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
