/**
 * Static checks of infra/ (no Bicep compiler here, no Azure): the template is internally
 * consistent, the example parameters file names exactly the parameters without defaults, the
 * resources carry the settings the deployment guide promises, and the web app's settings satisfy
 * the product's configuration. What this cannot check: that Azure accepts the template (property
 * names, API versions) - run `az bicep build` / `az deployment group what-if` for that.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { loadConfig } from '../../../shared/config';
import { loadPackageConfig } from '../../../manifest/config';
import { appSettings, bracketProblems, codeOnly, outputs, params, resourceBody, resources, vars } from './bicep';

const root = path.resolve(__dirname, '../../..');
const source = readFileSync(path.join(root, 'infra/main.bicep'), 'utf8');
const code = codeOnly(source);
const example = JSON.parse(readFileSync(path.join(root, 'infra/main.parameters.example.json'), 'utf8')) as {
  $schema: string;
  parameters: Record<string, { value: unknown }>;
};
const guide = readFileSync(path.join(root, 'infra/DEPLOYMENT.md'), 'utf8');

const GUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi;

/** Occurrences of an identifier in the code (not in comments or strings, but in interpolations). */
const uses = (name: string) => [...code.matchAll(new RegExp(`(?<![\\w.])${name}\\b`, 'g'))].length;

const body = (symbol: string) => resourceBody(source, symbol);

