// The Function App on the Flex Consumption plan (Linux, .NET isolated), running as the user-assigned identity:
// every connection is identity-based, every secret a Key Vault reference. The app settings are the contract with
// the code; docs/deployment.md lists them.

@description('Function App name, unique in Azure (it is the host name).')
param name string

@description('Flex Consumption plan name.')
param planName string

@description('Azure region.')
param location string

@description('Tags of every resource; azd finds the app by the azd-service-name tag added here.')
param tags object

@description('Name of the user-assigned identity (same resource group) the app runs as.')
param identityName string

@description('The app\'s storage account: Functions host, deployment package, ledger tables.')
param storageAccountName string

@description('The Durable task hub\'s storage account (the app\'s own unless a separate one is deployed).')
param taskHubStorageAccountName string

@description('Blob container of the app\'s storage account that holds the deployment package.')
param deploymentContainerName string

@description('Application Insights component (same resource group).')
param applicationInsightsName string

@description('Key Vault holding the secrets the app settings reference.')
param keyVaultName string

@description('Memory of each instance in MB (Flex Consumption sizes).')
@allowed([
  512
  2048
  4096
])
param instanceMemoryMB int

@description('Upper bound of instances the plan scales out to.')
@minValue(1)
@maxValue(1000)
param maximumInstanceCount int

@description('Prefix of the ledger table names (RectifyFlows:Storage:TablePrefix).')
param tablePrefix string

@description('Non-secret notification settings (smtpHost, smtpPort, smtpSecurity, smtpFrom, smtpUserName, twilioAccountSid, twilioFrom, smsGatewayUrl); an empty value leaves its channel off.')
param notificationSettings object

resource identity 'Microsoft.ManagedIdentity/userAssignedIdentities@2024-11-30' existing = {
  name: identityName
}

resource storage 'Microsoft.Storage/storageAccounts@2025-01-01' existing = {
  name: storageAccountName
}

resource applicationInsights 'Microsoft.Insights/components@2020-02-02' existing = {
  name: applicationInsightsName
}

resource plan 'Microsoft.Web/serverfarms@2024-11-01' = {
  name: planName
  location: location
  tags: tags
  kind: 'functionapp'
  sku: {
    tier: 'FlexConsumption'
    name: 'FC1'
  }
  properties: {
    reserved: true
  }
}

