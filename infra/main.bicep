// Woonbegeleiding: everything the product needs in Azure, in one resource group.
//
//   App Service plan (Linux) + Web App (Node 22 LTS, 2 instances, health check /api/health)
//   Storage account with Table storage (Entra ID only: no shared keys, no public blobs)
//   Key Vault (RBAC) for the bot's and the mail app's client secrets
//   Log Analytics workspace + Application Insights (workspace-based)
//   Azure Bot (single-tenant) with the Microsoft Teams channel
//
// Deploy: see infra/DEPLOYMENT.md. Nothing secret lives in this file or in the parameters file:
// the two client secrets go into Key Vault (step 4 of the guide) and the app reads them through
// Key Vault references.
//
// The outputs APP_BASE_URL, BOT_APP_ID and ADDIN_APP_ID are the settings `npm run package` needs.

targetScope = 'resourceGroup'

// ---------------------------------------------------------------------------------------------
// Parameters
// ---------------------------------------------------------------------------------------------

@description('Base name of the resources, e.g. woonbegeleiding-vivendo. The web app gets exactly this name, so it must be globally unique: https://<appName>.azurewebsites.net.')
@minLength(3)
@maxLength(40)
param appName string

@description('Azure region of the resources (the Azure Bot itself is global).')
param location string = resourceGroup().location

@description('Tags on every resource.')
param tags object = {}

@description('App Service plan SKU: Basic (B1+) or higher is needed for always on and several instances; P0v3 or P1v3 for production.')
param appServicePlanSku string = 'P0v3'

@description('Number of web app instances. Two or more: the health check then takes an unhealthy instance out of the load balancer.')
@minValue(1)
@maxValue(10)
param instanceCount int = 2

@description('Command that starts the app on App Service (the build from `npm run build`).')
param appCommandLine string = 'node dist/shared/server/main.js'

@description('Allow username/password (basic auth) on the Kudu/SCM deployment endpoint. Off: `az webapp deploy` signs in with Entra ID.')
param allowScmBasicAuth bool = false

@description('Storage redundancy of the account with the tables.')
@allowed([
  'Standard_LRS'
  'Standard_ZRS'
  'Standard_GRS'
  'Standard_GZRS'
])
param storageSku string = 'Standard_ZRS'

@description('Prefix of every table name (TABLE_PREFIX), so several environments can share one account.')
param tablePrefix string = 'wb'

@description('Purge protection on the Key Vault: a deleted vault or secret can then not be purged before the retention ends. Cannot be turned off once on.')
param keyVaultPurgeProtection bool = true

@description('Days Key Vault keeps deleted secrets (7-90).')
@minValue(7)
@maxValue(90)
param keyVaultSoftDeleteRetentionDays int = 90

@description('Object id of a user or group that may write the secrets into the Key Vault (role Key Vault Secrets Officer), e.g. `az ad signed-in-user show --query id -o tsv`. Empty: none (assign the role yourself).')
param secretsOfficerPrincipalId string = ''

@description('Days Log Analytics keeps the logs and Application Insights telemetry.')
@minValue(30)
@maxValue(730)
param logRetentionDays int = 90

@description('Microsoft Entra tenant of the landlord: the bot registration, the mail app and the landlord\'s users live here.')
param landlordTenantId string = subscription().tenantId

@description('Short id of the landlord in the data (LANDLORD_ID): lower-case letters, digits and hyphens.')
param landlordId string

@description('The landlord\'s mailbox the app sends from and reads (LANDLORD_MAILBOX); Graph access is limited to it (DEPLOYMENT.md step 3).')
param landlordMailbox string

@description('Microsoft Entra tenant ids of the partner organisations allowed in (with the landlord\'s tenant: ALLOWED_TENANT_IDS). May be empty at first.')
param partnerTenantIds array

@description('Application (client) id of the bot\'s app registration (single-tenant).')
param botAppId string

@description('Display name of the Azure Bot.')
param botDisplayName string = 'Woonbegeleiding'

@description('Azure Bot pricing tier. Teams is a standard channel: F0 is enough for it.')
@allowed([
  'F0'
  'S1'
])
param botSku string = 'F0'

