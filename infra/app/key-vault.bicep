// Key Vault (RBAC authorization, no access policies) for the app's third-party secrets. A secret is written only
// when a value is given; otherwise it is set (and rotated) with `az keyvault secret set` (docs/deployment.md).
// The app reads them through Key Vault references in its app settings, as its user-assigned identity.

@description('Key Vault name: 3-24 letters, digits and hyphens, unique in Azure.')
@minLength(3)
@maxLength(24)
param name string

@description('Azure region.')
param location string

@description('Tags of every resource.')
param tags object

@description('Purge protection: a deleted vault cannot be purged during its 90 days of soft delete. Once on, it cannot be turned off.')
param enablePurgeProtection bool

@description('Name of the app\'s user-assigned identity (same resource group); it gets Key Vault Secrets User.')
param appIdentityName string

@description('Object id of a person or pipeline that manages the secrets (Key Vault Secrets Officer); empty for none.')
param deployerPrincipalId string = ''

@description('Kind of principal deployerPrincipalId is.')
@allowed([
  'User'
  'Group'
  'ServicePrincipal'
])
param deployerPrincipalType string = 'User'

@secure()
@description('SMTP relay password (secret smtp-password); empty leaves the secret as it is.')
param smtpPassword string = ''

@secure()
@description('Twilio auth token (secret twilio-auth-token); empty leaves the secret as it is.')
param twilioAuthToken string = ''

@secure()
@description('WeCom group-robot webhook key (secret wecom-robot-key); empty leaves the secret as it is.')
param wecomRobotKey string = ''

@secure()
@description('DingTalk group-robot signing secret (secret dingtalk-robot-secret); empty leaves the secret as it is.')
param dingtalkRobotSecret string = ''

@secure()
@description('DingTalk group-robot access token, the access_token of its webhook URL (secret dingtalk-robot-token); empty leaves the secret as it is.')
param dingtalkRobotToken string = ''

@secure()
@description('The first operator API key, registered at every start (secret bootstrap-operator-key, at least 16 characters); empty leaves the secret as it is.')
param bootstrapOperatorKey string = ''

@secure()
@description('HMAC key of the generic SMS gateway (secret sms-gateway-secret); empty leaves the secret as it is.')
param smsGatewaySecret string = ''

@secure()
@description('Secret that signs outgoing and verifies incoming webhooks (secret webhook-signing-secret); empty leaves the secret as it is.')
param webhookSigningSecret string = ''

@secure()
@description('Per-sender webhook secrets as a JSON object, sender id → secret (secret webhook-sender-secrets); empty leaves the secret as it is.')
param webhookSenderSecrets string = ''

// Built-in roles.
var keyVaultSecretsUser = '4633458b-17de-408a-b874-0445c86b69e6'
var keyVaultSecretsOfficer = 'b86a8fe4-44ce-4948-aee5-eccb2c155cd7'

resource appIdentity 'Microsoft.ManagedIdentity/userAssignedIdentities@2024-11-30' existing = {
  name: appIdentityName
}

resource vault 'Microsoft.KeyVault/vaults@2024-11-01' = {
  name: name
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
    // The API refuses an explicit false, so "off" is expressed by leaving the property out.
    enablePurgeProtection: enablePurgeProtection ? true : null
    enabledForDeployment: false
    enabledForDiskEncryption: false
    enabledForTemplateDeployment: false
    publicNetworkAccess: 'Enabled'
    networkAcls: {
      bypass: 'AzureServices'
      defaultAction: 'Allow'
    }
  }
}

resource smtpPasswordSecret 'Microsoft.KeyVault/vaults/secrets@2024-11-01' = if (!empty(smtpPassword)) {
  parent: vault
  name: 'smtp-password'
  properties: {
    value: smtpPassword
    contentType: 'text/plain'
  }
}

resource twilioAuthTokenSecret 'Microsoft.KeyVault/vaults/secrets@2024-11-01' = if (!empty(twilioAuthToken)) {
  parent: vault
  name: 'twilio-auth-token'
  properties: {
    value: twilioAuthToken
    contentType: 'text/plain'
  }
}

resource wecomRobotKeySecret 'Microsoft.KeyVault/vaults/secrets@2024-11-01' = if (!empty(wecomRobotKey)) {
  parent: vault
  name: 'wecom-robot-key'
  properties: {
    value: wecomRobotKey
    contentType: 'text/plain'
  }
}

resource dingtalkRobotSecretSecret 'Microsoft.KeyVault/vaults/secrets@2024-11-01' = if (!empty(dingtalkRobotSecret)) {
  parent: vault
  name: 'dingtalk-robot-secret'
  properties: {
    value: dingtalkRobotSecret
    contentType: 'text/plain'
  }
}

resource dingtalkRobotTokenSecret 'Microsoft.KeyVault/vaults/secrets@2024-11-01' = if (!empty(dingtalkRobotToken)) {
  parent: vault
  name: 'dingtalk-robot-token'
  properties: {
    value: dingtalkRobotToken
    contentType: 'text/plain'
  }
}

resource webhookSigningSecretSecret 'Microsoft.KeyVault/vaults/secrets@2024-11-01' = if (!empty(webhookSigningSecret)) {
  parent: vault
  name: 'webhook-signing-secret'
  properties: {
    value: webhookSigningSecret
    contentType: 'text/plain'
  }
}

resource bootstrapOperatorKeySecret 'Microsoft.KeyVault/vaults/secrets@2024-11-01' = if (!empty(bootstrapOperatorKey)) {
  parent: vault
  name: 'bootstrap-operator-key'
  properties: {
    value: bootstrapOperatorKey
    contentType: 'text/plain'
  }
}

resource smsGatewaySecretSecret 'Microsoft.KeyVault/vaults/secrets@2024-11-01' = if (!empty(smsGatewaySecret)) {
  parent: vault
  name: 'sms-gateway-secret'
  properties: {
    value: smsGatewaySecret
    contentType: 'text/plain'
  }
}

resource webhookSenderSecretsSecret 'Microsoft.KeyVault/vaults/secrets@2024-11-01' = if (!empty(webhookSenderSecrets)) {
  parent: vault
  name: 'webhook-sender-secrets'
  properties: {
    value: webhookSenderSecrets
    contentType: 'application/json'
  }
}

resource appReadsSecrets 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(vault.id, appIdentity.id, keyVaultSecretsUser)
  scope: vault
  properties: {
    description: 'RectifyFlows Function App: resolve Key Vault references in app settings.'
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', keyVaultSecretsUser)
    principalId: appIdentity.properties.principalId
    principalType: 'ServicePrincipal'
  }
}

resource deployerManagesSecrets 'Microsoft.Authorization/roleAssignments@2022-04-01' = if (!empty(deployerPrincipalId)) {
  name: guid(vault.id, deployerPrincipalId, keyVaultSecretsOfficer)
  scope: vault
  properties: {
    description: 'RectifyFlows deployer: set and rotate secrets with az keyvault secret set.'
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', keyVaultSecretsOfficer)
    principalId: deployerPrincipalId
    principalType: deployerPrincipalType
  }
}

output name string = vault.name
output uri string = vault.properties.vaultUri
