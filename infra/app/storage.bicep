// A storage account reached only with Entra ID (shared keys off, TLS 1.2, HTTPS only), its blob containers, and
// the data roles the app's identity needs for identity-based connections. Used twice by main.bicep: the app's
// account (Functions host, deployment package, ledger tables, and by default the Durable task hub) and, optionally,
// a separate account for the task hub (docs/scaling.md). Tables and queues are not declared here: the app creates
// its tables at start (StorageSchema in src/RectifyFlows.Storage) and the Durable extension its own tables, queues
// and containers, all through these roles, so the table list lives in one place, the code.

@description('Storage account name: 3-24 lower-case letters and digits, unique in Azure.')
@minLength(3)
@maxLength(24)
param name string

@description('Azure region.')
param location string

@description('Tags of every resource.')
param tags object

@description('Replication. ZRS keeps the ledger through the loss of one zone; LRS is cheaper for test environments.')
@allowed([
  'Standard_LRS'
  'Standard_ZRS'
  'Standard_GRS'
  'Standard_GZRS'
])
param skuName string

@description('Name of the app\'s user-assigned identity (same resource group); it gets blob, queue and table data roles.')
param appIdentityName string

@description('Blob containers to create (the Flex Consumption deployment package container).')
param containerNames string[] = []

@description('Object id of a person or pipeline that also gets data access (to run the app locally against this account); empty for none.')
param deployerPrincipalId string = ''

@description('Kind of principal deployerPrincipalId is.')
@allowed([
  'User'
  'Group'
  'ServicePrincipal'
])
param deployerPrincipalType string = 'User'

// Built-in roles (ids are the same in every tenant and cloud).
var storageBlobDataOwner = 'b7e6dc6d-f1e8-4753-8033-0f276bb0955b'
var storageQueueDataContributor = '974c5e8b-45b9-4653-ba55-5f855dd0fb88'
var storageTableDataContributor = '0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3'
var storageBlobDataContributor = 'ba92f5b4-2d11-453d-a403-e96b0029c9fe'

resource appIdentity 'Microsoft.ManagedIdentity/userAssignedIdentities@2024-11-30' existing = {
  name: appIdentityName
}

resource account 'Microsoft.Storage/storageAccounts@2025-01-01' = {
  name: name
  location: location
  tags: tags
  kind: 'StorageV2'
  sku: {
    name: skuName
  }
  properties: {
    accessTier: 'Hot'
    allowBlobPublicAccess: false
    allowCrossTenantReplication: false
    allowSharedKeyAccess: false
    defaultToOAuthAuthentication: true
    minimumTlsVersion: 'TLS1_2'
    supportsHttpsTrafficOnly: true
    publicNetworkAccess: 'Enabled'
    networkAcls: {
      bypass: 'AzureServices'
      defaultAction: 'Allow'
    }
  }
}

resource blobService 'Microsoft.Storage/storageAccounts/blobServices@2025-01-01' = {
  parent: account
  name: 'default'
  properties: {
    // A deleted deployment package or task-hub blob can be restored for a week.
    deleteRetentionPolicy: {
      enabled: true
      days: 7
    }
    containerDeleteRetentionPolicy: {
      enabled: true
      days: 7
    }
  }
}

resource containers 'Microsoft.Storage/storageAccounts/blobServices/containers@2025-01-01' = [
  for containerName in containerNames: {
    parent: blobService
    name: containerName
    properties: {
      publicAccess: 'None'
    }
  }
]

// The app's identity: what identity-based connections need (AzureWebJobsStorage, the Durable task hub, the ledger).
// Blob Data Owner (not Contributor) because the Functions host manages blob leases and its own containers.
resource appBlobDataOwner 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(account.id, appIdentity.id, storageBlobDataOwner)
  scope: account
  properties: {
    description: 'RectifyFlows Function App: host storage, deployment package, Durable task hub blobs and leases.'
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', storageBlobDataOwner)
    principalId: appIdentity.properties.principalId
    principalType: 'ServicePrincipal'
  }
}

resource appQueueDataContributor 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(account.id, appIdentity.id, storageQueueDataContributor)
  scope: account
  properties: {
    description: 'RectifyFlows Function App: Durable control and work-item queues.'
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', storageQueueDataContributor)
    principalId: appIdentity.properties.principalId
    principalType: 'ServicePrincipal'
  }
}

resource appTableDataContributor 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(account.id, appIdentity.id, storageTableDataContributor)
  scope: account
  properties: {
    description: 'RectifyFlows Function App: ledger tables, Durable history and instances tables.'
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', storageTableDataContributor)
    principalId: appIdentity.properties.principalId
    principalType: 'ServicePrincipal'
  }
}

// The deployer (optional): enough to run the app or the standalone host locally against this account.
var deployerRoles = empty(deployerPrincipalId)
  ? []
  : [
      storageBlobDataContributor
      storageQueueDataContributor
      storageTableDataContributor
    ]

resource deployerAccess 'Microsoft.Authorization/roleAssignments@2022-04-01' = [
  for roleId in deployerRoles: {
    name: guid(account.id, deployerPrincipalId, roleId)
    scope: account
    properties: {
      description: 'RectifyFlows deployer: local runs against this account.'
      roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', roleId)
      principalId: deployerPrincipalId
      principalType: deployerPrincipalType
    }
  }
]

output name string = account.name
output blobEndpoint string = account.properties.primaryEndpoints.blob
output tableEndpoint string = account.properties.primaryEndpoints.table