describe('infra/main.bicep: syntax and references', () => {
  it('has balanced brackets outside strings and comments', () => {
    expect(bracketProblems(code)).toEqual([]);
  });

  it('uses every parameter and every variable', () => {
    const unused = [...params(source).map((p) => p.name), ...vars(source)].filter((name) => uses(name) < 2);
    expect(unused).toEqual([]);
  });

  it('declares unique resource symbols and refers only to declared ones', () => {
    const symbols = resources(source).map((r) => r.symbol);
    expect(new Set(symbols).size).toBe(symbols.length);
    const declared = new Set([...symbols, ...params(source).map((p) => p.name), ...vars(source)]);
    const referenced = [...code.matchAll(/(?<![\w.'])([a-zA-Z_]\w*)\.(id|name|properties|identity)\b/g)].map((m) => m[1] as string);
    expect(referenced.filter((name) => !declared.has(name))).toEqual([]);
    for (const m of code.matchAll(/\b(?:parent|scope):\s*(\w+)/g)) expect(declared.has(m[1] as string)).toBe(true);
  });

  it('pins an API version (a date) on every resource', () => {
    for (const r of resources(source)) expect([r.symbol, r.apiVersion]).toEqual([r.symbol, expect.stringMatching(/^\d{4}-\d{2}-\d{2}(-preview)?$/)]);
  });

  it('declares the resources the app needs', () => {
    const types = resources(source).map((r) => r.type);
    expect(types).toEqual(
      expect.arrayContaining([
        'Microsoft.Web/serverfarms',
        'Microsoft.Web/sites',
        'Microsoft.Web/sites/basicPublishingCredentialsPolicies',
        'Microsoft.Storage/storageAccounts',
        'Microsoft.Storage/storageAccounts/tableServices',
        'Microsoft.KeyVault/vaults',
        'Microsoft.OperationalInsights/workspaces',
        'Microsoft.Insights/components',
        'Microsoft.Insights/diagnosticSettings',
        'Microsoft.Authorization/roleAssignments',
        'Microsoft.BotService/botServices',
        'Microsoft.BotService/botServices/channels',
      ]),
    );
  });

  it('hard-codes no ids but the built-in role definitions, and no secrets', () => {
    const ROLES = {
      '0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3': 'Storage Table Data Contributor',
      '4633458b-17de-408a-b874-0445c86b69e6': 'Key Vault Secrets User',
      'b86a8fe4-44ce-4948-aee5-eccb2c155cd7': 'Key Vault Secrets Officer',
    };
    expect([...source.matchAll(GUID)].map((m) => m[0].toLowerCase()).filter((g) => !(g in ROLES))).toEqual([]);
    // No keys pulled from resources either (listKeys / listSecrets would put them in the deployment).
    expect(source).not.toMatch(/AccountKey=|SharedAccessSignature=|InstrumentationKey=|listKeys\(|listSecrets\(/);
    // Secrets reach the app only as Key Vault references; no parameter carries one.
    expect(params(source).filter((p) => /(secret|password|key)$/i.test(p.name) || p.decorators.some((d) => d.startsWith('@secure')))).toEqual([]);
  });
});

describe('infra/main.parameters.example.json', () => {
  const required = params(source).filter((p) => p.defaultValue === undefined);

  it('is an ARM deployment parameters file', () => {
    expect(example.$schema).toMatch(/deploymentParameters\.json#$/);
  });

  it('names exactly the parameters without a default', () => {
    expect(Object.keys(example.parameters).sort()).toEqual(required.map((p) => p.name).sort());
  });

  it('gives each a value of the declared type', () => {
    for (const p of required) {
      const value = example.parameters[p.name]?.value;
      const type = Array.isArray(value) ? 'array' : typeof value === 'number' ? 'int' : typeof value === 'boolean' ? 'bool' : typeof value;
      expect([p.name, type]).toEqual([p.name, p.type]);
    }
  });

  it('holds no secrets and no real-looking ids', () => {
    const text = JSON.stringify(example);
    expect(text).not.toMatch(/secret|password/i);
    expect(text.match(GUID)).toBeNull();
  });
});

describe('infra/main.bicep: App Service', () => {
  it('runs a Linux plan with two instances by default', () => {
    const plan = body('plan');
    expect(plan).toMatch(/kind: 'linux'/);
    expect(plan).toMatch(/reserved: true/);
    expect(plan).toMatch(/capacity: instanceCount/);
    expect(params(source).find((p) => p.name === 'instanceCount')?.defaultValue).toBe('2');
    expect(plan).toMatch(/name: appServicePlanSku/);
  });

  it('runs Node 22 LTS, always on, https only, TLS 1.2, no FTP, with a managed identity', () => {
    const site = body('webApp');
    expect(site).toMatch(/linuxFxVersion: 'NODE\|22-lts'/);
    expect(site).toMatch(/alwaysOn: true/);
    expect(site).toMatch(/httpsOnly: true/);
    expect(site).toMatch(/minTlsVersion: '1\.2'/);
    expect(site).toMatch(/ftpsState: 'Disabled'/);
    expect(site).toMatch(/type: 'SystemAssigned'/);
    expect(site).toMatch(/keyVaultReferenceIdentity: 'SystemAssigned'/);
    expect(body('ftpBasicAuth')).toMatch(/allow: false/);
  });

  it('checks health on the path the server serves', () => {
    const path = /healthCheckPath: '([^']+)'/.exec(body('webApp'))?.[1];
    expect(path).toBe('/api/health');
    const server = readFileSync(`${root}/shared/server/create-server.ts`, 'utf8');
    expect(server).toContain(`server.get('${path}'`);
  });

  it('sets the settings the product needs, each once', () => {
    const settings = appSettings(source);
    const names = settings.map((s) => s.name);
    expect(new Set(names).size).toBe(names.length);
    const value = (name: string) => settings.find((s) => s.name === name)?.value;
    expect(value('WOONBEGELEIDING_MODE')).toBe("'azure'");
    expect(value('AZURE_TABLES_ENDPOINT')).toBe('storage.properties.primaryEndpoints.table');
    expect(value('MICROSOFT_APP_ID')).toBe('botAppId');
    expect(value('MICROSOFT_APP_TENANT_ID')).toBe('landlordTenantId');
    expect(value('MICROSOFT_APP_TYPE')).toBe("'SingleTenant'");
    expect(value('ALLOWED_TENANT_IDS')).toBe("join(allowedTenantIds, ',')");
    expect(value('LANDLORD_MAILBOX')).toBe('landlordMailbox');
    expect(value('APPLICATIONINSIGHTS_CONNECTION_STRING')).toBe('appInsights.properties.ConnectionString');
    expect(value('GRAPH_CLIENT_ID')).toBe('graphAppId');
    expect(value('GRAPH_TENANT_ID')).toBe('landlordTenantId');
    expect(value('API_APP_ID')).toBe('addinAppId');
    expect(value('SEED_DEMO')).toBe("'false'");
  });

  it('reads the two secrets as Key Vault references to secrets the guide writes', () => {
    const settings = appSettings(source);
    const secretSettings = settings.filter((s) => s.value.includes('@Microsoft.KeyVault('));
    expect(secretSettings.map((s) => s.name).sort()).toEqual(['GRAPH_CLIENT_SECRET', 'MICROSOFT_APP_PASSWORD']);
    for (const s of secretSettings) {
      expect(s.value).toMatch(/^'@Microsoft\.KeyVault\(VaultName=\$\{keyVault\.name\};SecretName=\$\{(\w+)\}\)'$/);
      const variable = /SecretName=\$\{(\w+)\}/.exec(s.value)?.[1] as string;
      const secretName = new RegExp(`^var ${variable} = '([^']+)'`, 'm').exec(source)?.[1] as string;
      expect(secretName).toMatch(/^[a-z0-9-]+$/);
      expect(guide).toContain(`--name ${secretName}`);
    }
    // Nothing else looks like a secret in plain text.
    expect(settings.filter((s) => /SECRET|PASSWORD|KEY$/.test(s.name) && !s.value.includes('@Microsoft.KeyVault('))).toEqual([]);
  });

  it('gives settings that shared/config.ts accepts in azure mode', () => {
    // String literals are taken as they are, parameters at their default or example value, other
    // Bicep expressions become plausible values.
    const declared = new Map(params(source).map((p) => [p.name, p]));
    const valueOf = (expression: string): string => {
      const literal = /^'([^'$]*)'$/.exec(expression);
      if (literal) return literal[1] as string;
      const param = declared.get(expression);
      if (param?.defaultValue !== undefined) return valueOf(param.defaultValue);
      if (param) return String(example.parameters[param.name]?.value);
      if (expression === 'storage.properties.primaryEndpoints.table') return 'https://stexample.table.core.windows.net/';
      // An interpolated string: fill each ${...} with its parameter's example value.
      const template = /^'(.*)'$/.exec(expression);
      if (template) return (template[1] as string).replace(/\$\{([A-Za-z0-9_]+)\}/g, (_m, name: string) => valueOf(name));
      return `value-of(${expression})`;
    };
    const env: NodeJS.ProcessEnv = {};
    for (const s of appSettings(source)) env[s.name] = valueOf(s.value);
    env.PORT = '8080'; // App Service sets PORT
    const config = loadConfig(env);
    expect(config.WOONBEGELEIDING_MODE).toBe('azure');
    expect(config.host).toBe('0.0.0.0');
    expect(config.SEED_DEMO).toBe(false);
  });
});

describe('infra/main.bicep: storage, Key Vault, monitoring', () => {
  it('keeps the tables on TLS 1.2, https, Entra ID only, no public blobs', () => {
    const storage = body('storage');
    expect(storage).toMatch(/kind: 'StorageV2'/);
    expect(storage).toMatch(/minimumTlsVersion: 'TLS1_2'/);
    expect(storage).toMatch(/supportsHttpsTrafficOnly: true/);
    expect(storage).toMatch(/allowSharedKeyAccess: false/);
    expect(storage).toMatch(/allowBlobPublicAccess: false/);
    expect(body('tableService')).toMatch(/parent: storage/);
  });

  it('lets the web app identity use the tables and read the secrets, nothing more', () => {
    const tables = body('tablesForWebApp');
    expect(tables).toMatch(/scope: storage/);
    expect(tables).toMatch(/storageTableDataContributor/);
    expect(tables).toMatch(/principalId: webApp\.identity\.principalId/);
    expect(source).toMatch(/var storageTableDataContributor = '0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3'/);
    const secrets = body('secretsForWebApp');
    expect(secrets).toMatch(/scope: keyVault/);
    expect(secrets).toMatch(/keyVaultSecretsUser\)/);
    expect(source).toMatch(/var keyVaultSecretsUser = '4633458b-17de-408a-b874-0445c86b69e6'/);
  });

  it('uses RBAC on Key Vault with soft delete and purge protection as a parameter', () => {
    const vault = body('keyVault');
    expect(vault).toMatch(/enableRbacAuthorization: true/);
    expect(vault).toMatch(/enableSoftDelete: true/);
    expect(vault).toMatch(/enablePurgeProtection: keyVaultPurgeProtection \? true : null/);
  });

  it('sends Application Insights to the Log Analytics workspace', () => {
    expect(body('appInsights')).toMatch(/WorkspaceResourceId: logAnalytics\.id/);
    expect(body('webAppDiagnostics')).toMatch(/scope: webApp/);
  });
});

describe('infra/main.bicep: Azure Bot', () => {
  it('is a single-tenant Azure Bot pointing at /api/messages of the web app', () => {
    const bot = body('bot');
    expect(bot).toMatch(/kind: 'azurebot'/);
    expect(bot).toMatch(/location: 'global'/);
    expect(bot).toMatch(/msaAppType: 'SingleTenant'/);
    expect(bot).toMatch(/msaAppId: botAppId/);
    expect(bot).toMatch(/msaAppTenantId: landlordTenantId/);
    expect(bot).toMatch(/endpoint: 'https:\/\/\$\{webApp\.properties\.defaultHostName\}\/api\/messages'/);
    expect(bot).toMatch(/name: botSku/);
    expect(source).toMatch(/@allowed\(\[\s*'F0'\s*'S1'\s*\]\)\s*param botSku/);
  });

  it('has the Microsoft Teams channel', () => {
    const channel = body('teamsChannel');
    expect(channel).toMatch(/parent: bot/);
    expect(channel).toMatch(/name: 'MsTeamsChannel'/);
    expect(channel).toMatch(/channelName: 'MsTeamsChannel'/);
    expect(channel).toMatch(/isEnabled: true/);
  });
});

describe('infra/main.bicep: outputs', () => {
  const all = outputs(source);
  const names = all.map((o) => o.name);

  it('gives the host name, the bot endpoint and the table endpoint', () => {
    expect(names).toEqual(expect.arrayContaining(['webAppHostName', 'botEndpoint', 'storageTableEndpoint', 'keyVaultName', 'webAppName']));
  });

  it('gives the settings of `npm run package` and the Agents Toolkit under their own names', () => {
    // The toolkit's arm/deploy writes outputs into env/.env.<env> under these names (m365agents.yml).
    const forPackage = all.filter((o) => /^[A-Z_]+$/.test(o.name));
    expect(forPackage.map((o) => o.name).sort()).toEqual(['ADDIN_APP_ID', 'APP_BASE_URL', 'APP_HOST', 'APP_HOSTNAME', 'AZURE_APP_SERVICE_RESOURCE_ID', 'BOT_APP_ID']);
    // The names are the ones manifest/config.ts reads: values passed under them come through.
    const config = loadPackageConfig({
      APP_BASE_URL: 'https://woonbegeleiding-vivendo.azurewebsites.net',
      BOT_APP_ID: '11111111-2222-4333-8444-555555555555',
      ADDIN_APP_ID: '66666666-7777-4888-8999-aaaaaaaaaaaa',
    });
    expect(config.appBaseUrl).toBe('https://woonbegeleiding-vivendo.azurewebsites.net');
    expect(config.botAppId).toBe('11111111-2222-4333-8444-555555555555');
    expect(config.addinAppId).toBe('66666666-7777-4888-8999-aaaaaaaaaaaa');
    expect(all.find((o) => o.name === 'APP_BASE_URL')?.expression).toBe("'https://${webApp.properties.defaultHostName}'");
  });

  it('outputs no secrets', () => {
    expect(all.filter((o) => /secret|password|connectionstring|instrumentationkey|listKeys/i.test(`${o.name} ${o.expression}`))).toEqual([]);
  });
});

describe('infra/DEPLOYMENT.md', () => {
  it('walks through every step the issue asks for', () => {
    for (const text of [
      'az deployment group create',
      'main.parameters.example.json',
      'access_as_user',
      'Mail.Send',
      'OnlineMeetings.ReadWrite.All',
      'New-ManagementRoleAssignment',
      'New-ApplicationAccessPolicy',
      'New-CsApplicationAccessPolicy',
      'npm run build',
      'az webapp deploy',
      'npm run package',
      'outlook-addin.xml',
      'Add from file',
      'Integrated apps',
    ]) {
      expect([text, guide.includes(text)]).toEqual([text, true]);
    }
  });

  it('passes every required parameter in its deployment command', () => {
    for (const p of params(source).filter((q) => q.defaultValue === undefined)) expect([p.name, guide.includes(p.name)]).toEqual([p.name, true]);
  });
});
