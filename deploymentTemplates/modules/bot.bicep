// The Azure Bot resource: the Bot Framework channels (Web Chat, Teams, ...) post to the web app's
// /api/messages, authenticated as the app identity given here.

@description('Globally unique bot handle.')
param botName string

param displayName string

@description('F0 (free, standard channels) or S1.')
@allowed([
  'F0'
  'S1'
])
param skuName string = 'F0'

@description('https://<app>/api/messages')
param messagingEndpoint string

@allowed([
  'UserAssignedMSI'
  'SingleTenant'
])
param appType string

@description('Client id of the managed identity (UserAssignedMSI) or of the app registration (SingleTenant).')
param appId string

param tenantId string

@description('Resource id of the managed identity; UserAssignedMSI only.')
param identityResourceId string = ''

param tags object = {}

resource bot 'Microsoft.BotService/botServices@2022-09-15' = {
  name: botName
  location: 'global'
  tags: tags
  kind: 'azurebot'
  sku: {
    name: skuName
  }
  properties: {
    displayName: displayName
    endpoint: messagingEndpoint
    msaAppId: appId
    msaAppType: appType
    msaAppTenantId: tenantId
    msaAppMSIResourceId: appType == 'UserAssignedMSI' ? identityResourceId : null
    publicNetworkAccess: 'Enabled'
  }
}

output name string = bot.name
