import { ConfigError, loadConfig } from '../../../shared/config';

const azure = {
  WOONBEGELEIDING_MODE: 'azure',
  AZURE_TABLES_ENDPOINT: 'https://stexample.table.core.windows.net',
  MICROSOFT_APP_ID: '11111111-1111-1111-1111-111111111111',
  MICROSOFT_APP_TENANT_ID: '22222222-2222-2222-2222-222222222222',
  API_APP_ID: '33333333-3333-3333-3333-333333333333',
  APP_BASE_URL: 'https://woonbegeleiding.example',
  ALLOWED_TENANT_IDS: '22222222-2222-2222-2222-222222222222, 44444444-4444-4444-4444-444444444444',
};

describe('configuration', () => {
  it('defaults to local mode on loopback, port 3978', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({ WOONBEGELEIDING_MODE: 'local', PORT: 3978, host: '127.0.0.1', SEED_DEMO: true, baseUrl: 'http://127.0.0.1:3978' });
  });

  it('reads a complete azure configuration; listens on all interfaces', () => {
    const config = loadConfig({ ...azure, PORT: '8080' });
    expect(config).toMatchObject({ host: '0.0.0.0', PORT: 8080 });
    expect(config.ALLOWED_TENANT_IDS).toEqual(['22222222-2222-2222-2222-222222222222', '44444444-4444-4444-4444-444444444444']);
  });

  it.each([
    [{ PORT: 'abc' }, /^Configuration: PORT is invalid/],
    [{ PORT: '70000' }, /^Configuration: PORT is invalid/],
    [{ WOONBEGELEIDING_MODE: 'cloud' }, /^Configuration: WOONBEGELEIDING_MODE is invalid/],
    [{ LOG_LEVEL: 'loud' }, /^Configuration: LOG_LEVEL is invalid/],
    [{ TABLE_PREFIX: 'wb-1' }, /^Configuration: TABLE_PREFIX is invalid/],
    [{ ...azure, AZURE_TABLES_ENDPOINT: undefined }, /AZURE_TABLES_ENDPOINT .* is required in azure mode/],
    [{ ...azure, MICROSOFT_APP_ID: undefined }, /MICROSOFT_APP_ID is required in azure mode/],
    [{ ...azure, ALLOWED_TENANT_IDS: '' }, /ALLOWED_TENANT_IDS is required in azure mode/],
    [{ ...azure, APP_BASE_URL: 'not a url' }, /APP_BASE_URL is invalid/],
  ])('names the wrong setting in one line: %j', (env, message) => {
    let error: unknown;
    try {
      loadConfig(env as NodeJS.ProcessEnv);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as Error).message).toMatch(message);
    expect((error as Error).message).not.toContain('\n');
  });
});
