import { hostFrame, isMicrosoft365Origin } from '../../../bot/tab/logic/host-frame';

const framed = (ancestor?: string) => ({ self: 1, top: 2, location: ancestor === undefined ? {} : { ancestorOrigins: [ancestor] } });

describe('which host frames a tab page', () => {
  it('its own window is the top, whatever the referrer', () => {
    const win = { self: 1, top: 1, location: {} };
    expect(hostFrame(win, 'https://teams.microsoft.com/')).toBe('top');
  });

  it.each(['https://teams.microsoft.com', 'https://teams.cloud.microsoft', 'https://outlook.office.com', 'https://outlook.office365.com', 'https://www.microsoft365.com', 'https://teams.live.com', 'https://gov.teams.microsoft.us', 'https://m365.cloud.microsoft'])(
    'a frame of %s is a Microsoft 365 host',
    (origin) => {
      expect(hostFrame(framed(origin), '')).toBe('microsoft365');
    },
  );

  it.each(['https://portal.vivendo.be', 'http://teams.microsoft.com', 'https://teams.microsoft.com.evil.example', 'https://notoffice.com', 'http://127.0.0.1:3978', 'null', ''])('a frame of "%s" is another host', (origin) => {
    expect(hostFrame(framed(origin), '')).toBe('other');
  });

  it('without ancestorOrigins (Firefox) the referrer names the framing page', () => {
    expect(hostFrame(framed(), 'https://teams.microsoft.com/v2/')).toBe('microsoft365');
    expect(hostFrame(framed(), 'https://intranet.example/tabs')).toBe('other');
    expect(hostFrame(framed(), '')).toBe('other');
  });

  it('ancestorOrigins wins over a referrer (the referrer can be an earlier page of the frame)', () => {
    expect(hostFrame(framed('https://intranet.example'), 'https://teams.microsoft.com/')).toBe('other');
  });

  it('only https origins count', () => {
    expect(isMicrosoft365Origin('https://outlook.office.com')).toBe(true);
    expect(isMicrosoft365Origin('http://outlook.office.com')).toBe(false);
    expect(isMicrosoft365Origin('not a url')).toBe(false);
  });
});
