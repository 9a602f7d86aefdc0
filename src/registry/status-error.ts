/**
 * The RegistryError for a status that is final (after retries): what the user reads, with the
 * registry's own words when its error body has some.
 */
import { RegistryError } from './errors.js';
import { formatSeconds, type Exchange } from './transport.js';

/** The error for a final non-success status. `subject` is what was asked for, named in the message. */
export function statusError(
  status: number,
  image: string,
  subject: string,
  exchange: Exchange,
  body?: Buffer,
): RegistryError {
  const said = registryMessage(body);
  const tries =
    exchange.attempts > 1
      ? ` (gave up after ${exchange.attempts} attempts in ${formatSeconds(exchange.elapsed)})`
      : '';
  if (status === 404) return new RegistryError('not-found', image, `${subject} not found`, 404);
  if (status === 403) {
    return new RegistryError('denied', image, `access to ${subject} denied (HTTP 403)${said}`, 403);
  }
  if (status === 429) {
    return new RegistryError(
      'rate-limited',
      image,
      `${subject}: rate limited by the registry (HTTP 429)${said}${tries}`,
      429,
    );
  }
  if (status >= 500) {
    return new RegistryError(
      'server',
      image,
      `${subject}: the registry answered HTTP ${status}${said}${tries}`,
      status,
    );
  }
  return new RegistryError('protocol', image, `${subject}: unexpected HTTP ${status}${said}`, status);
}

/** The distribution error body: {"errors":[{"code":"DENIED","message":"..."}]}, as `: DENIED ...`. */
function registryMessage(body: Buffer | undefined): string {
  if (!body || body.length === 0) return '';
  try {
    const parsed = JSON.parse(body.toString('utf8')) as { errors?: { code?: string; message?: string }[] };
    const first = parsed.errors?.[0];
    const text = [first?.code, first?.message].filter(Boolean).join(' ');
    return text ? `: ${text}` : '';
  } catch {
    return '';
  }
}
