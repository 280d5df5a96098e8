import { describe, expect, it } from 'vitest';
import {
  decideLink,
  navigationAllowed,
  parseKnownHosts,
  serialiseKnownHosts,
  type LinkContext,
} from './link-policy.ts';

const app = 'http://127.0.0.1:51234';
const ctx = (known: string[] = []): LinkContext => ({
  appOrigin: app,
  knownHosts: new Set(known),
});

describe('decideLink', () => {
  it('keeps our own pages in the app (the projector window)', () => {
    expect(decideLink(`${app}/run/s1/projector`, ctx())).toEqual({ action: 'open-in-app' });
  });

  it('asks before opening a web address on a host not opened before', () => {
    expect(decideLink('https://www.nhs.uk/conditions/', ctx())).toEqual({
      action: 'confirm-external',
      host: 'www.nhs.uk',
    });
    // Host names compare without case; the port is part of the host.
    expect(decideLink('https://WWW.NHS.UK/a', ctx(['www.nhs.uk']))).toEqual({
      action: 'open-external',
    });
    expect(decideLink('https://www.nhs.uk:8443/a', ctx(['www.nhs.uk']))).toEqual({
      action: 'confirm-external',
      host: 'www.nhs.uk:8443',
    });
  });

  it('opens a host agreed to before without asking again', () => {
    expect(decideLink('https://www.nhs.uk/other', ctx(['www.nhs.uk']))).toEqual({
      action: 'open-external',
    });
  });

  it('hands mail links to the mail program, which shows the message before sending', () => {
    expect(decideLink('mailto:facilitator@example.org?subject=Notes', ctx())).toEqual({
      action: 'open-external',
    });
  });

  it('opens plain http only for this computer, and then still asks', () => {
    expect(decideLink('http://example.org/', ctx()).action).toBe('deny');
    expect(decideLink('http://192.168.1.20:8080/', ctx()).action).toBe('deny');
    expect(decideLink('http://localhost:3000/', ctx())).toEqual({
      action: 'confirm-external',
      host: 'localhost:3000',
    });
    expect(decideLink('http://127.0.0.2:9/', ctx()).action).toBe('confirm-external');
    expect(decideLink('http://[::1]:9/', ctx()).action).toBe('confirm-external');
    // A look-alike name is not loopback.
    expect(decideLink('http://127.0.0.1.evil.example/', ctx()).action).toBe('deny');
  });

  it('refuses every other scheme', () => {
    for (const url of [
      'file:///etc/passwd',
      'javascript:alert(1)',
      'data:text/html,<script>1</script>',
      'smb://server/share',
      'ms-msdt:/id PCWDiagnostic',
      'vscode://file/x',
      'ftp://example.org/',
      'about:blank',
      'chrome://settings',
    ])
      expect(decideLink(url, ctx(['example.org'])).action, url).toBe('deny');
  });

  it('refuses addresses carrying a user name or password, and garbage', () => {
    expect(decideLink('https://user:pw@www.nhs.uk/', ctx(['www.nhs.uk'])).action).toBe('deny');
    expect(decideLink('https://www.nhs.uk@evil.example/', ctx(['www.nhs.uk'])).action).toBe('deny');
    expect(decideLink('not a url', ctx()).action).toBe('deny');
    expect(decideLink('', ctx()).action).toBe('deny');
  });

  it('treats another port on this machine as another site, not as our own pages', () => {
    expect(decideLink('http://127.0.0.1:51235/', ctx()).action).toBe('confirm-external');
    expect(decideLink('https://127.0.0.1:51234/', ctx()).action).toBe('confirm-external');
  });
});

describe('navigationAllowed', () => {
  it('lets the window move only within our own origin', () => {
    expect(navigationAllowed(`${app}/people`, app)).toBe(true);
    expect(navigationAllowed(`${app}/?secret=abc`, app)).toBe(true);
    expect(navigationAllowed('http://127.0.0.1:51235/', app)).toBe(false);
    expect(navigationAllowed('https://www.nhs.uk/', app)).toBe(false);
    expect(navigationAllowed('file:///etc/passwd', app)).toBe(false);
    expect(navigationAllowed('garbage', app)).toBe(false);
  });
});

describe('remembered hosts', () => {
  it('round-trips through the file, sorted and lower-case', () => {
    const text = serialiseKnownHosts(new Set(['www.nhs.uk', 'b.example']));
    expect(text).toBe('{\n  "hosts": [\n    "b.example",\n    "www.nhs.uk"\n  ]\n}\n');
    expect([...parseKnownHosts(text)]).toEqual(['b.example', 'www.nhs.uk']);
    expect([...parseKnownHosts('{"hosts":["WWW.NHS.UK"]}')]).toEqual(['www.nhs.uk']);
  });

  it('treats a missing or damaged file as "ask again"', () => {
    expect(parseKnownHosts(null).size).toBe(0);
    expect(parseKnownHosts('{').size).toBe(0);
    expect(parseKnownHosts('{"hosts":[1]}').size).toBe(0);
    expect(parseKnownHosts('[]').size).toBe(0);
  });
});
