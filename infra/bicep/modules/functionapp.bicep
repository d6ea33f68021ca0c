// Flex Consumption plan and the function app (.NET isolated worker, dotnet-isolated 10.0), with every app
// setting the Functions host and the worker read in Azure (docs/configuration.md, "App settings").

@description('Function app name (also the default host name prefix).')
param name string

@description('Flex Consumption plan name.')
param planName string

@description('Azure region.')
param location string

@description('Tags applied to every resource.')
param tags object = {}

@description('Resource id of the user-assigned managed identity.')
param identityId string

@description('Client id of the user-assigned managed identity.')
param identityClientId string

@description('Storage account name (host storage, application tables and queues).')
param storageAccountName string

@description('Blob endpoint of the storage account, ending with a slash.')
param blobEndpoint string

@description('Table endpoint of the storage account.')
param tableEndpoint string

@description('Queue endpoint of the storage account.')
param queueEndpoint string

@description('Name of the blob container holding the deployment package.')
param deploymentContainerName string

@description('Fully qualified namespace the app publishes sent alerts to (e.g. sb-sched-prod-….servicebus.windows.net); empty: publishing is off.')
param serviceBusFullyQualifiedNamespace string = ''

@description('Service Bus topic the app publishes sent alerts to; empty: publishing is off.')
param serviceBusTopicName string = ''

@description('Versionless Key Vault URI of the SendGrid API key secret.')
param sendGridSecretUri string

@description('Sender address for alert emails.')
param sendGridFromAddress string

@description('Hex SHA-256 of the operator API key.')
param operatorKeySha256 string

@description('NCrontab schedule (6 fields, UTC) of the daily sweep.')
param sweepSchedule string

@description('NCrontab schedule (6 fields, UTC) of the recovery timer that re-enqueues alerts a crashed sweep recorded.')
param sweepRecoverySchedule string

@description('Versionless Key Vault URI of the link-signing key secret.')
param linkSigningSecretUri string

@description('Versionless Key Vault URI of the previous link-signing key secret (read only while previous-key mode is on).')
param linkSigningPreviousSecretUri string

@description('Whether links signed with the previous key are still accepted (the grace period of a key rotation).')
param linkSigningPreviousSecretEnabled bool = false

@description('Days a signed link in an email stays valid.')
@minValue(1)
param linkValidDays int

@description('Years audit and ledger rows are kept.')
param retentionYears int

@description('Base URL for links in emails. Empty: https://<default host name>.')
param publicBaseUrl string = ''

@description('Application Insights connection string.')
param appInsightsConnectionString string

@description('Most instances Flex Consumption may scale out to (40 to 1000).')
@minValue(40)
@maxValue(1000)
param maximumInstanceCount int = 40

@description('Memory of each instance in MB (Flex Consumption allows 512, 2048 or 4096).')
@allowed([
  512
  2048
  4096
])
param instanceMemoryMB int = 2048

resource plan 'Microsoft.Web/serverfarms@2024-04-01' = {
  name: planName
  location: location
  tags: tags
  kind: 'functionapp'
  sku: {
    name: 'FC1'
    tier: 'FlexConsumption'
  }
  properties: {
    reserved: true
  }
}

resource site 'Microsoft.Web/sites@2024-04-01' = {
  name: name
  location: location
  tags: tags
  kind: 'functionapp,linux'
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: {
      '${identityId}': {}
    }
  }
  properties: {
    serverFarmId: plan.id
    httpsOnly: true
    // Key Vault references resolve with the user-assigned identity, not a system identity.
    keyVaultReferenceIdentity: identityId
    siteConfig: {
      // No ftpsState: Flex Consumption has no FTPS and lists the property as deprecated.
      minTlsVersion: '1.2'
      http20Enabled: true
    }
    functionAppConfig: {
      deployment: {
        storage: {
          type: 'blobContainer'
          value: '${blobEndpoint}${deploymentContainerName}'
          authentication: {
            type: 'UserAssignedIdentity'
            userAssignedIdentityResourceId: identityId
          }
        }
      }
      scaleAndConcurrency: {
        maximumInstanceCount: maximumInstanceCount
        instanceMemoryMB: instanceMemoryMB
      }
      // The .NET isolated worker on .NET 10. On Flex Consumption this replaces the
      // FUNCTIONS_WORKER_RUNTIME and FUNCTIONS_WORKER_RUNTIME_VERSION app settings.
      runtime: {
        name: 'dotnet-isolated'
        version: '10.0'
      }
    }
  }
}

// App settings live in their own resource so that the default public URL can use the site's
// host name (Flex Consumption may give a host name that is not simply <name>.azurewebsites.net).
// Flex Consumption deprecates FUNCTIONS_WORKER_RUNTIME, FUNCTIONS_EXTENSION_VERSION and
// WEBSITE_RUN_FROM_PACKAGE as app settings: the runtime is functionAppConfig.runtime above and the
// package comes from functionAppConfig.deployment.
resource appSettings 'Microsoft.Web/sites/config@2024-04-01' = {
  parent: site
  name: 'appsettings'
  properties: {
    // Host storage with the managed identity (no connection string, shared keys are off). The queue
    // triggers use this default connection too: the app's queues live in the same account.
    AzureWebJobsStorage__accountName: storageAccountName
    AzureWebJobsStorage__credential: 'managedidentity'
    AzureWebJobsStorage__clientId: identityClientId
    // Telemetry from the host and the worker: Entra ID ingestion (local auth is off on the component).
    APPLICATIONINSIGHTS_CONNECTION_STRING: appInsightsConnectionString
    APPLICATIONINSIGHTS_AUTHENTICATION_STRING: 'ClientId=${identityClientId};Authorization=AAD'
    // The app's own table and queue clients, with the same identity.
    Scheduler__Storage__TableServiceUri: tableEndpoint
    Scheduler__Storage__QueueServiceUri: queueEndpoint
    Scheduler__ManagedIdentityClientId: identityClientId
    // Optional publishing of sent alerts; both empty when the integration is not deployed.
    Scheduler__ServiceBus__FullyQualifiedNamespace: serviceBusFullyQualifiedNamespace
    Scheduler__ServiceBus__Topic: serviceBusTopicName
    // Mail through SendGrid's public API (Scheduler__SendGrid__BaseUrl is for local runs and tests only).
    Scheduler__SendGrid__ApiKey: '@Microsoft.KeyVault(SecretUri=${sendGridSecretUri})'
    Scheduler__SendGrid__FromAddress: sendGridFromAddress
    // Timers, UTC NCrontab with seconds.
    Scheduler__Sweep__Schedule: sweepSchedule
    Scheduler__Sweep__RecoverySchedule: sweepRecoverySchedule
    // Signed links in emails. Empty previous key: only the current key is accepted.
    Scheduler__Links__Secret: '@Microsoft.KeyVault(SecretUri=${linkSigningSecretUri})'
    Scheduler__Links__PreviousSecret: linkSigningPreviousSecretEnabled ? '@Microsoft.KeyVault(SecretUri=${linkSigningPreviousSecretUri})' : ''
    Scheduler__Links__ValidDays: string(linkValidDays)
    Scheduler__PublicBaseUrl: empty(publicBaseUrl) ? 'https://${site.properties.defaultHostName}' : publicBaseUrl
    Scheduler__OperatorKeySha256: operatorKeySha256
    Scheduler__Retention__Years: string(retentionYears)
    // Send attempts per alert digest (the first send plus re-enqueued retries after 429/5xx).
    Scheduler__Dispatch__MaxAttempts: '5'
  }
}

output name string = site.name
output id string = site.id
output defaultHostName string = site.properties.defaultHostName
