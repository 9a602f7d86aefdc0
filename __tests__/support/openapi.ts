/**
 * Checks HTTP exchanges against GitHub's own OpenAPI description of the REST API (the
 * `@octokit/openapi` package, `api.github.com.json`), so that the GitHub stand-in cannot drift
 * from what GitHub documents, and the client cannot send what GitHub would not accept.
 *
 *   const openapi = loadGitHubOpenApi();
 *   const violations = openapi.check({ method: 'GET', path: '/repos/o/r/issues/1/comments',
 *     query: new URLSearchParams('per_page=100'), status: 200, responseBody: [...] });
 *   expect(violations).toEqual([]);
 *
 * Request: the path matches a documented template for the method; path parameters and query
 * parameters match their schemas (unknown query parameters are violations: GitHub ignores them,
 * so a typo there would silently change what the client gets); a JSON body matches the request
 * body schema. Response: the status is documented for the operation, the content type is one the
 * operation documents, and the body matches that status's schema.
 *
 * Two things GitHub does that its description leaves out, allowed here on purpose:
 * - `/repositories/{repository_id}/...` is the same resource as `/repos/{owner}/{repo}/...`; GitHub
 *   puts that form in its `Link` pagination headers, so clients must follow it.
 * - Some statuses can come from any endpoint (GLOBAL_STATUSES: bad JSON, bad credentials,
 *   rate limits, permissions, a resource the token cannot see, server errors, and redirects:
 *   "clients should assume that any request may result in a redirection", GitHub's best
 *   practices say) but are listed on only some operations. An undocumented one of these is checked against GitHub's error
 *   schema (`basic-error`) instead of being reported.
 *
 * Loading the 13 MB description takes ~0.3 s; schemas are compiled per operation on first use
 * and cached, so a test file pays for the handful of operations it exercises.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { Ajv, type ValidateFunction, type ErrorObject } from 'ajv';
import addFormatsModule from 'ajv-formats';

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type JsonObject = { [key: string]: Json };

/** One HTTP exchange as the server saw it. Paths are relative to the API root. */
export interface Exchange {
  method: string;
  /** The decoded path, without the query and without a GitHub Enterprise `/api/v3` prefix. */
  path: string;
  query: URLSearchParams;
  /** The request's Content-Type header, when it had a body. */
  requestContentType?: string;
  /** The raw request body (empty string when none). */
  requestBody?: string;
  status: number;
  responseContentType?: string;
  /** The parsed JSON response body (undefined when the response has none). */
  responseBody?: unknown;
}

export interface Operation {
  operationId: string;
  method: string;
  /** The documented template: `/repos/{owner}/{repo}/issues/{issue_number}/comments`. */
  template: string;
}

export interface OpenApiChecker {
  /** The documented operation this method and path belong to, if any. */
  operation(method: string, path: string): Operation | undefined;
  /** Violations of the description, one readable line each; empty when the exchange conforms. */
  check(exchange: Exchange): string[];
}

/** Statuses GitHub can answer on any endpoint (see the header comment). */
export const GLOBAL_STATUSES = new Set([301, 302, 307, 308, 400, 401, 403, 404, 429, 500, 502, 503]);

const SPEC_MODULE = '@octokit/openapi/generated/api.github.com.json';

interface Template {
  template: string;
  segments: string[];
  literalCount: number;
}

interface CompiledOperation extends Operation {
  pathParams?: ValidateFunction;
  queryParams?: ValidateFunction;
  requestBody?: { required: boolean; mediaTypes: string[]; validate?: ValidateFunction };
  responses: Map<number | 'default', { mediaTypes: string[]; validate?: ValidateFunction }>;
}

let cached: OpenApiChecker | undefined;

/** The checker for api.github.com's description; loaded once per module registry. */
export function loadGitHubOpenApi(): OpenApiChecker {
  cached ??= createChecker(
    JSON.parse(readFileSync(createRequire(import.meta.url).resolve(SPEC_MODULE), 'utf8')) as JsonObject,
  );
  return cached;
}

