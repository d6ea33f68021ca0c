// Least-privilege role assignments for the user-assigned identity, each scoped to one resource.
// Role ids are Azure built-in role definition ids (the same in every tenant).

@description('Principal (object) id of the user-assigned managed identity.')
param principalId string

@description('Storage account name.')
param storageAccountName string

@description('Key Vault name.')
param keyVaultName string

@description('Application Insights component name.')
param appInsightsName string

@description('Whether the optional Service Bus namespace and topic are deployed (and the app may send to the topic).')
param enableServiceBus bool = false

@description('Service Bus namespace name (ignored when enableServiceBus is false).')
param serviceBusNamespaceName string = ''

@description('Service Bus topic the app publishes sent alerts to (ignored when enableServiceBus is false).')
param serviceBusTopicName string = ''

var roleIds = {
  storageTableDataContributor: '0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3'
  storageQueueDataContributor: '974c5e8b-45b9-4653-ba55-5f855dd0fb88'
  storageBlobDataOwner: 'b7e6dc6d-f1e8-4753-8033-0f276bb0955b'
  serviceBusDataSender: '69a216fc-b8fb-44d8-bc22-1f3c2cd27a39'
  keyVaultSecretsUser: '4633458b-17de-408a-b874-0445c86b69e6'
  monitoringMetricsPublisher: '3913510d-42f4-4e42-8a64-420c390055eb'
}

resource storage 'Microsoft.Storage/storageAccounts@2023-05-01' existing = {
  name: storageAccountName
}

resource serviceBus 'Microsoft.ServiceBus/namespaces@2024-01-01' existing = if (enableServiceBus) {
  name: serviceBusNamespaceName
}

resource serviceBusTopic 'Microsoft.ServiceBus/namespaces/topics@2024-01-01' existing = if (enableServiceBus) {
  parent: serviceBus
  name: serviceBusTopicName
}

resource vault 'Microsoft.KeyVault/vaults@2023-07-01' existing = {
  name: keyVaultName
}

resource appInsights 'Microsoft.Insights/components@2020-02-02' existing = {
  name: appInsightsName
}

// The app's state: every application table. On the account, not per table: the app creates its tables
// at start-up when missing, and creating a table is an operation on the account's table service.
resource storageTables 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(storage.id, principalId, roleIds.storageTableDataContributor)
  scope: storage
  properties: {
    principalId: principalId
    principalType: 'ServicePrincipal'
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', roleIds.storageTableDataContributor)
  }
}

// The queue triggers (default AzureWebJobsStorage connection) receive and delete, the queue extension
// moves a message that failed maxDequeueCount times to <queue>-poison (creating that queue when missing),
// and the app's own queue client (Scheduler__Storage__QueueServiceUri) sends case events and dispatch
// messages. On the account because the extension may create queues; the account holds only this app.
resource storageQueues 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(storage.id, principalId, roleIds.storageQueueDataContributor)
  scope: storage
  properties: {
    principalId: principalId
    principalType: 'ServicePrincipal'
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', roleIds.storageQueueDataContributor)
  }
}

// Blob Data Owner rather than Contributor: the Functions host with an identity-based AzureWebJobsStorage
// creates its containers and takes blob leases (host keys, timer singleton locks and schedule status), for
// which the Functions docs name Owner; the same identity reads the Flex Consumption deployment package
// from the deployment container. On the account because the host creates its own containers.
resource storageBlobs 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(storage.id, principalId, roleIds.storageBlobDataOwner)
  scope: storage
  properties: {
    principalId: principalId
    principalType: 'ServicePrincipal'
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', roleIds.storageBlobDataOwner)
  }
}

// The app publishes each sent alert to the one topic, and does nothing else with Service Bus: Data Sender
// scoped to the topic, not the namespace, and only when the integration is deployed.
resource serviceBusSender 'Microsoft.Authorization/roleAssignments@2022-04-01' = if (enableServiceBus) {
  name: guid(serviceBusTopic.id, principalId, roleIds.serviceBusDataSender)
  scope: serviceBusTopic
  properties: {
    principalId: principalId
    principalType: 'ServicePrincipal'
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', roleIds.serviceBusDataSender)
  }
}

// Key Vault references to the SendGrid API key and the link-signing keys. On the vault rather than on each
// secret: the operator may create the secrets after this deployment, and a role can only be scoped to a
// secret that exists.
resource vaultSecrets 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(vault.id, principalId, roleIds.keyVaultSecretsUser)
  scope: vault
  properties: {
    principalId: principalId
    principalType: 'ServicePrincipal'
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', roleIds.keyVaultSecretsUser)
  }
}

// Entra ID telemetry ingestion (APPLICATIONINSIGHTS_AUTHENTICATION_STRING): local auth is off on the component.
resource telemetry 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(appInsights.id, principalId, roleIds.monitoringMetricsPublisher)
  scope: appInsights
  properties: {
    principalId: principalId
    principalType: 'ServicePrincipal'
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', roleIds.monitoringMetricsPublisher)
  }
}