resource site 'Microsoft.Web/sites@2024-11-01' = {
  name: name
  location: location
  tags: union(tags, { 'azd-service-name': 'api' })
  kind: 'functionapp,linux'
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: {
      '${identity.id}': {}
    }
  }
  properties: {
    serverFarmId: plan.id
    httpsOnly: true
    publicNetworkAccess: 'Enabled'
    keyVaultReferenceIdentity: identity.id
    siteConfig: {
      minTlsVersion: '1.2'
      scmMinTlsVersion: '1.2'
      ftpsState: 'Disabled'
      http20Enabled: true
      appSettings: [
        // Functions host storage (timers' schedule monitor, host keys, deployment) over the identity.
        {
          name: 'AzureWebJobsStorage__accountName'
          value: storage.name
        }
        {
          name: 'AzureWebJobsStorage__credential'
          value: 'managedidentity'
        }
        {
          name: 'AzureWebJobsStorage__clientId'
          value: identity.properties.clientId
        }
        // The Durable task hub's connection: the prefix is host.json's storageProvider.connectionName.
        {
          name: 'DurableTaskStorage__accountName'
          value: taskHubStorageAccountName
        }
        {
          name: 'DurableTaskStorage__credential'
          value: 'managedidentity'
        }
        {
          name: 'DurableTaskStorage__clientId'
          value: identity.properties.clientId
        }
        // Telemetry with Entra ID (the component has local auth disabled).
        {
          name: 'APPLICATIONINSIGHTS_CONNECTION_STRING'
          value: applicationInsights.properties.ConnectionString
        }
        {
          name: 'APPLICATIONINSIGHTS_AUTHENTICATION_STRING'
          value: 'ClientId=${identity.properties.clientId};Authorization=AAD'
        }
        // DefaultAzureCredential (the ledger's TableServiceClient) picks the user-assigned identity by this.
        {
          name: 'AZURE_CLIENT_ID'
          value: identity.properties.clientId
        }
        // The ledger (RectifyFlows:Storage): a table endpoint means managed identity, no connection string.
        {
          name: 'RectifyFlows__Storage__TableServiceUri'
          value: storage.properties.primaryEndpoints.table
        }
        {
          name: 'RectifyFlows__Storage__TablePrefix'
          value: tablePrefix
        }
        // Schedules (ADR 0014): NCRONTAB with seconds, in UTC, because Flex Consumption fires timers in UTC and ignores
        // WEBSITE_TIME_ZONE. The business times are China Standard Time (UTC+8, no daylight saving): 09:00 CST is
        // 01:00 UTC on the same day. The cycle timers catch up every period missed since the last that ran.
        {
          name: 'RectifyFlows__Schedules__TimeZone'
          value: 'UTC'
        }
        {
          name: 'MonthlyCycleSchedule' // the 1st, 09:00 CST
          value: '0 0 1 1 * *'
        }
        {
          name: 'WeeklyDispatchSchedule' // Mondays, 09:00 CST
          value: '0 0 1 * * 1'
        }
        {
          name: 'TenDayReportSchedule' // the 1st, 11th and 21st, 09:00 CST
          value: '0 0 1 1,11,21 * *'
        }
        {
          name: 'QuarterlyEvaluationSchedule' // 1 January, April, July, October, 09:00 CST
          value: '0 0 1 1 1,4,7,10 *'
        }
        {
          name: 'EscalationCatchUpSchedule' // hourly: ladders of open measures that have none
          value: '0 35 * * * *'
        }
        {
          name: 'WorkflowDoctorSchedule' // hourly
          value: '0 5 * * * *'
        }
        {
          name: 'StoreRetentionSchedule' // daily, 02:00 CST
          value: '0 0 18 * * *'
        }
        {
          name: 'LeadReminderSchedule' // daily, 09:00 CST
          value: '0 0 1 * * *'
        }
        // The doctor and `sizes` read the task hub's tables by this name; it must equal host.json's
        // extensions.durableTask.hubName (DeploymentFilesTests holds them together).
        {
          name: 'RectifyFlows__Durable__TaskHubName'
          value: 'RectifyFlows'
        }
        // The outbox dispatcher's timer (DispatchOutbox, NCRONTAB with seconds).
        {
          name: 'NotificationDispatchSchedule'
          value: '*/30 * * * * *'
        }
        // Notification channels (docs/deployment.md): a channel with its settings empty, or whose secret is an
        // unresolved Key Vault reference, stays off; the dispatcher runs when any channel is on.
        {
          name: 'RectifyFlows__Notifications__Smtp__Host'
          value: notificationSettings.smtpHost
        }
        {
          name: 'RectifyFlows__Notifications__Smtp__Port'
          value: notificationSettings.smtpPort
        }
        // starttls (587), tls (implicit TLS, 465, as many Chinese mail providers require) or none.
        {
          name: 'RectifyFlows__Notifications__Smtp__UseStartTls'
          value: notificationSettings.smtpSecurity == 'starttls' ? 'true' : 'false'
        }
        {
          name: 'RectifyFlows__Notifications__Smtp__UseTls'
          value: notificationSettings.smtpSecurity == 'tls' ? 'true' : 'false'
        }
        {
          name: 'RectifyFlows__Notifications__Smtp__From'
          value: notificationSettings.smtpFrom
        }
        {
          name: 'RectifyFlows__Notifications__Smtp__UserName'
          value: notificationSettings.smtpUserName
        }
        {
          name: 'RectifyFlows__Notifications__Twilio__AccountSid'
          value: notificationSettings.twilioAccountSid
        }
        {
          name: 'RectifyFlows__Notifications__Twilio__From'
          value: notificationSettings.twilioFrom
        }
        {
          name: 'RectifyFlows__Notifications__SmsGateway__Url'
          value: notificationSettings.smsGatewayUrl
        }
        // Secrets: Key Vault references only, resolved by the platform as keyVaultReferenceIdentity.
        {
          name: 'RectifyFlows__Auth__BootstrapOperatorKey'
          value: '@Microsoft.KeyVault(VaultName=${keyVaultName};SecretName=bootstrap-operator-key)'
        }
        {
          name: 'RectifyFlows__Notifications__SmsGateway__Secret'
          value: '@Microsoft.KeyVault(VaultName=${keyVaultName};SecretName=sms-gateway-secret)'
        }
        {
          name: 'RectifyFlows__Notifications__Smtp__Password'
          value: '@Microsoft.KeyVault(VaultName=${keyVaultName};SecretName=smtp-password)'
        }
        {
          name: 'RectifyFlows__Notifications__Twilio__AuthToken'
          value: '@Microsoft.KeyVault(VaultName=${keyVaultName};SecretName=twilio-auth-token)'
        }
        {
          name: 'RectifyFlows__Notifications__WeCom__Key'
          value: '@Microsoft.KeyVault(VaultName=${keyVaultName};SecretName=wecom-robot-key)'
        }
        {
          name: 'RectifyFlows__Notifications__DingTalk__AccessToken'
          value: '@Microsoft.KeyVault(VaultName=${keyVaultName};SecretName=dingtalk-robot-token)'
        }
        {
          name: 'RectifyFlows__Notifications__DingTalk__Secret'
          value: '@Microsoft.KeyVault(VaultName=${keyVaultName};SecretName=dingtalk-robot-secret)'
        }
        {
          name: 'RectifyFlows__Webhooks__SigningSecret'
          value: '@Microsoft.KeyVault(VaultName=${keyVaultName};SecretName=webhook-signing-secret)'
        }
        // Per-sender webhook secrets as one JSON object ({"team-1": "…"}) in one secret: sender ids such as team-1 cannot
        // be app-setting names on Linux, and a secret survives `azd provision`, which rewrites every app setting.
        {
          name: 'RectifyFlows__Webhooks__SenderSecrets'
          value: '@Microsoft.KeyVault(VaultName=${keyVaultName};SecretName=webhook-sender-secrets)'
        }
      ]
    }
    functionAppConfig: {
      deployment: {
        storage: {
          type: 'blobContainer'
          value: '${storage.properties.primaryEndpoints.blob}${deploymentContainerName}'
          authentication: {
            type: 'UserAssignedIdentity'
            userAssignedIdentityResourceId: identity.id
          }
        }
      }
      scaleAndConcurrency: {
        instanceMemoryMB: instanceMemoryMB
        maximumInstanceCount: maximumInstanceCount
      }
      // The .NET isolated worker on the version the app targets (net10.0); Flex Consumption offers 10.0.
      runtime: {
        name: 'dotnet-isolated'
        version: '10.0'
      }
    }
  }
}

// No FTP and no basic-auth deployments: azd deploys with Entra ID.
resource ftpCredentials 'Microsoft.Web/sites/basicPublishingCredentialsPolicies@2024-11-01' = {
  parent: site
  name: 'ftp'
  properties: {
    allow: false
  }
}

resource scmCredentials 'Microsoft.Web/sites/basicPublishingCredentialsPolicies@2024-11-01' = {
  parent: site
  name: 'scm'
  properties: {
    allow: false
  }
}

output name string = site.name
output defaultHostName string = site.properties.defaultHostName
