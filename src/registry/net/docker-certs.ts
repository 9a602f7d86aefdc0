/**
 * What docker trusts for one registry: the files in `/etc/docker/certs.d/<host:port>/`, read by
 * docker's rules. `*.crt` are CAs (added to the system's, not instead of them); `name.cert` with
 * `name.key` is a client certificate for mutual TLS; a `.cert` without its `.key`, or a `.key`
 * without its `.cert`, is an error, as it is for docker. Nothing else in the directory counts.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

export const DOCKER_CERTS_DIR = '/etc/docker/certs.d';

/** A client certificate for mutual TLS: `name` is its `.cert` file. */
export interface ClientPair {
  cert: string;
  key: string;
  name: string;
}

export interface HostCerts {
  /** The directory read (named in messages, whether or not it exists). */
  dir: string;
  /** PEM text of each `*.crt`, in file name order. */
  ca: string[];
  /** Every `name.cert` + `name.key` pair, by name (docker keeps them all, in that order). */
  clients: ClientPair[];
}

export class DockerCertsError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'DockerCertsError';
  }
}

/**
 * The directory docker reads for `host` (`registry.example:5443`, `ghcr.io`) under `root`. The
 * name is the host as given, port included; only a path separator or `..` could make it leave
 * `root`, and a host never holds one.
 */
export function certsDirOf(host: string, root = DOCKER_CERTS_DIR): string {
  if (host === '' || host === '.' || host === '..' || /[/\\]/.test(host)) {
    throw new DockerCertsError(`"${host}" is not a registry host`);
  }
  return join(root, host);
}

export interface CertFilePlan {
  ca: string[];
  pairs: { cert: string; key: string }[];
  /** Why the directory cannot be used, in docker's words: a missing half of a pair. */
  problems: string[];
}

/** Which files of a directory listing count, and as what: the pure half of `readHostCerts`. */
export function planCertFiles(names: readonly string[]): CertFilePlan {
  const sorted = [...names].sort();
  const present = new Set(sorted);
  const plan: CertFilePlan = { ca: [], pairs: [], problems: [] };
  for (const name of sorted) {
    if (name.endsWith('.crt')) plan.ca.push(name);
    else if (name.endsWith('.cert')) {
      const key = `${name.slice(0, -'.cert'.length)}.key`;
      if (present.has(key)) plan.pairs.push({ cert: name, key });
      else
        plan.problems.push(
          `missing key ${key} for client certificate ${name} (a CA certificate must end in .crt)`,
        );
    } else if (name.endsWith('.key')) {
      const cert = `${name.slice(0, -'.key'.length)}.cert`;
      if (!present.has(cert)) plan.problems.push(`missing client certificate ${cert} for key ${name}`);
    }
  }
  return plan;
}

/**
 * Reads the certs.d directory of `host`. A directory that does not exist gives no CA and no
 * client certificate; one that cannot be used is a DockerCertsError naming it, never quoting a file.
 */
export function readHostCerts(host: string, root = DOCKER_CERTS_DIR): HostCerts {
  const dir = certsDirOf(host, root);
  let names: string[];
  try {
    names = readdirSync(dir, { withFileTypes: true })
      .filter((entry) => entry.isFile() || entry.isSymbolicLink())
      .map((entry) => entry.name);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') return { dir, ca: [], clients: [] };
    throw new DockerCertsError(`cannot read ${dir}: ${reason(error)}`);
  }
  const plan = planCertFiles(names);
  if (plan.problems.length > 0) {
    throw new DockerCertsError(`${dir}: ${plan.problems.join('; ')}`);
  }
  const read = (name: string) => {
    try {
      return readFileSync(join(dir, name), 'utf8');
    } catch (error) {
      throw new DockerCertsError(`cannot read ${join(dir, name)}: ${reason(error)}`);
    }
  };
  const ca = plan.ca.map(read);
  for (const [i, pem] of ca.entries()) {
    if (!pem.includes('-----BEGIN CERTIFICATE-----')) {
      throw new DockerCertsError(`${join(dir, plan.ca[i]!)} holds no PEM certificate`);
    }
  }
  const clients = plan.pairs.map((pair) => ({ cert: read(pair.cert), key: read(pair.key), name: pair.cert }));
  return { dir, ca, clients };
}

// dockerd reads certs.d as root; the runner's user may not be able to.
function reason(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'EACCES') return 'EACCES (the user the job runs as needs read access to it, as dockerd has)';
  return code ?? (error as Error).message;
}