@description('Application (client) id of the add-in API registration (exposes api://<host>/<id>/access_as_user).')
param addinAppId string

@description('Application (client) id of the mail registration (Microsoft Graph application permissions, limited to the landlord\'s mailbox).')
param graphAppId string

// ---------------------------------------------------------------------------------------------
// Names and values
// ---------------------------------------------------------------------------------------------

var suffix = uniqueString(resourceGroup().id, appName)
var compactName = toLower(replace(replace(appName, '-', ''), '_', ''))
// Storage: 3-24 lower-case letters and digits, globally unique.
var storageAccountName = take('st${take(compactName, 9)}${suffix}', 24)
// Key Vault: 3-24 letters, digits and hyphens, globally unique.
var keyVaultName = take('kv-${take(compactName, 7)}-${suffix}', 24)
var planName = '${appName}-plan'
var logAnalyticsName = '${appName}-logs'
var appInsightsName = '${appName}-insights'
var botName = '${appName}-bot'

// Secret names in Key Vault (DEPLOYMENT.md step 4 writes them).
var botSecretName = 'bot-app-password'
var graphSecretName = 'graph-client-secret'

// Built-in role definitions.
var storageTableDataContributor = '0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3'
var keyVaultSecretsUser = '4633458b-17de-408a-b874-0445c86b69e6'
var keyVaultSecretsOfficer = 'b86a8fe4-44ce-4948-aee5-eccb2c155cd7'

var allowedTenantIds = union([landlordTenantId], partnerTenantIds)

// ---------------------------------------------------------------------------------------------
// Monitoring
// ---------------------------------------------------------------------------------------------

resource logAnalytics 'Microsoft.OperationalInsights/workspaces@2023-09-01' = {
  name: logAnalyticsName
  location: location
  tags: tags
  properties: {
    sku: {
      name: 'PerGB2018'
    }
    retentionInDays: logRetentionDays
  }
}

resource appInsights 'Microsoft.Insights/components@2020-02-02' = {
  name: appInsightsName
  location: location
  tags: tags
  kind: 'web'
  properties: {
    Application_Type: 'web'
    WorkspaceResourceId: logAnalytics.id
    IngestionMode: 'LogAnalytics'
  }
}

// ---------------------------------------------------------------------------------------------
// Storage: Table storage, reached with the web app's managed identity only
// ---------------------------------------------------------------------------------------------

resource storage 'Microsoft.Storage/storageAccounts@2023-05-01' = {
  name: storageAccountName
  location: location
  tags: tags
  kind: 'StorageV2'
  sku: {
    name: storageSku
  }
  properties: {
    minimumTlsVersion: 'TLS1_2'
    supportsHttpsTrafficOnly: true
    allowBlobPublicAccess: false
    // The app authenticates with its managed identity; account keys and SAS are turned off.
    allowSharedKeyAccess: false
    defaultToOAuthAuthentication: true
    allowCrossTenantReplication: false
    publicNetworkAccess: 'Enabled'
    accessTier: 'Hot'
  }
}

// The table service; the app creates its own tables (prefixed with TABLE_PREFIX) on start.
resource tableService 'Microsoft.Storage/storageAccounts/tableServices@2023-05-01' = {
  parent: storage
  name: 'default'
}

// ---------------------------------------------------------------------------------------------
// Key Vault: the client secrets, read by the web app through Key Vault references
// ---------------------------------------------------------------------------------------------

resource keyVault 'Microsoft.KeyVault/vaults@2023-07-01' = {
  name: keyVaultName
  location: location
  tags: tags
  properties: {
    tenantId: subscription().tenantId
    sku: {
      family: 'A'
      name: 'standard'
    }
    enableRbacAuthorization: true
    enableSoftDelete: true
    softDeleteRetentionInDays: keyVaultSoftDeleteRetentionDays
    // The API accepts true or nothing: purge protection cannot be set back to false.
    enablePurgeProtection: keyVaultPurgeProtection ? true : null
    publicNetworkAccess: 'Enabled'
  }
}

// ---------------------------------------------------------------------------------------------
// App Service
// ---------------------------------------------------------------------------------------------

