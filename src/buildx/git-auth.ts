/**
 * BuildKit clones a Git context itself; it authenticates to `https://HOST/...` with the build
 * secret `GIT_AUTH_TOKEN.HOST`. We hand it the workflow's token only for the GitHub server
 * the workflow runs on, never for another host named in the context.
 */
export function gitAuthSecretId(context: string, serverUrl: string): string | undefined {
  let contextHost: string;
  let serverHost: string;
  try {
    if (!/^https:\/\//.test(context)) return undefined;
    contextHost = new URL(context).host;
    serverHost = new URL(serverUrl).host;
  } catch {
    return undefined;
  }
  return contextHost === serverHost ? `GIT_AUTH_TOKEN.${contextHost}` : undefined;
}
