// User-assigned managed identity: one identity for the host (AzureWebJobsStorage and the queue
// triggers), the worker (tables, queues, the optional Service Bus topic), Key Vault references and
// App Insights ingestion.
// User-assigned rather than system-assigned so that role assignments can be made before the
// function app exists and survive re-creating it.

@description('Name of the user-assigned managed identity.')
param name string

@description('Azure region.')
param location string

@description('Tags applied to every resource.')
param tags object = {}

resource identity 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' = {
  name: name
  location: location
  tags: tags
}

output id string = identity.id
output name string = identity.name
output clientId string = identity.properties.clientId
output principalId string = identity.properties.principalId
