/**
 * jdk-runtime: an image that runs `java` ships a JDK where a JRE serves (the compiler, jmods,
 * headers and tools only a build needs). Two shapes:
 * - a JDK installed by apt (`openjdk-17-jdk-headless`, `default-jdk`): the bytes its dpkg file
 *   lists name in the layer, which the JRE package (a dependency of the JDK's, so installed
 *   already) does not; the fix edits the package name (`-jdk` -> `-jre`);
 * - a JDK base image (`eclipse-temurin:21-jdk`, any tag, "slim" ones too): the JDK-only paths of
 *   the base (`jmods/`, `bin/javac`...), as a question: whether the JRE variant of that image
 *   serves; no bytes claimed as saved, since the other image is not here to measure.
 * Quiet unless the image's program is `java`.
 */
import { EntryKind } from '../../image/layers.js';
import { formatBytes } from '../../render/format.js';
import { packageBytesIn, statusAt } from '../dpkg.js';
import { isPlainShellRun, replaceInInstruction } from '../edit.js';
import type { AdviceInput, Finding, Rule } from '../model.js';
import { programOf } from './single-stage-toolchain.js';
import { exportedChain } from './stage-chain.js';

export const JDK_RUNTIME = 'jdk-runtime';
const JDK_PACKAGE = /^(?:openjdk-\d+-jdk(?:-headless)?|default-jdk(?:-headless)?|temurin-\d+-jdk)$/;
const JDK_ONLY =
  /(?:^|\/)(?:jmods\/|include\/(?:jni|jvmti)|bin\/(?:javac|jar|jarsigner|javadoc|javap|jdeps|jlink|jmod|jshell|jdb|jpackage|jdeprscan|jhsdb|jimage|serialver|jcmd|jconsole|jinfo|jmap|jps|jstack|jstat|jstatd|jfr|rmic)$|lib\/(?:src\.zip|ct\.sym)$)/;

export const jdkRuntimeRule: Rule = {
  id: JDK_RUNTIME,
  title: 'JDK where a JRE serves',
  check(input: AdviceInput): Finding[] {
    const chain = exportedChain(input.dockerfile);
    if (chain.length === 0 || programOf(chain) !== 'java') return [];
    const findings: Finding[] = [];
    input.layers.forEach((layer, at) => {
      const instruction = layer.instruction;
      if (layer.fromBase || !instruction || instruction.keyword !== 'RUN') return;
      if (layer.scan.records?.['var/lib/dpkg/status'] === undefined) return;
      const before = statusAt(input.layers, at - 1) ?? new Map();
      const now = statusAt(input.layers, at)!;
      const jdks = [...now.keys()].filter((name) => JDK_PACKAGE.test(name) && !before.has(name));
      const bytes = jdks.reduce((sum, name) => sum + packageBytesIn(layer, name), 0);
      if (bytes <= 0) return;
      const edits = isPlainShellRun(input.dockerfile, instruction)
        ? jdks.flatMap((name) => {
            const edit = replaceInInstruction(
              input.dockerfile,
              instruction,
              new RegExp(`\\b${name.replace(/[-]/g, '\\-')}\\b`),
              name.replace('-jdk', '-jre'),
            );
            return edit ? [edit] : [];
          })
        : [];
      findings.push({
        rule: JDK_RUNTIME,
        file: input.dockerfile.file,
        line: instruction.startLine,
        endLine: instruction.endLine,
        bytes,
        saves: bytes,
        message: `This RUN installs a JDK (${jdks.join(', ')}, ${formatBytes(bytes)} beyond its JRE) for an image that only runs \`java\``,
        fix: `Install the JRE instead (${jdks.map((n) => `\`${n.replace('-jdk', '-jre')}\``).join(', ')}), and compile in a build stage`,
        ...(edits.length === jdks.length && { edits }),
      });
    });
    const base = input.layers.filter((l) => l.fromBase);
    let baseBytes = 0;
    for (const layer of base) {
      const { count, paths, kinds, sizes } = layer.scan.entries;
      for (let k = 0; k < count; k++)
        if (kinds[k] === EntryKind.File && JDK_ONLY.test(paths[k])) baseBytes += sizes[k];
    }
    if (baseBytes > 0 && base[0].instruction) {
      const from = base[0].instruction;
      findings.push({
        rule: JDK_RUNTIME,
        file: input.dockerfile.file,
        line: from.startLine,
        endLine: from.endLine,
        bytes: baseBytes,
        message: `The base image \`${chain[0].baseImage}\` is a JDK (${formatBytes(baseBytes)} of compiler, jmods and tools) and the image only runs \`java\``,
        fix: 'Does a JRE variant of this base (a `-jre` tag) serve? Then build in a JDK stage and run on the JRE',
      });
    }
    return findings;
  },
};
