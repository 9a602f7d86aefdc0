/**
 * Which scheme a registry is spoken to with: HTTPS, except for the loopback (`localhost`,
 * 127.0.0.0/8, `[::1]`) and the hosts the user listed as insecure, which get plain HTTP.
 */
export function isLoopback(host: string): boolean {
  const hostname = hostnameOf(host);
  return hostname === 'localhost' || hostname === '[::1]' || /^127(\.\d{1,3}){3}$/.test(hostname);
}

/** `http://host` or `https://host` for `host[:port]`. */
export function registryBaseUrl(host: string, insecureRegistries: readonly string[] = []): string {
  const lower = host.toLowerCase();
  // A listed entry matches with its port, or, when it has none, any port of that host.
  const listed = insecureRegistries.some((entry) => {
    const e = entry
      .trim()
      .toLowerCase()
      .replace(/^https?:\/\//, '')
      .replace(/\/+$/, '');
    return e === lower || (e === hostnameOf(e) && e === hostnameOf(lower));
  });
  return `${isLoopback(lower) || listed ? 'http' : 'https'}://${lower}`;
}

/** `host` without its port; IPv6 literals keep their brackets. */
export function hostnameOf(host: string): string {
  if (host.startsWith('[')) return host.slice(0, host.indexOf(']') + 1);
  const colon = host.indexOf(':');
  return colon >= 0 ? host.slice(0, colon) : host;
}
