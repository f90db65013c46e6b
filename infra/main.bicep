// RectifyFlows on Azure (azd provision): a resource group with a Flex Consumption Function App running as a
// user-assigned identity, its storage (Functions host, Durable task hub, ledger tables; shared keys off), a Key
// Vault for third-party secrets, and Application Insights on a Log Analytics workspace.
// Why this shape: docs/adr/0006-azure-deployment.md. How to use it: docs/deployment.md. Scale knobs: docs/scaling.md.
targetScope = 'subscription'

@minLength(1)
@maxLength(40)
@description('azd environment name (e.g. rectifyflows-prod): names the resource group and seeds the other names.')
param environmentName string

@minLength(1)
@description('Azure region of every resource; it must offer the Flex Consumption plan (docs/deployment.md).')
param location string

@description('Resource group to create or reuse; empty for rg-<environmentName>.')
param resourceGroupName string = ''

@description('Function App name (global host name); empty for a derived one.')
param functionAppName string = ''

@description('Flex Consumption plan name; empty for a derived one.')
param functionPlanName string = ''

@description('The app\'s storage account name; empty for a derived one.')
param storageAccountName string = ''

@description('The separate task-hub storage account name (when separateTaskHubStorage); empty for a derived one.')
param taskHubStorageAccountName string = ''

@description('Key Vault name; empty for a derived one.')
param keyVaultName string = ''

@description('User-assigned managed identity name; empty for a derived one.')
param identityName string = ''

@description('Log Analytics workspace name; empty for a derived one.')
param logAnalyticsName string = ''

@description('Application Insights name; empty for a derived one.')
param applicationInsightsName string = ''

@description('Prefix of every ledger table name (RectifyFlows:Storage:TablePrefix); empty when the environment has its own account.')
param tablePrefix string = ''

@description('Memory of each Function App instance in MB.')
@allowed([
  512
  2048
  4096
])
param instanceMemoryMB int = 2048

@description('Upper bound of Function App instances (docs/scaling.md).')
@minValue(1)
@maxValue(1000)
param maximumInstanceCount int = 40

@description('Put the Durable task hub in its own storage account, so orchestration traffic does not share the ledger account\'s 20,000 requests/s (docs/scaling.md).')
param separateTaskHubStorage bool = false

@description('Replication of the storage accounts.')
@allowed([
  'Standard_LRS'
  'Standard_ZRS'
  'Standard_GRS'
  'Standard_GZRS'
])
param storageSkuName string = 'Standard_ZRS'

@description('Days Log Analytics keeps logs.')
@minValue(30)
@maxValue(730)
param logRetentionInDays int = 30

@description('Daily log ingestion cap in GB; -1 for none.')
param logDailyQuotaGb int = 1

@description('Key Vault purge protection (cannot be turned off once on; blocks `azd down --purge` of the vault).')
param enableKeyVaultPurgeProtection bool = false

@description('Object id of the person or pipeline running azd (azd sets AZURE_PRINCIPAL_ID): gets Key Vault Secrets Officer and storage data roles. Empty for none.')
param principalId string = ''

@description('Kind of principal principalId is.')
@allowed([
  'User'
  'Group'
  'ServicePrincipal'
])
param principalType string = 'User'

@secure()
@description('Optional initial value of the smtp-password secret; empty leaves the secret as it is.')
param smtpPassword string = ''

@secure()
@description('Optional initial value of the twilio-auth-token secret; empty leaves the secret as it is.')
param twilioAuthToken string = ''

@secure()
@description('Optional initial value of the wecom-robot-key secret; empty leaves the secret as it is.')
param wecomRobotKey string = ''

@secure()
@description('Optional initial value of the dingtalk-robot-token secret; empty leaves the secret as it is.')
param dingtalkRobotToken string = ''

@secure()
@description('Optional initial value of the dingtalk-robot-secret secret; empty leaves the secret as it is.')
param dingtalkRobotSecret string = ''

@secure()
@description('Optional initial value of the webhook-signing-secret secret; empty leaves the secret as it is.')
param webhookSigningSecret string = ''

@secure()
@description('Optional initial value of the webhook-sender-secrets secret: a JSON object of sender id → secret, e.g. {"team-1":"…"}; empty leaves the secret as it is.')
param webhookSenderSecrets string = ''

@secure()
@description('Optional initial value of the bootstrap-operator-key secret (the first operator API key, 16+ characters); empty leaves the secret as it is.')
param bootstrapOperatorKey string = ''

@secure()
@description('Optional initial value of the sms-gateway-secret secret; empty leaves the secret as it is.')
param smsGatewaySecret string = ''

@description('Notification channels\' settings that are not secrets (their secrets are Key Vault references): SMTP relay (smtpSecurity: starttls, tls for implicit TLS as on port 465, or none), Twilio, SMS gateway. Empty values leave a channel off. docs/deployment.md.')
param notificationSettings object = {
  smtpHost: ''
  smtpPort: '587'
  smtpSecurity: 'starttls'
  smtpFrom: ''
  smtpUserName: ''
  twilioAccountSid: ''
  twilioFrom: ''
  smsGatewayUrl: ''
}

var resourceToken = toLower(uniqueString(subscription().id, environmentName, location))
// The vault's name is public (its DNS name) but must not be derivable from the app's host name: its own token.
var keyVaultToken = toLower(uniqueString(subscription().id, environmentName, location, 'key-vault'))
var tags = {
  'azd-env-name': environmentName
  application: 'rectifyflows'
}

