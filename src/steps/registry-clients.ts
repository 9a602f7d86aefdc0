/**
 * The registry clients of a run, one pool per Io (registry/clients.ts): every step that connects
 * to a registry through the same runner shares its clients, so the push path's reads of one
 * registry (the baseline before the build, the image and the baseline after it) share one ping,
 * one token per scope, the manifests already read and the keep-alive connection.
 */
import type { Io } from '../io/port.js';
import { RegistryClients } from '../registry/clients.js';

const pools = new WeakMap<Io, RegistryClients>();

export function registryClientsOf(io: Io): RegistryClients {
  let pool = pools.get(io);
  if (!pool) {
    pool = new RegistryClients();
    pools.set(io, pool);
  }
  return pool;
}
