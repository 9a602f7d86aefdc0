/**
 * The advice corpus bench (bench/advice-corpus.mjs bundles and runs this): builds every corpus
 * Dockerfile on the lab, runs the advisor as the report does (every rule, 1 MB threshold),
 * scores the findings against the expected ones (rule and line), and for each right finding
 * whose fix is an edit, applies that edit alone, rebuilds, and compares the claim (`saves`) with
 * the bytes the image lost. Prints per-entry results, per-rule precision and recall, and the
 * claims; exits 1 when a build fails.
 */
import { advise } from '../../src/advise/advise.js';
import { applyEdits } from '../../src/advise/edit.js';
import type { AdviceFinding } from '../../src/advise/advise.js';
import { RULES } from '../../src/advise/rules/index.js';
import { limiter } from '../../src/util/pool.js';
import {
  type AdviceFixture,
  buildAdviceFixture,
  labNodeImage,
  removeAdviceFixture,
} from './advice-fixture.js';
import { type CorpusEntry, corpus, scoreCorpus } from './advice-corpus.js';

const MIN_BYTES = 1_000_000;
const imageBytes = (fixture: AdviceFixture) =>
  fixture.input.layers.reduce((sum, layer) => sum + layer.scan.uncompressed, 0);
const mb = (bytes: number) => `${(bytes / 1e6).toFixed(2)} MB`;

interface Claim {
  entry: string;
  rule: string;
  line: number;
  claim: number;
  saved?: number;
  error?: string;
}

async function main(): Promise<void> {
  const started = Date.now();
  await labNodeImage();
  const entries = corpus();
  const only = process.argv.slice(2);
  const chosen =
    only.length > 0 ? entries.filter((e) => only.some((o) => e.fixture.name.includes(o))) : entries;
  const limit = limiter(2);
  const results: { entry: CorpusEntry; findings: AdviceFinding[]; error?: string }[] = [];
  const claims: Claim[] = [];
  await Promise.all(
    chosen.map((entry) =>
      limit(async () => {
        let before: AdviceFixture | undefined;
        try {
          before = await buildAdviceFixture(entry.fixture);
          const { findings } = advise([before.input], { rules: RULES, minBytes: MIN_BYTES });
          results.push({ entry, findings });
          const right = findings.filter((f) =>
            entry.expected.some((e) => e.rule === f.rule && e.line === f.line),
          );
          for (const finding of right) {
            if (!finding.saves || !(finding.edits || finding.contextFiles)) continue;
            const claim: Claim = {
              entry: entry.fixture.name,
              rule: finding.rule,
              line: finding.line,
              claim: finding.saves,
            };
            claims.push(claim);
            let after: AdviceFixture | undefined;
            try {
              after = await buildAdviceFixture({
                ...entry.fixture,
                name: `${entry.fixture.name}-fix-${finding.rule}-${finding.line}`,
                dockerfile: finding.edits
                  ? applyEdits(entry.fixture.dockerfile, finding.edits)
                  : entry.fixture.dockerfile,
                files: { ...entry.fixture.files, ...finding.contextFiles },
              });
              claim.saved = imageBytes(before) - imageBytes(after);
            } catch (error) {
              claim.error = (error as Error).message.split('\n').slice(-3).join(' ').slice(0, 300);
            } finally {
              removeAdviceFixture(after);
            }
          }
        } catch (error) {
          results.push({ entry, findings: [], error: (error as Error).message.slice(-1500) });
        } finally {
          removeAdviceFixture(before);
        }
      }),
    ),
  );
  results.sort((a, b) => chosen.indexOf(a.entry) - chosen.indexOf(b.entry));

  console.log(`advice corpus: ${results.length} Dockerfiles\n`);
  for (const { entry, findings, error } of results) {
    if (error) {
      console.log(`${entry.fixture.name}: BUILD FAILED\n${error}\n`);
      continue;
    }
    const key = (r: { rule: string; line: number }) => `${r.rule}:${r.line}`;
    const wanted = new Set(entry.expected.map(key));
    const got = new Set(findings.map(key));
    const marks = [
      ...findings.map(
        (f) =>
          `${wanted.has(key(f)) ? 'ok' : 'FALSE POSITIVE'} ${f.rule} line ${f.line} (${mb(f.bytes)}${f.saves !== undefined ? `, saves ${mb(f.saves)}` : ''})`,
      ),
      ...entry.expected.filter((e) => !got.has(key(e))).map((e) => `MISSED ${e.rule} line ${e.line}`),
    ];
    console.log(`${entry.fixture.name}: ${entry.why}`);
    for (const mark of marks.length > 0 ? marks : ['no findings (none expected)']) console.log(`  ${mark}`);
  }

  const { rules, total } = scoreCorpus(
    results
      .filter((r) => !r.error)
      .map((r) => ({
        expected: r.entry.expected,
        found: r.findings.map((f) => ({ rule: f.rule, line: f.line })),
      })),
  );
  const pct = (n: number, d: number) => (d === 0 ? '-' : `${((100 * n) / d).toFixed(0)}%`);
  console.log('\n| rule | right | false positives | missed | precision | recall |');
  console.log('| --- | --- | --- | --- | --- | --- |');
  for (const s of [...rules, total])
    console.log(
      `| ${s.rule === 'total' ? '**total**' : `\`${s.rule}\``} | ${s.tp} | ${s.fp} | ${s.fn} | ${pct(s.tp, s.tp + s.fp)} | ${pct(s.tp, s.tp + s.fn)} |`,
    );
  const clean = results.filter((r) => !r.error && r.entry.expected.length === 0);
  const flagged = clean.filter((r) => r.findings.length > 0);
  console.log(`\nclean Dockerfiles flagged: ${flagged.length} of ${clean.length}`);

  console.log('\n| fix applied alone | claimed | saved | difference |');
  console.log('| --- | --- | --- | --- |');
  let within5 = 0;
  let within1 = 0;
  for (const c of claims) {
    if (c.saved === undefined) {
      console.log(
        `| ${c.entry} \`${c.rule}\` line ${c.line} | ${mb(c.claim)} | rebuild failed: ${c.error} | |`,
      );
      continue;
    }
    const diff = (c.saved - c.claim) / c.claim;
    if (Math.abs(diff) <= 0.05) within5++;
    if (Math.abs(diff) <= 0.01) within1++;
    console.log(
      `| ${c.entry} \`${c.rule}\` line ${c.line} | ${mb(c.claim)} | ${mb(c.saved)} | ${(100 * diff).toFixed(2)}% |`,
    );
  }
  console.log(
    `\nclaims: ${claims.length} fixes applied, ${claims.filter((c) => c.saved !== undefined).length} built, ` +
      `within 5%: ${within5}, within 1%: ${within1}`,
  );
  console.log(
    `precision ${pct(total.tp, total.tp + total.fp)}, recall ${pct(total.tp, total.tp + total.fn)}`,
  );
  console.log(`(${((Date.now() - started) / 1000).toFixed(0)} s)`);
  if (results.some((r) => r.error)) process.exitCode = 1;
}

await main();
