// Key Vault (RBAC) for the bot's secrets. The web app reads them through Key Vault references in its
// app settings, signed in with its managed identity. A secret is written only when its value is given,
// so a redeployment without values keeps what `az keyvault secret set` stored.

@description('Azure region.')
param location string

@description('Name of the vault (3-24 characters).')
param vaultName string

@description('Principal (object) id of the web app identity, which reads the secrets.')
param readerPrincipalId string

@description('Optional: principal (object) id of a person or pipeline that sets the secrets later (Key Vault Secrets Officer).')
param operatorPrincipalId string = ''

@description('Keep deleted secrets unrecoverable-proof for the retention period. Cannot be switched off once on.')
param enablePurgeProtection bool = false

@secure()
param messengerAppSecret string = ''

@secure()
param messengerPageAccessToken string = ''

@secure()
param messengerVerifyToken string = ''

@secure()
param adminApiKey string = ''

@secure()
param consoleEntraClientSecret string = ''

@secure()
param microsoftAppPassword string = ''

param tags object = {}

var secretsUserRoleId = '4633458b-17de-408a-b874-0445c86b69e6'
var secretsOfficerRoleId = 'b86a8fe4-44ce-4948-aee5-eccb2c155cd7'

resource vault 'Microsoft.KeyVault/vaults@2023-07-01' = {
  name: vaultName
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
    softDeleteRetentionInDays: 90
    enablePurgeProtection: enablePurgeProtection ? true : null
    publicNetworkAccess: 'Enabled'
  }
}

resource messengerAppSecretSecret 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = if (!empty(messengerAppSecret)) {
  parent: vault
  name: 'messenger-app-secret'
  properties: {
    value: messengerAppSecret
  }
}

resource messengerPageAccessTokenSecret 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = if (!empty(messengerPageAccessToken)) {
  parent: vault
  name: 'messenger-page-access-token'
  properties: {
    value: messengerPageAccessToken
  }
}

resource messengerVerifyTokenSecret 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = if (!empty(messengerVerifyToken)) {
  parent: vault
  name: 'messenger-verify-token'
  properties: {
    value: messengerVerifyToken
  }
}

resource adminApiKeySecret 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = if (!empty(adminApiKey)) {
  parent: vault
  name: 'admin-api-key'
  properties: {
    value: adminApiKey
  }
}

resource consoleEntraClientSecretSecret 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = if (!empty(consoleEntraClientSecret)) {
  parent: vault
  name: 'console-entra-client-secret'
  properties: {
    value: consoleEntraClientSecret
  }
}

resource microsoftAppPasswordSecret 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = if (!empty(microsoftAppPassword)) {
  parent: vault
  name: 'microsoft-app-password'
  properties: {
    value: microsoftAppPassword
  }
}

resource secretsUser 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  scope: vault
  name: guid(vault.id, readerPrincipalId, secretsUserRoleId)
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', secretsUserRoleId)
    principalId: readerPrincipalId
    principalType: 'ServicePrincipal'
  }
}

resource secretsOfficer 'Microsoft.Authorization/roleAssignments@2022-04-01' = if (!empty(operatorPrincipalId)) {
  scope: vault
  name: guid(vault.id, operatorPrincipalId, secretsOfficerRoleId)
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', secretsOfficerRoleId)
    principalId: operatorPrincipalId
  }
}

output vaultName string = vault.name
output vaultUri string = vault.properties.vaultUri
