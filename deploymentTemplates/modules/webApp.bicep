// The host: a Linux App Service plan and the web app running the bot on .NET 10. App settings are set
// by main.bicep (one list, next to the resources they point at).

@description('Azure region.')
param location string

param planName string

param webAppName string

@description('Plan size. Always On needs Basic (B1) or higher.')
param skuName string = 'B1'

@description('Resource id of the user-assigned identity the app runs as (Cosmos DB, Key Vault, and the Azure Bot under UserAssignedMSI).')
param identityId string

param tags object = {}

resource plan 'Microsoft.Web/serverfarms@2024-04-01' = {
  name: planName
  location: location
  tags: tags
  kind: 'linux'
  sku: {
    name: skuName
  }
  properties: {
    reserved: true
  }
}

resource site 'Microsoft.Web/sites@2024-04-01' = {
  name: webAppName
  location: location
  tags: tags
  kind: 'app,linux'
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: {
      '${identityId}': {}
    }
  }
  properties: {
    serverFarmId: plan.id
    httpsOnly: true
    // Key Vault references resolve with this identity; without it App Service tries a system identity the app does not have.
    keyVaultReferenceIdentity: identityId
    siteConfig: {
      linuxFxVersion: 'DOTNETCORE|10.0'
      // The published Bot project; named so the platform does not have to guess among the output's assemblies.
      appCommandLine: 'dotnet ConversationBot.Bot.dll'
      alwaysOn: true
      // 503 from /healthz (storage not answering) takes the instance out of the load balancer.
      healthCheckPath: '/healthz'
      http20Enabled: true
      minTlsVersion: '1.2'
      ftpsState: 'Disabled'
    }
  }
}

output name string = site.name
output defaultHostName string = site.properties.defaultHostName
