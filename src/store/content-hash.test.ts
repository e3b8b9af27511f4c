// The hash of a stored version must never change for the same content: a store keeps versions for months, and a
// different text for the same client would record every client as changed on the next read.
import { describe, expect, it } from 'vitest';
import { canonicalJson, contentHash } from './content-hash.ts';

const client = {
  name: 'Ünïcode "quoted"\n',
  id: 'c1',
  redirectURIs: ['https://b.example/cb', 'https://a.example/cb'],
  nested: { z: 1, y: [null, undefined, true, 2.5], x: { b: {}, a: [] } },
  skipped: undefined,
  '10': 'ten',
  '9': 'nine',
  Upper: 'U',
  lower: 'l',
};

describe('canonical JSON and the content hash', () => {
  it('sorts keys at every level, keeps array order, and writes undefined as JSON does', () => {
    expect(canonicalJson(client)).toBe(
      '{"10":"ten","9":"nine","Upper":"U","id":"c1","lower":"l","name":"Ünïcode \\"quoted\\"\\n",' +
        '"nested":{"x":{"a":[],"b":{}},"y":[null,null,true,2.5],"z":1},' +
        '"redirectURIs":["https://b.example/cb","https://a.example/cb"]}',
    );
  });

  it('gives the same content the same hash whatever the order of its keys, as stores already hold it', () => {
    const reordered = Object.fromEntries(Object.entries(client).reverse());
    // Written by the first version of the store: changing it would make every stored version look changed.
    const stored = 'd24368de5d361ae87ebf4176d3ed116d91c3ced2be179ef39ff5dabbfa001d9b';
    expect(contentHash('client', canonicalJson(client))).toBe(stored);
    expect(contentHash('client', canonicalJson(reordered))).toBe(stored);
    expect(contentHash('tokenPolicy', canonicalJson(client))).not.toBe(stored);
  });

  it('writes what JSON has no form for as null', () => {
    expect(canonicalJson([() => 1, Symbol('s'), undefined])).toBe('[null,null,null]');
    expect(canonicalJson({ a: () => 1 })).toBe('{"a":null}');
    expect(canonicalJson('plain')).toBe('"plain"');
    expect(canonicalJson(null)).toBe('null');
  });
});
