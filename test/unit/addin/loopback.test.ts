/** Who counts as "this computer" for the development sign-in: loopback peer AND loopback Host. */
import { isLoopbackAddress, isLoopbackHost, isLoopbackRequest } from '../../../shared/api/auth/loopback';

describe('loopback', () => {
  it.each(['127.0.0.1', '127.1.2.3', '::1', '::ffff:127.0.0.1'])('%s is loopback', (a) => expect(isLoopbackAddress(a)).toBe(true));
  it.each(['10.0.0.5', '::ffff:10.0.0.5', '192.168.1.1', 'fe80::1', '', undefined])('%s is not', (a) => expect(isLoopbackAddress(a)).toBe(false));

  it.each(['127.0.0.1:3978', 'localhost', 'LOCALHOST:3978', '[::1]:3978'])('Host %s is loopback', (h) => expect(isLoopbackHost(h)).toBe(true));
  it.each(['evil.example', 'evil.example:3978', '127.0.0.1.evil.example', '[::1]evil.example', '[::1]:3978.evil', 'localhost.evil', '127.0.0.1:3978 ', 'localhost:39x', '', undefined])('Host %s is not', (h) => expect(isLoopbackHost(h)).toBe(false));

  it('needs both: a rebound DNS name on a loopback socket is refused', () => {
    expect(isLoopbackRequest({ remoteAddress: '127.0.0.1', host: '127.0.0.1:3978' })).toBe(true);
    expect(isLoopbackRequest({ remoteAddress: '127.0.0.1', host: 'attacker.example:3978' })).toBe(false);
    expect(isLoopbackRequest({ remoteAddress: '10.0.0.5', host: 'localhost:3978' })).toBe(false);
  });
});
