import { describe, expect, it } from 'vitest';
import {
  NO_SOCKET_ADDRESS,
  NO_TRUSTED_PROXIES,
  parseTrustedProxies,
  resolveClientAddress,
} from './client-address.ts';

describe('parseTrustedProxies', () => {
  it('reads addresses and CIDR ranges of both families', () => {
    const trusted = parseTrustedProxies(' 127.0.0.1, 10.0.0.0/8 ,fd00::/8, ::1');
    expect(trusted.entries).toEqual(['127.0.0.1', '10.0.0.0/8', 'fd00::/8', '::1']);
    expect(['127.0.0.1', '10.200.3.4', '::ffff:10.0.0.1', 'fd12::5', '::1'].map(trusted.has)).toEqual([
      true,
      true,
      true,
      true,
      true,
    ]);
    expect(['127.0.0.2', '11.0.0.1', 'fe80::1', 'not-an-ip', ''].map(trusted.has)).toEqual([
      false,
      false,
      false,
      false,
      false,
    ]);
  });

  it('trusts nobody by default', () => {
    expect(parseTrustedProxies(undefined).entries).toEqual([]);
    expect(NO_TRUSTED_PROXIES.has('127.0.0.1')).toBe(false);
  });

  for (const bad of ['localhost', '10.0.0.0/33', '10.0.0.0/x', '::1/129', '1.2.3.4/8/9', '10.0.0.256']) {
    it(`refuses "${bad}" naming the variable`, () => {
      expect(() => parseTrustedProxies(`127.0.0.1,${bad}`)).toThrow(/SOFTPOWER_TRUSTED_PROXIES: ".*" is not/);
    });
  }
});

describe('resolveClientAddress', () => {
  const trusted = parseTrustedProxies('10.0.0.0/8');
  const resolve = (peer: string | undefined, forwardedFor?: string) =>
    resolveClientAddress({ peer, forwardedFor, trusted });

  it('believes the socket, not the header, when the peer is not a trusted proxy', () => {
    expect(resolve('203.0.113.9', '1.2.3.4')).toBe('203.0.113.9');
    expect(
      resolveClientAddress({ peer: '10.0.0.1', forwardedFor: '1.2.3.4', trusted: NO_TRUSTED_PROXIES }),
    ).toBe('10.0.0.1');
    expect(resolve('::ffff:203.0.113.9')).toBe('203.0.113.9');
  });

  it('takes the right-most address that is not a trusted proxy', () => {
    expect(resolve('10.0.0.1', '1.2.3.4')).toBe('1.2.3.4');
    // What the client wrote itself is on the left and never reached.
    expect(resolve('10.0.0.1', '6.6.6.6, 1.2.3.4')).toBe('1.2.3.4');
    expect(resolve('10.0.0.1', '6.6.6.6, 1.2.3.4, 10.9.9.9')).toBe('1.2.3.4');
    expect(resolve('10.0.0.1', '10.0.0.7')).toBe('10.0.0.7');
    expect(resolve('10.0.0.1')).toBe('10.0.0.1');
  });

  it('stops at a hop that is not an address', () => {
    expect(resolve('10.0.0.1', '1.2.3.4, garbage')).toBe('10.0.0.1');
    expect(resolve('10.0.0.1', 'garbage, 10.0.0.2')).toBe('10.0.0.2');
  });

  it('has a fixed key when there is no socket', () => {
    expect(resolve(undefined, '1.2.3.4')).toBe(NO_SOCKET_ADDRESS);
  });
});
