export const id = 385;
export const ids = [385];
export const modules = {

/***/ 4385:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  registryClientsOf: () => (/* binding */ registryClientsOf)
});

// EXTERNAL MODULE: ./src/registry/client.ts + 8 modules
var registry_client = __webpack_require__(1229);
;// CONCATENATED MODULE: ./src/registry/clients.ts

class RegistryClients {
    clients = new Map();
    found = new Map();
    /**
     * The credentials for a registry, looked up once a run (Docker's config is read and a
     * credential helper run once, not at every connect); a lookup that failed is tried again.
     */
    credentials(registry, explicit, lookUp) {
        const key = JSON.stringify([registry, explicit ?? null]);
        let found = this.found.get(key);
        if (!found) {
            found = lookUp();
            this.found.set(key, found);
            found.catch(() => this.found.delete(key));
        }
        return found;
    }
    /** The pool's client for these options, made on first use. */
    client(options) {
        const key = poolKey(options);
        let client = this.clients.get(key);
        if (!client) {
            client = new registry_client/* RegistryClient */.bP(options);
            this.clients.set(key, client);
        }
        return client;
    }
    /** How many clients the pool holds (one per host and credentials). */
    get size() {
        return this.clients.size;
    }
}
function poolKey(options) {
    const credentials = options.credentials ?? {};
    return JSON.stringify([
        options.host.toLowerCase(),
        credentials.username ?? null,
        credentials.password ?? null,
        credentials.identityToken ?? null,
        [...(options.insecureRegistries ?? [])].sort(),
        options.timeout ?? null,
    ]);
}

;// CONCATENATED MODULE: ./src/steps/registry-clients.ts

const pools = new WeakMap();
function registryClientsOf(io) {
    let pool = pools.get(io);
    if (!pool) {
        pool = new RegistryClients();
        pools.set(io, pool);
    }
    return pool;
}


/***/ })

};
