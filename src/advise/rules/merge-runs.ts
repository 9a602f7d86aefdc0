/**
 * merge-runs: a RUN that deletes what an earlier RUN left. Each RUN is saved as its own layer, so
 * the earlier layer keeps the bytes and the later `rm` only hides them: the cleanup has to
 * happen in the RUN that creates the files. Pairs of RUNs where the later one deletes nothing of
 * the earlier one are not findings, however many RUNs there are (fewer layers alone save nothing
 * worth a line in the report).
 *
 * The bytes are those the later RUNs delete (whiteouts, opaque directories, directories replaced
 * by a file) of the earlier RUN's files, each copy once (wasted.ts). Package caches are left to
 * package-cache, and overwrites (the same path written again) to hidden-bytes (waste-owners.ts):
 * one finding per cause. The finding stands on the earlier RUN, where the cleanup must go; one
 * per earlier RUN, naming every later RUN that cleans after it.
 *
 * Moving a cleanup between RUNs is no edit a tool can make safely (the later RUN may do more, run
 * elsewhere, or fail once the files are gone): the fix is a question and claims no bytes (`saves`
 * absent); the message says the bytes as what the earlier RUN left.
 */
import { formatBytes } from '../../render/format.js';
import type { AdviceInput, Finding, Rule } from '../model.js';
import { byAdderInstruction, lineList, ownedWaste } from './waste-owners.js';

export const MERGE_RUNS = 'merge-runs';

export const mergeRunsRule: Rule = {
  id: MERGE_RUNS,
  title: 'Cleanup in a separate RUN',
  check(input: AdviceInput): Finding[] {
    const mine = ownedWaste(input).filter((item) => item.owner === MERGE_RUNS);
    const findings: Finding[] = [];
    for (const group of byAdderInstruction(mine)) {
      const bytes = group.reduce((total, item) => total + item.bytes, 0);
      if (bytes <= 0) continue;
      const instruction = group[0].adder.instruction!;
      const cleaners = group.map((item) => item.hider.instruction!);
      const where = lineList(cleaners);
      const plural = new Set(cleaners.map((c) => c.startLine)).size > 1;
      findings.push({
        rule: MERGE_RUNS,
        file: input.dockerfile.file,
        line: instruction.startLine,
        endLine: instruction.endLine,
        bytes,
        message: `The RUN${plural ? 's' : ''} at ${where} delete${plural ? '' : 's'} ${formatBytes(bytes)} that this RUN leaves: this layer still ships them`,
        fix: `Could the cleanup of ${where} happen at the end of this RUN (\`... && rm -rf ...\`), so the files never reach a layer?`,
      });
    }
    return findings;
  },
};