resource plan 'Microsoft.Web/serverfarms@2023-12-01' = {
  name: planName
  location: location
  tags: tags
  kind: 'linux'
  sku: {
    name: appServicePlanSku
    capacity: instanceCount
  }
  properties: {
    reserved: true // Linux
  }
}

resource webApp 'Microsoft.Web/sites@2023-12-01' = {
  name: appName
  location: location
  tags: tags
  kind: 'app,linux'
  identity: {
    type: 'SystemAssigned'
  }
  properties: {
    serverFarmId: plan.id
    httpsOnly: true
    clientAffinityEnabled: false // stateless: every instance serves every request
    keyVaultReferenceIdentity: 'SystemAssigned'
    publicNetworkAccess: 'Enabled'
    siteConfig: {
      linuxFxVersion: 'NODE|22-lts'
      appCommandLine: appCommandLine
      alwaysOn: true
      healthCheckPath: '/api/health'
      http20Enabled: true
      minTlsVersion: '1.2'
      scmMinTlsVersion: '1.2'
      ftpsState: 'Disabled'
      appSettings: [
        // The product (shared/config.ts and the adapters read these).
        {
          name: 'WOONBEGELEIDING_MODE'
          value: 'azure'
        }
        {
          name: 'AZURE_TABLES_ENDPOINT'
          value: storage.properties.primaryEndpoints.table
        }
        {
          name: 'TABLE_PREFIX'
          value: tablePrefix
        }
        {
          name: 'LANDLORD_ID'
          value: landlordId
        }
        {
          name: 'SEED_DEMO'
          value: 'false'
        }
        {
          name: 'LOG_LEVEL'
          value: 'info'
        }
        {
          // The site's default host name (the APP_BASE_URL output); spelled out, as a site cannot
          // read its own properties in its definition.
          name: 'APP_BASE_URL'
          value: 'https://${appName}.azurewebsites.net'
        }
        {
          name: 'ALLOWED_TENANT_IDS'
          value: join(allowedTenantIds, ',')
        }
        // The bot (Bot Framework, single-tenant).
        {
          name: 'MICROSOFT_APP_ID'
          value: botAppId
        }
        {
          name: 'MICROSOFT_APP_TENANT_ID'
          value: landlordTenantId
        }
        {
          name: 'MICROSOFT_APP_TYPE'
          value: 'SingleTenant'
        }
        {
          name: 'MICROSOFT_APP_PASSWORD'
          value: '@Microsoft.KeyVault(VaultName=${keyVault.name};SecretName=${botSecretName})'
        }
        // The add-in API and the Teams tab/dialogs (token audience api://<host>/<id>).
        {
          name: 'API_APP_ID'
          value: addinAppId
        }
        // Microsoft Graph: mail and Teams meetings for the landlord's mailbox only.
        {
          name: 'LANDLORD_MAILBOX'
          value: landlordMailbox
        }
        {
          name: 'GRAPH_TENANT_ID'
          value: landlordTenantId
        }
        {
          name: 'GRAPH_CLIENT_ID'
          value: graphAppId
        }
        {
          name: 'GRAPH_CLIENT_SECRET'
          value: '@Microsoft.KeyVault(VaultName=${keyVault.name};SecretName=${graphSecretName})'
        }
        // Monitoring.
        {
          name: 'APPLICATIONINSIGHTS_CONNECTION_STRING'
          value: appInsights.properties.ConnectionString
        }
        {
          name: 'ApplicationInsightsAgent_EXTENSION_VERSION'
          value: '~3'
        }
        // The zip holds the finished build with its node_modules: no build on the server.
        {
          name: 'SCM_DO_BUILD_DURING_DEPLOYMENT'
          value: 'false'
        }
      ]
    }
  }
}

// No FTP; Kudu/SCM with Entra ID unless allowScmBasicAuth.
resource ftpBasicAuth 'Microsoft.Web/sites/basicPublishingCredentialsPolicies@2023-12-01' = {
  parent: webApp
  name: 'ftp'
  properties: {
    allow: false
  }
}

resource scmBasicAuth 'Microsoft.Web/sites/basicPublishingCredentialsPolicies@2023-12-01' = {
  parent: webApp
  name: 'scm'
  properties: {
    allow: allowScmBasicAuth
  }
}