// ajv-formats is CommonJS: under NodeNext the default import is its module.exports, whose
// `default` is the plugin.
const addFormats = addFormatsModule.default;

function createChecker(spec: JsonObject): OpenApiChecker {
  const paths = spec.paths as Record<string, JsonObject>;
  const componentSchemas = (spec.components as JsonObject).schemas as Record<string, Json>;
  const templates: Template[] = Object.keys(paths).map((template) => {
    const segments = template.split('/').slice(1);
    return { template, segments, literalCount: segments.filter((s) => !isParam(s)).length };
  });

  // Bodies are checked as GitHub sends them; parameters arrive as strings and are coerced.
  const bodies = new Ajv({ strict: false, allErrors: true, validateSchema: false });
  const params = new Ajv({ strict: false, allErrors: true, validateSchema: false, coerceTypes: true });
  for (const ajv of [bodies, params]) {
    addFormats(ajv);
    // GitHub's numeric formats; JSON numbers beyond 2^53 would already have lost precision.
    ajv.addFormat('int32', {
      type: 'number',
      validate: (n: number) => Number.isInteger(n) && Math.abs(n) < 2 ** 31,
    });
    ajv.addFormat('int64', { type: 'number', validate: (n: number) => Number.isSafeInteger(n) });
  }

  const compiled = new Map<string, CompiledOperation>();
  let basicError: ValidateFunction | undefined;

  function resolve(node: Json): Json {
    let current = node;
    for (let hops = 0; isObject(current) && typeof current.$ref === 'string'; hops++) {
      if (hops > 20) throw new Error(`$ref loop at ${current.$ref}`);
      current = pointer(spec, current.$ref);
    }
    return current;
  }

  /** A self-contained JSON schema: `#/components/schemas/X` refs become `#/definitions/X`. */
  function standalone(schema: Json): JsonObject {
    const definitions: Record<string, Json> = {};
    const rewrite = (node: Json): Json => {
      if (Array.isArray(node)) return node.map(rewrite);
      if (!isObject(node)) return node;
      const out: JsonObject = {};
      for (const [key, value] of Object.entries(node)) {
        if (key === '$ref' && typeof value === 'string') out.$ref = rewriteRef(value);
        else if (key === 'example' || key === 'examples' || key === 'description') continue;
        else out[key] = rewrite(value);
      }
      return out;
    };
    const rewriteRef = (ref: string): string => {
      const prefix = '#/components/schemas/';
      if (!ref.startsWith(prefix)) throw new Error(`unsupported $ref ${ref}`);
      const [name, ...rest] = ref.slice(prefix.length).split('/');
      const decoded = unescapePointer(name);
      if (!(decoded in definitions)) {
        if (!(decoded in componentSchemas)) throw new Error(`dangling $ref ${ref}`);
        definitions[decoded] = true; // placeholder: stops recursion through cyclic schemas
        definitions[decoded] = rewrite(componentSchemas[decoded]);
      }
      return ['#/definitions', name, ...rest].join('/');
    };
    const root = rewrite(schema);
    return { ...(isObject(root) ? root : { allOf: [root] }), definitions };
  }

  function compileOperation(method: string, template: string): CompiledOperation {
    const key = `${method} ${template}`;
    const existing = compiled.get(key);
    if (existing) return existing;
    const pathItem = paths[template];
    const op = pathItem[method] as JsonObject;
    const parameters = [...((pathItem.parameters as Json[]) ?? []), ...((op.parameters as Json[]) ?? [])].map(
      (p) => resolve(p) as JsonObject,
    );

    const paramSchema = (where: string, strict: boolean): ValidateFunction | undefined => {
      const own = parameters.filter((p) => p.in === where);
      if (own.length === 0 && !strict) return undefined;
      const schema = {
        type: 'object',
        properties: Object.fromEntries(own.map((p) => [p.name as string, (p.schema ?? {}) as Json])),
        required: own.filter((p) => p.required).map((p) => p.name as string),
        additionalProperties: !strict,
      };
      return params.compile(standalone(schema));
    };

    let requestBody: CompiledOperation['requestBody'];
    if (op.requestBody) {
      const body = resolve(op.requestBody) as JsonObject;
      const content = (body.content ?? {}) as Record<string, JsonObject>;
      const json = content['application/json'];
      requestBody = {
        required: body.required === true,
        mediaTypes: Object.keys(content),
        validate: json?.schema ? bodies.compile(standalone(json.schema)) : undefined,
      };
    }

    const responses: CompiledOperation['responses'] = new Map();
    for (const [status, ref] of Object.entries((op.responses ?? {}) as JsonObject)) {
      const response = resolve(ref) as JsonObject;
      const content = (response.content ?? {}) as Record<string, JsonObject>;
      const jsonType = Object.keys(content).find((type) => isJsonType(type));
      const schema = jsonType ? content[jsonType].schema : undefined;
      responses.set(status === 'default' ? 'default' : Number(status), {
        mediaTypes: Object.keys(content),
        validate: schema ? bodies.compile(standalone(schema)) : undefined,
      });
    }

    const result: CompiledOperation = {
      operationId: String(op.operationId),
      method: method.toUpperCase(),
      template,
      pathParams: paramSchema('path', false),
      queryParams: paramSchema('query', true),
      requestBody,
      responses,
    };
    compiled.set(key, result);
    return result;
  }

  /** Finds the template and the path parameters; the most literal template wins a tie. */
  function match(
    method: string,
    path: string,
  ): { template: string; params: Record<string, string>; viaRepositoryId: boolean } | undefined {
    const lower = method.toLowerCase();
    let segments = path.split('/').slice(1);
    let viaRepositoryId = false;
    const alias = /^\/repositories\/(\d+)(\/.*)$/.exec(path);
    if (alias) {
      segments = ['repos', '{owner}', '{repo}', ...alias[2].split('/').slice(1)];
      viaRepositoryId = true;
    }
    let best: { template: Template; params: Record<string, string> } | undefined;
    for (const candidate of templates) {
      if (candidate.segments.length !== segments.length || !(lower in paths[candidate.template])) continue;
      const params: Record<string, string> = {};
      const fits = candidate.segments.every((expected, i) => {
        if (isParam(expected)) {
          if (segments[i] === '') return false;
          params[expected.slice(1, -1)] = safeDecode(segments[i]);
          return true;
        }
        return expected === segments[i];
      });
      if (fits && (!best || candidate.literalCount > best.template.literalCount))
        best = { template: candidate, params };
    }
    if (!best) return undefined;
    return { template: best.template.template, params: best.params, viaRepositoryId };
  }

  function check(exchange: Exchange): string[] {
    const label = `${exchange.method} ${exchange.path}`;
    const found = match(exchange.method, exchange.path);
    if (!found) return [`${label}: no documented operation for this method and path`];
    const op = compileOperation(exchange.method.toLowerCase(), found.template);
    const where = `${label} (${op.operationId})`;
    const problems: string[] = [];

    // Request: path parameters. The /repositories/{id} form has no owner/repo names to check.
    if (op.pathParams) {
      const data: Record<string, unknown> = { ...found.params };
      if (found.viaRepositoryId) Object.assign(data, { owner: 'by-id', repo: 'by-id' });
      if (!op.pathParams(data)) problems.push(...describe(where, 'path parameters', op.pathParams.errors));
    }

    // Request: query parameters.
    const query: Record<string, unknown> = {};
    for (const [name, value] of exchange.query) {
      if (name in query) problems.push(`${where}: query parameter "${name}" given more than once`);
      query[name] = value;
    }
    if (op.queryParams && !op.queryParams(query)) {
      problems.push(...describe(where, 'query', op.queryParams.errors));
    }

    // Request: body.
    const rawBody = exchange.requestBody ?? '';
    if (op.requestBody) {
      if (rawBody === '') {
        if (op.requestBody.required) problems.push(`${where}: the request body is required`);
      } else if (!exchange.requestContentType || !isJsonType(mediaType(exchange.requestContentType))) {
        problems.push(
          `${where}: request Content-Type ${JSON.stringify(exchange.requestContentType)} is not JSON`,
        );
      } else {
        let parsed: unknown;
        try {
          parsed = JSON.parse(rawBody);
        } catch {
          problems.push(`${where}: the request body is not JSON`);
        }
        if (parsed !== undefined && op.requestBody.validate && !op.requestBody.validate(parsed)) {
          problems.push(...describe(where, 'request body', op.requestBody.validate.errors));
        }
      }
    } else if (rawBody !== '') {
      problems.push(`${where}: sends a body the operation does not take`);
    }

    // Response.
    const documented = op.responses.get(exchange.status) ?? op.responses.get('default');
    if (!documented) {
      if (!GLOBAL_STATUSES.has(exchange.status)) {
        problems.push(`${where}: status ${exchange.status} is not documented`);
        return problems;
      }
      basicError ??= bodies.compile(standalone({ $ref: '#/components/schemas/basic-error' }));
      if (exchange.responseBody !== undefined && !basicError(exchange.responseBody)) {
        problems.push(...describe(where, `${exchange.status} body (basic-error)`, basicError.errors));
      }
      return problems;
    }
    if (documented.mediaTypes.length === 0) {
      if (exchange.responseBody !== undefined && exchange.status !== 304) {
        problems.push(`${where}: status ${exchange.status} is documented without a body, but one was sent`);
      }
      return problems;
    }
    const type = exchange.responseContentType ? mediaType(exchange.responseContentType) : '';
    if (!documented.mediaTypes.includes(type)) {
      problems.push(
        `${where}: response Content-Type ${JSON.stringify(exchange.responseContentType)} is not one of ${documented.mediaTypes.join(', ')}`,
      );
    }
    if (documented.validate && !documented.validate(exchange.responseBody)) {
      problems.push(...describe(where, `${exchange.status} body`, documented.validate.errors));
    }
    return problems;
  }

  return {
    operation(method, path) {
      const found = match(method, path);
      if (!found) return undefined;
      const { operationId, template } = compileOperation(method.toLowerCase(), found.template);
      return { operationId, method: method.toUpperCase(), template };
    },
    check,
  };
}

