// ConversationBot on Azure: App Service (Linux, .NET 10), Azure Bot, Cosmos DB, Key Vault and
// Application Insights, tied together by one user-assigned managed identity, so the app holds no keys.
//
//   az deployment group create -g <group> -f deploymentTemplates/main.bicep -p deploymentTemplates/main.parameters.json
//
// azuredeploy.json is this file compiled (deploymentTemplates/build.sh); Bot.Tests/Deployment checks that
// it is up to date and that containers and app settings match what the code reads.

targetScope = 'resourceGroup'

@description('Lowercase letters and digits, starting with a letter; the start of every resource name.')
@minLength(3)
@maxLength(11)
param namePrefix string = 'convbot'

@description('Azure region for everything but the Azure Bot (which is global).')
param location string = resourceGroup().location

@description('App Service plan size; Always On needs B1 or higher.')
param appServicePlanSku string = 'B1'

@description('How the bot authenticates to the Bot Framework: as the app\'s managed identity (UserAssignedMSI), or as an Entra app registration of this tenant (SingleTenant: give botAppId and botAppPassword).')
@allowed([
  'UserAssignedMSI'
  'SingleTenant'
])
param botAppType string = 'UserAssignedMSI'

@description('SingleTenant only: the app registration\'s client id.')
param botAppId string = ''

@description('SingleTenant only: a client secret of that app registration (stored in Key Vault).')
@secure()
param botAppPassword string = ''

@allowed([
  'F0'
  'S1'
])
param botSku string = 'F0'

@description('Serverless (pay per request) or ProvisionedAutoscale (shared autoscale throughput on the database).')
@allowed([
  'Serverless'
  'ProvisionedAutoscale'
])
param cosmosCapacityMode string = 'Serverless'

@description('ProvisionedAutoscale only: the highest RU/s the database scales to.')
@minValue(1000)
param cosmosAutoscaleMaxThroughput int = 1000

@description('The Cosmos DB database (Cosmos:Database).')
param cosmosDatabaseName string = 'conversationbot'

@description('Facebook: the Meta app secret (Messenger:AppSecret). Empty: leave the Key Vault secret as it is.')
@secure()
param messengerAppSecret string = ''

@description('Facebook: the page access token (Messenger:PageAccessToken). Empty: leave the Key Vault secret as it is.')
@secure()
param messengerPageAccessToken string = ''

@description('Facebook: the webhook verify token you chose (Messenger:VerifyToken). Empty: leave the Key Vault secret as it is.')
@secure()
param messengerVerifyToken string = ''

@description('The key of /api/admin (Admin:ApiKey). Empty: leave the Key Vault secret as it is.')
@secure()
param adminApiKey string = ''

@description('Console sign-in with Microsoft Entra ID: the app registration\'s client id (Console:EntraId:ClientId). Empty: the console signs in with the admin key.')
param consoleEntraClientId string = ''

@description('Console sign-in with Microsoft Entra ID: the directory (tenant) of the app registration (Console:EntraId:TenantId).')
param consoleEntraTenantId string = subscription().tenantId

@description('Console sign-in with Microsoft Entra ID: the app registration\'s client secret (Console:EntraId:ClientSecret), required with consoleEntraClientId. Empty: leave the Key Vault secret as it is.')
@secure()
param consoleEntraClientSecret string = ''

@description('Facebook: the page id (Messenger:PageId); empty: "me".')
param messengerPageId string = ''

@description('The locale given to Messenger activities (Messenger:Locale), e.g. de-DE; empty: Bot:FallbackLanguage.')
param messengerLocale string = ''

@description('Notifications:Profile: the platform rules in force.')
param notificationsProfile string = 'Current'

@description('Notifications:Region: the business\'s region.')
param notificationsRegion string = 'DE'

@description('Optional: object id of the user or pipeline that sets the Key Vault secrets with the CLI (gets Key Vault Secrets Officer).')
param operatorPrincipalId string = ''

param tags object = {
  app: 'conversationbot'
}

var suffix = uniqueString(resourceGroup().id, namePrefix)
var webAppName = '${namePrefix}-${suffix}'
var isManagedIdentityBot = botAppType == 'UserAssignedMSI'

resource identity 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' = {
  name: '${namePrefix}-id-${suffix}'
  location: location
  tags: tags
}

module monitoring 'modules/monitoring.bicep' = {
  name: 'monitoring'
  params: {
    location: location
    workspaceName: '${namePrefix}-logs-${suffix}'
    appInsightsName: '${namePrefix}-ai-${suffix}'
    tags: tags
  }
}

