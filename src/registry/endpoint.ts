/**
 * Which scheme a registry is spoken to with, as docker decides it: HTTPS, except for the hosts
 * docker calls insecure, the loopback (`localhost`, 127.0.0.0/8, `[::1]`) and those the user
 * lists in `insecure-registries`. Their base URL is `http://`, and the fetch layer tries TLS on
 * them first (without checking the certificate, as docker does), falling back to plain HTTP when
 * the server does not speak TLS: so a TLS registry on `localhost:5443` works too.
 */
export function isLoopback(host: string): boolean {
  const hostname = hostnameOf(host);
  return hostname === 'localhost' || hostname === '[::1]' || /^127(\.\d{1,3}){3}$/.test(hostname);
}

/**
 * The loopback, or a host `insecureRegistries` lists: an entry matches with its port, or, when it
 * has none, any port of that host.
 */
export function isInsecureRegistry(host: string, insecureRegistries: readonly string[] = []): boolean {
  const lower = host.toLowerCase();
  if (isLoopback(lower)) return true;
  return insecureRegistries.some((entry) => {
    const e = entry
      .trim()
      .toLowerCase()
      .replace(/^https?:\/\//, '')
      .replace(/\/+$/, '');
    return e === lower || (e === hostnameOf(e) && e === hostnameOf(lower));
  });
}

/** `http://host` or `https://host` for `host[:port]`. */
export function registryBaseUrl(host: string, insecureRegistries: readonly string[] = []): string {
  const lower = host.toLowerCase();
  return `${isInsecureRegistry(lower, insecureRegistries) ? 'http' : 'https'}://${lower}`;
}

/** `host` without its port; IPv6 literals keep their brackets. */
export function hostnameOf(host: string): string {
  if (host.startsWith('[')) return host.slice(0, host.indexOf(']') + 1);
  const colon = host.indexOf(':');
  return colon >= 0 ? host.slice(0, colon) : host;
}
