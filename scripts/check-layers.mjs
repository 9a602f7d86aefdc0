#!/usr/bin/env node
// The layer rule of src/: each folder imports only folders of a lower level, in the order the
// CONTRIBUTING.md's "The shape of src/" section gives (the table under `<!-- layers -->`), and no import cycle,
// between folders or between files. Static imports, `export ... from` and `import()` all count,
// type-only imports too (a cycle of types is a cycle of meaning). Prints each breach and exits 1;
// prints one summary line and exits 0 when there is none.
//
//   node scripts/check-layers.mjs [--root DIR]   (DIR: the repository, with CONTRIBUTING.md and src/)
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';

const MARKER = '<!-- layers -->';
const TABLE_FILE = 'CONTRIBUTING.md';

/** The table's rows: `| level | \`folder/\` | ...`, highest level first. */
export function readLayers(readme) {
  const at = readme.indexOf(MARKER);
  if (at < 0) throw new Error(`${TABLE_FILE} has no ${MARKER} table`);
  const layers = [];
  for (const line of readme
    .slice(at + MARKER.length)
    .trimStart()
    .split('\n')) {
    if (!line.startsWith('|')) break;
    const row = /^\|\s*(\d+)\s*\|\s*`([a-z0-9][a-z0-9/-]*)\/`\s*\|/.exec(line);
    if (row) layers.push({ level: Number(row[1]), folder: row[2] });
  }
  if (layers.length === 0) throw new Error(`the ${MARKER} table in ${TABLE_FILE} lists no folder`);
  return layers;
}

function sourceFiles(dir) {
  const files = [];
  for (const entry of readdirSync(dir)) {
    const path = join(dir, entry);
    if (statSync(path).isDirectory()) files.push(...sourceFiles(path));
    else if (path.endsWith('.ts') && !path.endsWith('.d.ts')) files.push(path);
  }
  return files;
}

const IMPORT = /(?:\bfrom\s*|\bimport\s*\(\s*|^\s*import\s+)['"](\.{1,2}\/[^'"]+)['"]/gm;

function importsOf(file) {
  const text = readFileSync(file, 'utf8');
  const targets = [];
  for (const match of text.matchAll(IMPORT)) {
    const spec = resolve(dirname(file), match[1]);
    const candidates = [spec.replace(/\.js$/, '.ts'), spec, `${spec}.ts`, join(spec, 'index.ts')];
    const target = candidates.find((path) => existsSync(path) && statSync(path).isFile());
    if (target) targets.push(target);
  }
  return targets;
}

// The cycles of a graph (Map node -> Set of nodes): one path each, from its strongly connected
// components (Tarjan), so that the report names the nodes in order.
function cycles(graph) {
  let index = 0;
  const indexOf = new Map();
  const low = new Map();
  const stack = [];
  const onStack = new Set();
  const components = [];
  const visit = (node) => {
    indexOf.set(node, index);
    low.set(node, index++);
    stack.push(node);
    onStack.add(node);
    for (const next of graph.get(node) ?? []) {
      if (!indexOf.has(next)) {
        visit(next);
        low.set(node, Math.min(low.get(node), low.get(next)));
      } else if (onStack.has(next)) low.set(node, Math.min(low.get(node), indexOf.get(next)));
    }
    if (low.get(node) === indexOf.get(node)) {
      const component = [];
      let member;
      do {
        member = stack.pop();
        onStack.delete(member);
        component.push(member);
      } while (member !== node);
      if (component.length > 1) components.push(component);
    }
  };
  for (const node of [...graph.keys()].sort()) if (!indexOf.has(node)) visit(node);
  return components.map((component) => {
    const members = new Set(component);
    const start = [...component].sort()[0];
    // The shortest way back to the start, inside the component (breadth first).
    const previous = new Map([[start, undefined]]);
    const queue = [start];
    while (queue.length > 0) {
      const node = queue.shift();
      for (const next of [...(graph.get(node) ?? [])].sort()) {
        if (next === start) {
          const path = [node];
          while (previous.get(path[0]) !== undefined) path.unshift(previous.get(path[0]));
          return [...path, start];
        }
        if (members.has(next) && !previous.has(next)) {
          previous.set(next, node);
          queue.push(next);
        }
      }
    }
    return [...component, component[0]];
  });
}

/** The breaches of the layer rule in `root` (CONTRIBUTING.md and src/): [] when there is none. */
export function checkLayers(root) {
  const layers = readLayers(readFileSync(join(root, TABLE_FILE), 'utf8'));
  const src = join(root, 'src');
  const byLength = [...layers].sort((a, b) => b.folder.length - a.folder.length);
  const layerOf = (file) => {
    const path = relative(src, file).split(sep).join('/');
    return byLength.find((layer) => path.startsWith(`${layer.folder}/`));
  };
  const problems = [];
  const folders = new Map();
  const filesGraph = new Map();
  const files = sourceFiles(src);
  let imports = 0;
  for (const file of files) {
    const shown = relative(root, file).split(sep).join('/');
    const from = layerOf(file);
    if (!from) {
      problems.push(`no layer: ${shown} is in no folder of the layer table`);
      continue;
    }
    filesGraph.set(shown, new Set());
    for (const target of importsOf(file)) {
      imports++;
      const targetShown = relative(root, target).split(sep).join('/');
      filesGraph.get(shown).add(targetShown);
      const to = layerOf(target);
      if (!to || to === from) continue;
      if (!folders.has(from.folder)) folders.set(from.folder, new Set());
      folders.get(from.folder).add(to.folder);
      if (to.level > from.level) {
        problems.push(
          `upward import: ${shown} (${from.folder}/, level ${from.level}) imports ${targetShown} (${to.folder}/, level ${to.level})`,
        );
      } else if (to.level === from.level) {
        problems.push(
          `sideways import: ${shown} (${from.folder}/) imports ${targetShown} (${to.folder}/), both level ${from.level}`,
        );
      }
    }
  }
  for (const cycle of cycles(folders))
    problems.push(`folder cycle: ${cycle.map((f) => `${f}/`).join(' -> ')}`);
  for (const cycle of cycles(filesGraph)) problems.push(`file cycle: ${cycle.join(' -> ')}`);
  return { problems, summary: `layers: ${layers.length} folders, ${files.length} files, ${imports} imports` };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const at = process.argv.indexOf('--root');
  const root = resolve(at > 0 ? process.argv[at + 1] : join(dirname(process.argv[1]), '..'));
  const { problems, summary } = checkLayers(root);
  for (const problem of problems) console.log(problem);
  console.log(
    problems.length === 0
      ? `${summary}: every import points down, no cycle`
      : `${summary}: ${problems.length} problem(s)`,
  );
  process.exitCode = problems.length === 0 ? 0 : 1;
}
