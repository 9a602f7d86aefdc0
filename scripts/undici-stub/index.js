// What @actions/http-client (under @actions/core) imports from undici: only ProxyAgent, used by
// its fetch dispatcher for a proxy. shipshape never calls core's HTTP client (getIDToken and the
// like), so anything that reaches this stub is a bug to be told of, not a silent no-op.
export class ProxyAgent {
  constructor() {
    throw new Error(
      "shipshape: undici is stubbed under @actions/core's http-client (package.json overrides)",
    );
  }
}
