import { describe, expect, test } from '@jest/globals';
import { isInsecureRegistry, isLoopback, registryBaseUrl } from '../../src/registry/endpoint.js';

describe('registryBaseUrl', () => {
  test.each<[string, string[], string]>([
    ['localhost:5000', [], 'http://localhost:5000'],
    ['localhost', [], 'http://localhost'],
    ['127.0.0.1:5001', [], 'http://127.0.0.1:5001'],
    ['127.255.3.4', [], 'http://127.255.3.4'],
    ['[::1]:5000', [], 'http://[::1]:5000'],
    ['ghcr.io', [], 'https://ghcr.io'],
    ['registry-1.docker.io', [], 'https://registry-1.docker.io'],
    ['128.0.0.1:5000', [], 'https://128.0.0.1:5000'],
    ['localhost.example.com', [], 'https://localhost.example.com'],
    ['127.0.0.1.nip.io:5000', [], 'https://127.0.0.1.nip.io:5000'],
    ['[::2]:5000', [], 'https://[::2]:5000'],
    // Listed as insecure: with the port it must match exactly, without it any port.
    ['registry.lan:5000', ['registry.lan:5000'], 'http://registry.lan:5000'],
    ['registry.lan:5001', ['registry.lan:5000'], 'https://registry.lan:5001'],
    ['registry.lan:5001', ['registry.lan'], 'http://registry.lan:5001'],
    ['registry.lan', ['http://Registry.LAN/'], 'http://registry.lan'],
    ['other.lan', ['registry.lan'], 'https://other.lan'],
  ])('%s with %j -> %s', (host, insecure, expected) => {
    expect(registryBaseUrl(host, insecure)).toBe(expected);
  });

  test('isLoopback', () => {
    expect(['localhost:1', '127.0.0.1', '[::1]'].map(isLoopback)).toEqual([true, true, true]);
    expect(['0.0.0.0', '10.0.0.1', '[::ffff:7f00:1]'].map(isLoopback)).toEqual([false, false, false]);
  });
});

describe('isInsecureRegistry: the hosts docker tries over TLS first, then plain HTTP', () => {
  test.each<[string, string[], boolean]>([
    ['localhost:5443', [], true],
    ['127.0.0.1:5000', [], true],
    ['[::1]:5000', [], true],
    ['registry.lan:5000', [], false],
    ['registry.lan:5000', ['registry.lan:5000'], true],
    ['registry.lan:5000', ['registry.lan'], true],
    ['Registry.LAN:5000', ['http://registry.lan:5000/'], true],
    ['registry.lan:5001', ['registry.lan:5000'], false],
    ['ghcr.io', ['registry.lan'], false],
  ])('%s with %j -> %s', (host, insecure, expected) => {
    expect(isInsecureRegistry(host, insecure)).toBe(expected);
  });
});
