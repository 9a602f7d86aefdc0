/**
 * How to silence a rule, said with every finding shown (the comment's row, the annotation): the
 * comment advise/dockerfile.ts reads. One text for every rule, so no rule can leave it out.
 */
export const silenceHint = (rule: string): string =>
  `Silence with \`# shipshape-ignore ${rule}\` above the instruction`;
