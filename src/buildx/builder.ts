/**
 * What `docker buildx inspect [builder]` says about a builder: its name, its driver, and the
 * platforms of its nodes, as data; and the one log line that names them. Pure: run.ts runs the
 * command. The driver decides how a leg is pushed by digest (steps/legs.ts).
 */

export interface BuilderNode {
  name: string;
  /** A docker context, `unix:///var/run/docker.sock`, `tcp://...`, `kubernetes:///...`. */
  endpoint: string;
  /** `running`, `inactive` (a container builder not started yet), `stopped`, ... */
  status: string;
  /** As the node lists them; the `*` buildx puts after platforms set by the user is dropped. */
  platforms: string[];
}

export interface BuilderInfo {
  name: string;
  /** `docker`, `docker-container`, `remote`, `kubernetes`, `cloud`. */
  driver: string;
  nodes: BuilderNode[];
  /** Every node's platforms, each once, in the order they first appear. */
  platforms: string[];
}

/** Drivers whose images go to the engine's store: buildx cannot push them by digest. */
const ENGINE_DRIVERS = new Set(['docker']);

/** Whether buildx's own `push-by-digest=true` works with this driver. */
export function canPushByDigest(driver: string): boolean {
  return !ENGINE_DRIVERS.has(driver);
}

/**
 * How the build names its builder: `--builder NAME`, except for a docker-driver builder, which
 * is a docker context that buildx will not take as `--builder` unless it is the current one
 * ("use `docker --context=NAME buildx` to switch to context NAME"): then `docker --context NAME`.
 */
export function builderSelection(
  requested: string | undefined,
  builder: BuilderInfo | undefined,
): { builder?: string; dockerContext?: string } {
  if (!requested) return {};
  if (builder?.driver === 'docker') return { builder: undefined, dockerContext: builder.name };
  return { builder: requested };
}

/** Parses `docker buildx inspect`'s text; undefined when it names no builder or driver. */
export function parseBuilderInspect(text: string): BuilderInfo | undefined {
  const lines = text.split(/\r?\n/);
  const nodesAt = lines.findIndex((line) => /^Nodes:\s*$/.test(line));
  const head = nodesAt === -1 ? lines : lines.slice(0, nodesAt);
  const name = field(head, 'Name');
  const driver = field(head, 'Driver');
  if (!name || !driver) return undefined;

  const nodes: BuilderNode[] = [];
  if (nodesAt !== -1) {
    // Each node is a block that starts with its own `Name:` line.
    let block: string[] | undefined;
    const flush = () => {
      if (block) nodes.push(parseNode(block));
    };
    for (const line of lines.slice(nodesAt + 1)) {
      if (/^Name:/.test(line)) {
        flush();
        block = [];
      }
      block?.push(line);
    }
    flush();
  }
  const platforms = [...new Set(nodes.flatMap((node) => node.platforms))];
  return { name, driver, nodes, platforms };
}

/** `Builder legs-ctx (driver docker) ran the build; its platforms: linux/amd64, linux/arm64`. */
export function describeBuilder(builder: BuilderInfo): string {
  const nodes =
    builder.nodes.length > 1
      ? `; nodes: ${builder.nodes.map((n) => `${n.name} (${n.platforms.join(', ') || 'platforms unknown'})`).join(', ')}`
      : '';
  const platforms = builder.platforms.length
    ? `its platforms: ${builder.platforms.join(', ')}`
    : 'its platforms are not known until it starts';
  return `Builder ${builder.name} (driver ${builder.driver}) runs the build; ${platforms}${nodes}`;
}

function parseNode(block: string[]): BuilderNode {
  const platforms = (field(block, 'Platforms') ?? '')
    .split(',')
    .map((p) => p.trim().replace(/\*$/, ''))
    .filter(Boolean);
  return {
    name: field(block, 'Name') ?? '',
    endpoint: field(block, 'Endpoint') ?? '',
    status: field(block, 'Status') ?? '',
    platforms,
  };
}

// `Key:   value` at the start of a line (indented lines belong to labels and GC policies).
function field(lines: string[], key: string): string | undefined {
  for (const line of lines) {
    const match = /^([A-Za-z][A-Za-z ]*):\s*(.*)$/.exec(line);
    if (match && match[1] === key) return match[2].trim();
  }
  return undefined;
}