// The app's console output (pino logs), HTTP logs and platform events to Log Analytics.
resource webAppDiagnostics 'Microsoft.Insights/diagnosticSettings@2021-05-01-preview' = {
  name: 'to-log-analytics'
  scope: webApp
  properties: {
    workspaceId: logAnalytics.id
    logs: [
      {
        category: 'AppServiceConsoleLogs'
        enabled: true
      }
      {
        category: 'AppServiceHTTPLogs'
        enabled: true
      }
      {
        category: 'AppServicePlatformLogs'
        enabled: true
      }
    ]
    metrics: [
      {
        category: 'AllMetrics'
        enabled: true
      }
    ]
  }
}

// ---------------------------------------------------------------------------------------------
// Role assignments for the web app's managed identity (and the secrets officer)
// ---------------------------------------------------------------------------------------------

resource tablesForWebApp 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(storage.id, webApp.id, storageTableDataContributor)
  scope: storage
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', storageTableDataContributor)
    principalId: webApp.identity.principalId
    principalType: 'ServicePrincipal'
  }
}

resource secretsForWebApp 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(keyVault.id, webApp.id, keyVaultSecretsUser)
  scope: keyVault
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', keyVaultSecretsUser)
    principalId: webApp.identity.principalId
    principalType: 'ServicePrincipal'
  }
}

resource secretsForOfficer 'Microsoft.Authorization/roleAssignments@2022-04-01' = if (!empty(secretsOfficerPrincipalId)) {
  name: guid(keyVault.id, secretsOfficerPrincipalId, keyVaultSecretsOfficer)
  scope: keyVault
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', keyVaultSecretsOfficer)
    principalId: secretsOfficerPrincipalId
  }
}

// ---------------------------------------------------------------------------------------------
// Azure Bot (single-tenant) with the Microsoft Teams channel
// ---------------------------------------------------------------------------------------------

resource bot 'Microsoft.BotService/botServices@2022-09-15' = {
  name: botName
  location: 'global'
  tags: tags
  kind: 'azurebot'
  sku: {
    name: botSku
  }
  properties: {
    displayName: botDisplayName
    endpoint: 'https://${webApp.properties.defaultHostName}/api/messages'
    msaAppId: botAppId
    msaAppType: 'SingleTenant'
    msaAppTenantId: landlordTenantId
  }
}

resource teamsChannel 'Microsoft.BotService/botServices/channels@2022-09-15' = {
  parent: bot
  name: 'MsTeamsChannel'
  location: 'global'
  properties: {
    channelName: 'MsTeamsChannel'
    properties: {
      isEnabled: true
      // Deploying this template accepts the Microsoft Teams channel's terms of service.
      acceptedTerms: true
    }
  }
}

// ---------------------------------------------------------------------------------------------
// Outputs
// ---------------------------------------------------------------------------------------------

@description('Settings for `npm run package` (manifest/config.ts): the app\'s https origin.')
output APP_BASE_URL string = 'https://${webApp.properties.defaultHostName}'

@description('Settings for `npm run package`: the bot\'s application id.')
output BOT_APP_ID string = botAppId

@description('Settings for `npm run package`: the add-in API\'s application id (webApplicationInfo).')
output ADDIN_APP_ID string = addinAppId

@description('The app package and the API\'s Entra manifest (Agents Toolkit, m365agents.yml): the host with and without a port.')
output APP_HOST string = webApp.properties.defaultHostName
output APP_HOSTNAME string = webApp.properties.defaultHostName

@description('Where the Agents Toolkit\'s deploy step (azureAppService/zipDeploy) puts the build.')
output AZURE_APP_SERVICE_RESOURCE_ID string = webApp.id

output webAppName string = webApp.name
output webAppHostName string = webApp.properties.defaultHostName
output botEndpoint string = bot.properties.endpoint
output botName string = bot.name
output storageAccountName string = storage.name
output storageTableEndpoint string = storage.properties.primaryEndpoints.table
output keyVaultName string = keyVault.name
output keyVaultUri string = keyVault.properties.vaultUri
output appInsightsName string = appInsights.name
output logAnalyticsWorkspaceName string = logAnalytics.name
output webAppPrincipalId string = webApp.identity.principalId