// Flex Consumption deploys from a blob container of the app's storage account.
var deploymentContainerName = 'app-package'

var names = {
  resourceGroup: empty(resourceGroupName) ? 'rg-${environmentName}' : resourceGroupName
  functionApp: empty(functionAppName) ? 'func-rectifyflows-${resourceToken}' : functionAppName
  functionPlan: empty(functionPlanName) ? 'plan-rectifyflows-${resourceToken}' : functionPlanName
  storage: empty(storageAccountName) ? 'strf${resourceToken}' : storageAccountName
  taskHubStorage: empty(taskHubStorageAccountName) ? 'strfhub${resourceToken}' : taskHubStorageAccountName
  keyVault: empty(keyVaultName) ? 'kv-rf-${keyVaultToken}' : keyVaultName
  identity: empty(identityName) ? 'id-rectifyflows-${resourceToken}' : identityName
  logAnalytics: empty(logAnalyticsName) ? 'log-rectifyflows-${resourceToken}' : logAnalyticsName
  applicationInsights: empty(applicationInsightsName) ? 'appi-rectifyflows-${resourceToken}' : applicationInsightsName
}

resource rg 'Microsoft.Resources/resourceGroups@2025-04-01' = {
  name: names.resourceGroup
  location: location
  tags: tags
}

module identity 'app/identity.bicep' = {
  scope: rg
  params: {
    name: names.identity
    location: location
    tags: tags
  }
}

module monitoring 'app/monitoring.bicep' = {
  scope: rg
  params: {
    logAnalyticsName: names.logAnalytics
    applicationInsightsName: names.applicationInsights
    location: location
    tags: tags
    retentionInDays: logRetentionInDays
    dailyQuotaGb: logDailyQuotaGb
    appIdentityName: identity.outputs.name
  }
}

module storage 'app/storage.bicep' = {
  scope: rg
  params: {
    name: names.storage
    location: location
    tags: tags
    skuName: storageSkuName
    appIdentityName: identity.outputs.name
    containerNames: [
      deploymentContainerName
    ]
    deployerPrincipalId: principalId
    deployerPrincipalType: principalType
  }
}

module taskHubStorage 'app/storage.bicep' = if (separateTaskHubStorage) {
  scope: rg
  params: {
    name: names.taskHubStorage
    location: location
    tags: tags
    skuName: storageSkuName
    appIdentityName: identity.outputs.name
    deployerPrincipalId: principalId
    deployerPrincipalType: principalType
  }
}

module keyVault 'app/key-vault.bicep' = {
  scope: rg
  params: {
    name: names.keyVault
    location: location
    tags: tags
    enablePurgeProtection: enableKeyVaultPurgeProtection
    appIdentityName: identity.outputs.name
    deployerPrincipalId: principalId
    deployerPrincipalType: principalType
    smtpPassword: smtpPassword
    twilioAuthToken: twilioAuthToken
    wecomRobotKey: wecomRobotKey
    dingtalkRobotToken: dingtalkRobotToken
    dingtalkRobotSecret: dingtalkRobotSecret
    webhookSigningSecret: webhookSigningSecret
    webhookSenderSecrets: webhookSenderSecrets
    bootstrapOperatorKey: bootstrapOperatorKey
    smsGatewaySecret: smsGatewaySecret
  }
}

module functionApp 'app/function-app.bicep' = {
  scope: rg
  params: {
    name: names.functionApp
    planName: names.functionPlan
    location: location
    tags: tags
    identityName: identity.outputs.name
    storageAccountName: storage.outputs.name
    taskHubStorageAccountName: separateTaskHubStorage ? taskHubStorage!.outputs.name : storage.outputs.name
    deploymentContainerName: deploymentContainerName
    applicationInsightsName: monitoring.outputs.applicationInsightsName
    keyVaultName: keyVault.outputs.name
    instanceMemoryMB: instanceMemoryMB
    maximumInstanceCount: maximumInstanceCount
    tablePrefix: tablePrefix
    notificationSettings: notificationSettings
  }
}

// azd writes these into .azure/<environment>/.env; docs/deployment.md uses them with `azd env get-value`.
output AZURE_LOCATION string = location
output AZURE_TENANT_ID string = tenant().tenantId
output AZURE_RESOURCE_GROUP string = rg.name
output AZURE_FUNCTION_APP_NAME string = functionApp.outputs.name
output SERVICE_API_NAME string = functionApp.outputs.name
output SERVICE_API_URI string = 'https://${functionApp.outputs.defaultHostName}'
output AZURE_KEY_VAULT_NAME string = keyVault.outputs.name
output AZURE_STORAGE_ACCOUNT_NAME string = storage.outputs.name
output AZURE_STORAGE_TABLE_ENDPOINT string = storage.outputs.tableEndpoint
output AZURE_TASK_HUB_STORAGE_ACCOUNT_NAME string = separateTaskHubStorage ? taskHubStorage!.outputs.name : storage.outputs.name
output AZURE_MANAGED_IDENTITY_CLIENT_ID string = identity.outputs.clientId
output APPLICATIONINSIGHTS_NAME string = monitoring.outputs.applicationInsightsName