module cosmos 'modules/cosmos.bicep' = {
  name: 'cosmos'
  params: {
    location: location
    accountName: '${namePrefix}-cosmos-${suffix}'
    databaseName: cosmosDatabaseName
    capacityMode: cosmosCapacityMode
    autoscaleMaxThroughput: cosmosAutoscaleMaxThroughput
    dataContributorPrincipalId: identity.properties.principalId
    tags: tags
  }
}

module keyVault 'modules/keyVault.bicep' = {
  name: 'keyVault'
  params: {
    location: location
    vaultName: '${namePrefix}-kv-${take(suffix, 8)}'
    readerPrincipalId: identity.properties.principalId
    operatorPrincipalId: operatorPrincipalId
    messengerAppSecret: messengerAppSecret
    messengerPageAccessToken: messengerPageAccessToken
    messengerVerifyToken: messengerVerifyToken
    adminApiKey: adminApiKey
    consoleEntraClientSecret: consoleEntraClientSecret
    microsoftAppPassword: isManagedIdentityBot ? '' : botAppPassword
    tags: tags
  }
}

module webApp 'modules/webApp.bicep' = {
  name: 'webApp'
  params: {
    location: location
    planName: '${namePrefix}-plan-${suffix}'
    webAppName: webAppName
    skuName: appServicePlanSku
    identityId: identity.id
    tags: tags
  }
}

module bot 'modules/bot.bicep' = {
  name: 'bot'
  params: {
    botName: '${namePrefix}-bot-${suffix}'
    displayName: namePrefix
    skuName: botSku
    messagingEndpoint: 'https://${webApp.outputs.defaultHostName}/api/messages'
    appType: botAppType
    appId: isManagedIdentityBot ? identity.properties.clientId : botAppId
    tenantId: subscription().tenantId
    identityResourceId: isManagedIdentityBot ? identity.id : ''
    tags: tags
  }
}

resource site 'Microsoft.Web/sites@2024-04-01' existing = {
  name: webAppName
}

// The configuration keys the code reads, ':' written as '__'. Secrets are Key Vault references
// (unversioned, so a new secret version is picked up on restart); nothing secret is stored here.
resource appSettings 'Microsoft.Web/sites/config@2024-04-01' = {
  parent: site
  name: 'appsettings'
  dependsOn: [
    webApp
  ]
  properties: {
    ASPNETCORE_ENVIRONMENT: 'Production'
    APPLICATIONINSIGHTS_CONNECTION_STRING: monitoring.outputs.connectionString
    // DefaultAzureCredential picks the user-assigned identity from this when a library is not told which.
    AZURE_CLIENT_ID: identity.properties.clientId

    MicrosoftAppType: botAppType
    MicrosoftAppId: isManagedIdentityBot ? identity.properties.clientId : botAppId
    MicrosoftAppPassword: isManagedIdentityBot ? '' : '@Microsoft.KeyVault(SecretUri=${keyVault.outputs.vaultUri}secrets/microsoft-app-password)'
    MicrosoftAppTenantId: subscription().tenantId

    Storage__Provider: 'Cosmos'
    Cosmos__Endpoint: cosmos.outputs.endpoint
    Cosmos__Database: cosmos.outputs.databaseName
    Cosmos__ManagedIdentityClientId: identity.properties.clientId

    Messenger__AppSecret: '@Microsoft.KeyVault(SecretUri=${keyVault.outputs.vaultUri}secrets/messenger-app-secret)'
    Messenger__PageAccessToken: '@Microsoft.KeyVault(SecretUri=${keyVault.outputs.vaultUri}secrets/messenger-page-access-token)'
    Messenger__VerifyToken: '@Microsoft.KeyVault(SecretUri=${keyVault.outputs.vaultUri}secrets/messenger-verify-token)'
    Messenger__PageId: messengerPageId
    Messenger__Locale: messengerLocale

    Admin__ApiKey: '@Microsoft.KeyVault(SecretUri=${keyVault.outputs.vaultUri}secrets/admin-api-key)'
    // Without a client id the console ignores the other two (Bot/OperatorConsole/EntraIdOptions.cs).
    Console__EntraId__ClientId: consoleEntraClientId
    Console__EntraId__TenantId: consoleEntraTenantId
    Console__EntraId__ClientSecret: '@Microsoft.KeyVault(SecretUri=${keyVault.outputs.vaultUri}secrets/console-entra-client-secret)'

    Notifications__Profile: notificationsProfile
    Notifications__Region: notificationsRegion
  }
}

output webAppName string = webApp.outputs.name
output messagingEndpoint string = 'https://${webApp.outputs.defaultHostName}/api/messages'
output messengerWebhookUrl string = 'https://${webApp.outputs.defaultHostName}/api/messenger'
output botName string = bot.outputs.name
output keyVaultName string = keyVault.outputs.vaultName
output cosmosEndpoint string = cosmos.outputs.endpoint
output identityClientId string = identity.properties.clientId