function describe(where: string, part: string, errors: ErrorObject[] | null | undefined): string[] {
  return (errors ?? []).map((e) => {
    const message =
      e.keyword === 'additionalProperties'
        ? `has unknown property ${JSON.stringify(e.params.additionalProperty)}`
        : (e.message ?? 'is invalid');
    return `${where}: ${part}${e.instancePath ? ` ${e.instancePath}` : ''} ${message}`;
  });
}

function pointer(document: JsonObject, ref: string): Json {
  if (!ref.startsWith('#/')) throw new Error(`unsupported $ref ${ref}`);
  let node: Json = document;
  for (const part of ref.slice(2).split('/').map(unescapePointer)) {
    if (!isObject(node) || !(part in node)) throw new Error(`dangling $ref ${ref}`);
    node = node[part];
  }
  return node;
}

function unescapePointer(part: string): string {
  return part.replace(/~1/g, '/').replace(/~0/g, '~');
}

function isParam(segment: string): boolean {
  return segment.startsWith('{') && segment.endsWith('}');
}

function isObject(node: unknown): node is JsonObject {
  return typeof node === 'object' && node !== null && !Array.isArray(node);
}

function mediaType(contentType: string): string {
  return contentType.split(';')[0].trim().toLowerCase();
}

function isJsonType(type: string): boolean {
  return type === 'application/json' || /^application\/[\w.+-]*\+json$/.test(type);
}

function safeDecode(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}
