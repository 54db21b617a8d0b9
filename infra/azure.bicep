// Career Conversations in Azure: one Linux App Service (API, tab, add-in and bot on one host), the Azure Bot
// Service with its Teams channel, Azure Tables for the shared store, and Application Insights.
// App setting names are the app's own configuration names (src/server/config.ts).

@description('Prefix of every resource name: lower-case letters and digits, 3 to 16 characters.')
@minLength(3)
@maxLength(16)
param resourceBaseName string

@description('App Service plan SKU. B1 or larger: "always on" is not available on F1.')
param webAppSku string = 'B1'

param location string = resourceGroup().location

@description('Entra app for single sign-on (tab, add-in) and Microsoft Graph application permissions.')
param aadAppClientId string

@secure()
param aadAppClientSecret string

param aadAppTenantId string

param aadAppOauthAuthorityHost string = 'https://login.microsoftonline.com'

@description('Entra app the bot signs in with.')
param botAadAppClientId string

@secure()
param botAadAppClientSecret string

@maxLength(42)
param botDisplayName string = 'Career Conversations'

var suffix = uniqueString(resourceGroup().id, resourceBaseName)
var webAppName = '${resourceBaseName}-${suffix}'
var storageAccountName = toLower('${take(resourceBaseName, 11)}${take(suffix, 13)}')
// Built-in role "Storage Table Data Contributor".
var tableDataContributor = '0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3'

resource logs 'Microsoft.OperationalInsights/workspaces@2023-09-01' = {
  name: '${resourceBaseName}-logs'
  location: location
  properties: {
    sku: { name: 'PerGB2018' }
    retentionInDays: 30
  }
}

resource insights 'Microsoft.Insights/components@2020-02-02' = {
  name: '${resourceBaseName}-insights'
  location: location
  kind: 'web'
  properties: {
    Application_Type: 'web'
    WorkspaceResourceId: logs.id
  }
}

resource storage 'Microsoft.Storage/storageAccounts@2023-05-01' = {
  name: storageAccountName
  location: location
  kind: 'StorageV2'
  sku: { name: 'Standard_LRS' }
  properties: {
    minimumTlsVersion: 'TLS1_2'
    supportsHttpsTrafficOnly: true
    allowBlobPublicAccess: false
    // The app reaches Tables with CC_TABLES_CONNECTION_STRING (an account key) today.
    allowSharedKeyAccess: true
  }
}

resource tables 'Microsoft.Storage/storageAccounts/tableServices@2023-05-01' = {
  parent: storage
  name: 'default'
}

resource plan 'Microsoft.Web/serverfarms@2023-12-01' = {
  name: '${resourceBaseName}-plan'
  location: location
  kind: 'linux'
  sku: { name: webAppSku }
  properties: {
    reserved: true
  }
}

resource webApp 'Microsoft.Web/sites@2023-12-01' = {
  name: webAppName
  location: location
  kind: 'app,linux'
  identity: { type: 'SystemAssigned' }
  properties: {
    serverFarmId: plan.id
    httpsOnly: true
    siteConfig: {
      linuxFxVersion: 'NODE|20-lts'
      alwaysOn: true
      ftpsState: 'Disabled'
      minTlsVersion: '1.2'
      http20Enabled: true
      // V8 flags for the calendar sync's allocation pattern: see README, Configuration.
      appCommandLine: 'node --max-semi-space-size=32 --heap-growing-percent=150 dist/server/main.js'
    }
  }
}

// A child resource, so the settings can use the site's own host name.
resource appSettings 'Microsoft.Web/sites/config@2023-12-01' = {
  parent: webApp
  name: 'appsettings'
  properties: {
    CC_PROFILE: 'tenant'
    CC_STORE: 'tables'
    CC_TABLES_CONNECTION_STRING: 'DefaultEndpointsProtocol=https;AccountName=${storage.name};AccountKey=${storage.listKeys().keys[0].value};EndpointSuffix=${environment().suffixes.storage}'
    PUBLIC_URL: 'https://${webApp.properties.defaultHostName}'
    AAD_APP_TENANT_ID: aadAppTenantId
    AAD_APP_CLIENT_ID: aadAppClientId
    AAD_APP_CLIENT_SECRET: aadAppClientSecret
    AAD_APP_OAUTH_AUTHORITY_HOST: aadAppOauthAuthorityHost
    AAD_APP_ID_URI: 'api://${webApp.properties.defaultHostName}/${aadAppClientId}'
    BOT_ID: botAadAppClientId
    BOT_PASSWORD: botAadAppClientSecret
    BOT_TYPE: 'SingleTenant'
    BOT_TENANT_ID: aadAppTenantId
    LOG_LEVEL: 'info'
    // Read by the platform, not by the app: telemetry, and an Oryx build (npm install + npm run build) on deploy.
    APPLICATIONINSIGHTS_CONNECTION_STRING: insights.properties.ConnectionString
    ApplicationInsightsAgent_EXTENSION_VERSION: '~3'
    SCM_DO_BUILD_DURING_DEPLOYMENT: 'true'
  }
}

// Lets the app's managed identity use Tables directly, for a move to identity-based access without a key.
resource tableAccess 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  scope: storage
  name: guid(storage.id, webApp.id, tableDataContributor)
  properties: {
    principalId: webApp.identity.principalId
    principalType: 'ServicePrincipal'
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', tableDataContributor)
  }
}

resource bot 'Microsoft.BotService/botServices@2022-09-15' = {
  name: webAppName
  location: 'global'
  kind: 'azurebot'
  sku: { name: 'F0' }
  properties: {
    displayName: botDisplayName
    endpoint: 'https://${webApp.properties.defaultHostName}/api/messages'
    msaAppId: botAadAppClientId
    msaAppType: 'SingleTenant'
    msaAppTenantId: aadAppTenantId
  }
}

resource teamsChannel 'Microsoft.BotService/botServices/channels@2022-09-15' = {
  parent: bot
  name: 'MsTeamsChannel'
  location: 'global'
  properties: {
    channelName: 'MsTeamsChannel'
  }
}

// Written to env/.env.<name> by the toolkit's arm/deploy action, under these names.
output BOT_AZURE_APP_SERVICE_RESOURCE_ID string = webApp.id
output TAB_DOMAIN string = webApp.properties.defaultHostName
output TAB_ENDPOINT string = 'https://${webApp.properties.defaultHostName}'
output BOT_DOMAIN string = webApp.properties.defaultHostName
