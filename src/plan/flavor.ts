/**
 * The `flavor` input: settings that apply to every tag, as metadata-action's flavor.
 *
 *   latest=auto|true|false
 *   prefix=<text>[,onlatest=true]
 *   suffix=<text>[,onlatest=true]
 */
import { InputError } from '../util/errors.js';
import { parseList } from '../util/list.js';
import { templateProblem } from './expressions.js';

export type LatestMode = 'auto' | 'true' | 'false';

export interface Flavor {
  /** auto: `latest` follows a release (a semver or git tag); true: always; false: never. */
  latest: LatestMode;
  /** Put before every tag whose rule sets no prefix of its own. May hold {{expressions}}. */
  prefix: string;
  /** Whether `latest` gets the prefix too (`v-latest`); by default it stays plain `latest`. */
  prefixOnLatest: boolean;
  suffix: string;
  suffixOnLatest: boolean;
}

export const DEFAULT_FLAVOR: Readonly<Flavor> = {
  latest: 'auto',
  prefix: '',
  prefixOnLatest: false,
  suffix: '',
  suffixOnLatest: false,
};

const LATEST_MODES: readonly string[] = ['auto', 'true', 'false'];

/** One setting per line; a later line for the same setting wins. */
export function parseFlavor(lines: string[]): Flavor {
  const flavor: Flavor = { ...DEFAULT_FLAVOR };
  for (const raw of lines) {
    const line = raw.trim();
    if (line === '') continue;
    const fail: (reason: string) => never = (reason) => {
      throw new InputError('flavor', line, reason);
    };
    const [first, ...rest] = parseList(line).map((field) => splitField(field, fail));
    const [key, value] = first;
    switch (key) {
      case 'latest': {
        if (rest.length > 0) fail('sets latest and something else on one line');
        const mode = value.toLowerCase();
        if (!LATEST_MODES.includes(mode)) fail(`has latest "${value}" (expected auto, true or false)`);
        flavor.latest = mode as LatestMode;
        break;
      }
      case 'prefix':
      case 'suffix': {
        const problem = templateProblem(value);
        if (problem) fail(`${key} ${problem}`);
        let onLatest = false;
        for (const [other, otherValue] of rest) {
          // onlatest belongs to the prefix or suffix on its own line; anything else is a typo.
          if (other !== 'onlatest') fail(`has an unknown attribute "${other}" (expected onlatest)`);
          const flag = otherValue.toLowerCase();
          if (flag !== 'true' && flag !== 'false')
            fail(`has onlatest "${otherValue}" (expected true or false)`);
          onLatest = flag === 'true';
        }
        if (key === 'prefix') {
          flavor.prefix = value;
          flavor.prefixOnLatest = onLatest;
        } else {
          flavor.suffix = value;
          flavor.suffixOnLatest = onLatest;
        }
        break;
      }
      default:
        fail(`has an unknown key "${key}" (expected latest, prefix or suffix)`);
    }
  }
  return flavor;
}

function splitField(field: string, fail: (reason: string) => never): [string, string] {
  const eq = field.indexOf('=');
  if (eq <= 0) fail(`has "${field}", which is not key=value`);
  return [field.slice(0, eq).trim().toLowerCase(), field.slice(eq + 1).trim()];
}
