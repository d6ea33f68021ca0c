// Flex Consumption plan and the function app (custom handler runtime), with every app setting the
// host and the handler read (CONTRACT.md, "App settings").

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

@description('Storage account name (host storage and application tables).')
param storageAccountName string

@description('Blob endpoint of the storage account, ending with a slash.')
param blobEndpoint string

@description('Table endpoint of the storage account.')
param tableEndpoint string

@description('Queue endpoint of the storage account.')
param queueEndpoint string

@description('Name of the blob container holding the deployment package.')
param deploymentContainerName string

@description('Fully qualified Service Bus namespace, e.g. sb-sched-prod.servicebus.windows.net.')
param serviceBusFullyQualifiedNamespace string

@description('Versionless Key Vault URI of the SendGrid API key secret.')
param sendGridSecretUri string

@description('Sender address for alert emails.')
param sendGridFromAddress string

@description('Hex SHA-256 of the operator API key.')
param operatorKeySha256 string

@description('NCrontab schedule (6 fields, UTC) of the daily sweep.')
param sweepSchedule string

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
      minTlsVersion: '1.2'
      ftpsState: 'Disabled'
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
      // The custom-handler stack: the host starts the executable named in host.json.
      runtime: {
        name: 'custom'
        version: '1.0'
      }
    }
  }
}

// App settings live in their own resource so that the default public URL can use the site's
// host name (Flex Consumption may give a host name that is not simply <name>.azurewebsites.net).
// Flex Consumption rejects FUNCTIONS_WORKER_RUNTIME and FUNCTIONS_EXTENSION_VERSION: the runtime
// is functionAppConfig.runtime above.
resource appSettings 'Microsoft.Web/sites/config@2024-04-01' = {
  parent: site
  name: 'appsettings'
  properties: {
    // Host storage with the managed identity (no connection string, shared keys are off).
    AzureWebJobsStorage__accountName: storageAccountName
    AzureWebJobsStorage__credential: 'managedidentity'
    AzureWebJobsStorage__clientId: identityClientId
    // The host's serviceBusTrigger connection.
    ServiceBusConnection__fullyQualifiedNamespace: serviceBusFullyQualifiedNamespace
    ServiceBusConnection__credential: 'managedidentity'
    ServiceBusConnection__clientId: identityClientId
    // Telemetry: Entra ID ingestion (local auth is off on the component).
    APPLICATIONINSIGHTS_CONNECTION_STRING: appInsightsConnectionString
    APPLICATIONINSIGHTS_AUTHENTICATION_STRING: 'ClientId=${identityClientId};Authorization=AAD'
    // The handler.
    Scheduler__Storage__TableServiceUri: tableEndpoint
    Scheduler__Storage__QueueServiceUri: queueEndpoint
    Scheduler__ManagedIdentityClientId: identityClientId
    Scheduler__Messaging__Transport: 'ServiceBus'
    Scheduler__ServiceBus__FullyQualifiedNamespace: serviceBusFullyQualifiedNamespace
    Scheduler__SendGrid__ApiKey: '@Microsoft.KeyVault(SecretUri=${sendGridSecretUri})'
    Scheduler__SendGrid__FromAddress: sendGridFromAddress
    Scheduler__SendGrid__BaseUrl: 'https://api.sendgrid.com'
    Scheduler__Sweep__Schedule: sweepSchedule
    Scheduler__PublicBaseUrl: empty(publicBaseUrl) ? 'https://${site.properties.defaultHostName}' : publicBaseUrl
    Scheduler__OperatorKeySha256: operatorKeySha256
    Scheduler__Retention__Years: string(retentionYears)
    // Dispatch retries: the first send plus re-enqueued retries, matching the queues' max delivery count.
    Scheduler__Dispatch__MaxAttempts: '5'
    // In Azure the Functions host fires the triggers; the handler's own local trigger loop
    // (timers and Azurite queue polling) must stay off or every event would be handled twice.
    Scheduler__LocalTriggers__Enabled: 'false'
  }
}

output name string = site.name
output id string = site.id
output defaultHostName string = site.properties.defaultHostName
