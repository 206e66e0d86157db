// Cosmos DB for NoSQL: the account, the bot's database, every container the code uses
// (Bot/Storage/Cosmos/CosmosContainers.cs; Bot.Tests/Deployment checks they match), and a data-plane
// role for the web app's identity. Keys are switched off: the app signs in with its managed identity.

@description('Azure region.')
param location string

@description('Name of the Cosmos DB account (lowercase, 3-44 characters).')
param accountName string

@description('Name of the SQL database; the app reads it as Cosmos:Database.')
param databaseName string

@description('Serverless: pay per request, for small and spiky traffic. ProvisionedAutoscale: shared autoscale throughput on the database.')
@allowed([
  'Serverless'
  'ProvisionedAutoscale'
])
param capacityMode string

@description('Highest RU/s the database scales to under ProvisionedAutoscale (it idles at a tenth of it).')
@minValue(1000)
param autoscaleMaxThroughput int = 1000

@description('Principal (object) id of the identity that reads and writes the data.')
param dataContributorPrincipalId string

param tags object = {}

// The same names, partition key paths, default TTLs (seconds; null: off; -1: on, each document
// carries its own ttl) and indexed paths as CosmosContainers.All. Only the paths the code queries are
// indexed, everything else is excluded: an unqueried path costs RU on every write. Deliveries are
// kept 400 days, Messenger events 7 days, conversation state per document (Storage:ConversationStateIdleTime).
var containers = [
  {
    name: 'state'
    partitionKeyPath: '/id'
    defaultTtl: -1
    indexedPaths: []
  }
  {
    name: 'subscriptions'
    partitionKeyPath: '/topicId'
    defaultTtl: null
    indexedPaths: [
      '/topicId/?'
      '/status/?'
    ]
  }
  {
    name: 'lookups'
    partitionKeyPath: '/id'
    defaultTtl: null
    indexedPaths: []
  }
  {
    name: 'customers'
    partitionKeyPath: '/id'
    defaultTtl: null
    indexedPaths: []
  }
  {
    name: 'pages'
    partitionKeyPath: '/id'
    defaultTtl: null
    indexedPaths: []
  }
  {
    name: 'campaigns'
    partitionKeyPath: '/partition'
    defaultTtl: null
    indexedPaths: [
      '/partition/?'
      '/status/?'
      '/startAtMs/?'
    ]
  }
  {
    name: 'deliveries'
    partitionKeyPath: '/campaignId'
    defaultTtl: 34560000
    indexedPaths: [
      '/campaignId/?'
    ]
  }
  {
    name: 'events'
    partitionKeyPath: '/id'
    defaultTtl: 604800
    indexedPaths: [
      '/state/?'
    ]
  }
]

// Cosmos DB Built-in Data Contributor: items only. Databases and containers are created here, because
// a data-plane identity cannot create them.
var dataContributorRoleId = '00000000-0000-0000-0000-000000000002'

resource account 'Microsoft.DocumentDB/databaseAccounts@2024-11-15' = {
  name: accountName
  location: location
  tags: tags
  kind: 'GlobalDocumentDB'
  properties: {
    databaseAccountOfferType: 'Standard'
    consistencyPolicy: {
      defaultConsistencyLevel: 'Session'
    }
    locations: [
      {
        locationName: location
        failoverPriority: 0
        isZoneRedundant: false
      }
    ]
    capabilities: capacityMode == 'Serverless' ? [ { name: 'EnableServerless' } ] : []
    disableLocalAuth: true
    minimalTlsVersion: 'Tls12'
    publicNetworkAccess: 'Enabled'
  }
}

resource database 'Microsoft.DocumentDB/databaseAccounts/sqlDatabases@2024-11-15' = {
  parent: account
  name: databaseName
  properties: {
    resource: {
      id: databaseName
    }
    // Shared throughput: eight mostly quiet containers cost one autoscale allowance, not eight.
    options: capacityMode == 'ProvisionedAutoscale' ? { autoscaleSettings: { maxThroughput: autoscaleMaxThroughput } } : {}
  }
}

resource sqlContainers 'Microsoft.DocumentDB/databaseAccounts/sqlDatabases/containers@2024-11-15' = [for container in containers: {
  parent: database
  name: container.name
  properties: {
    // No defaultTtl at all means TTL off; -1 would switch it on without a default.
    resource: union({
      id: container.name
      partitionKey: {
        paths: [
          container.partitionKeyPath
        ]
        kind: 'Hash'
        version: 2
      }
      indexingPolicy: {
        indexingMode: 'consistent'
        automatic: true
        includedPaths: map(container.indexedPaths, path => { path: path })
        excludedPaths: [
          {
            path: '/*'
          }
        ]
      }
    }, container.defaultTtl == null ? {} : { defaultTtl: container.defaultTtl })
  }
}]

resource dataContributor 'Microsoft.DocumentDB/databaseAccounts/sqlRoleAssignments@2024-11-15' = {
  parent: account
  name: guid(account.id, dataContributorPrincipalId, dataContributorRoleId)
  properties: {
    roleDefinitionId: '${account.id}/sqlRoleDefinitions/${dataContributorRoleId}'
    principalId: dataContributorPrincipalId
    scope: account.id
  }
}

output endpoint string = account.properties.documentEndpoint
output accountName string = account.name
output databaseName string = database.name
