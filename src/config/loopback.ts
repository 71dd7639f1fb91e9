import { isIPv4 } from 'node:net';

/**
 * Whether a URL's hostname is this machine: an IPv4 literal in 127.0.0.0/8, the IPv6 literal ::1, or `localhost`.
 * A name that merely starts with `127.` (e.g. `127.example.invalid`) is resolved by DNS and is not loopback.
 */
export function isLoopbackHost(hostname: string): boolean {
  const host = hostname.toLowerCase();
  if (host === 'localhost' || host === '[::1]' || host === '::1') return true;
  return isIPv4(host) && host.split('.')[0] === '127';
}
