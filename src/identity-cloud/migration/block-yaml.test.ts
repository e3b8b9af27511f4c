import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { toBlockYaml } from './block-yaml.ts';

describe('block YAML', () => {
  it('round-trips plain data, with hostile strings kept as strings', () => {
    const data = {
      clients: [
        {
          name: 'a: b # not a comment',
          callbacks: ['https://x/cb', 'yes', 'null', '- dash'],
          n: 3,
          ok: true,
        },
        {
          name: 'multi\nline \'quoted\' "double" \u2713',
          callbacks: [],
          nested: { deep: [{ x: null }] },
          empty: {},
        },
      ],
    };
    expect(parse(toBlockYaml(data))).toEqual(data);
  });

  it('drops undefined fields and refuses what YAML cannot hold', () => {
    expect(parse(toBlockYaml({ a: 1, b: undefined }))).toEqual({ a: 1 });
    expect(() => toBlockYaml({ f: () => 1 })).toThrow(TypeError);
  });
});
