// Storage account: the Functions host's own storage (AzureWebJobsStorage: host keys, timer leases and
// schedule status), the application's tables, its two trigger queues with their poison queues, and the
// blob container Flex Consumption deploys the package from. Shared-key access is off: every caller
// authenticates with Microsoft Entra ID.

@description('Storage account name (3-24 lower-case letters and digits).')
@minLength(3)
@maxLength(24)
param name string

@description('Azure region.')
param location string

@description('Tags applied to every resource.')
param tags object = {}

@description('Blob container that holds the Flex Consumption deployment package.')
param deploymentContainerName string = 'app-package'

// Table names fixed by the application (src/Functions/State/TableNames.cs).
var tableNames = [
  'Authorities'
  'ApiKeys'
  'Episodes'
  'Cases'
  'Milestones'
  'DueIndex'
  'AuditLog'
  'AlertLedger'
  'Acknowledgements'
  'SweepState'
  'ProcessedEvents'
]

// Queue names fixed by the application: the two queue-trigger queues, and the poison queues the Functions
// queue extension moves a message to after host.json extensions.queues.maxDequeueCount failed deliveries
// (default 5). The extension would create <queue>-poison itself on first use; creating them here makes
// them visible (and alertable) before the first failure.
var queueNames = [
  'case-events'
  'alert-dispatch'
  'case-events-poison'
  'alert-dispatch-poison'
]

resource account 'Microsoft.Storage/storageAccounts@2023-05-01' = {
  name: name
  location: location
  tags: tags
  kind: 'StorageV2'
  sku: {
    name: 'Standard_LRS'
  }
  properties: {
    accessTier: 'Hot'
    allowSharedKeyAccess: false
    allowBlobPublicAccess: false
    minimumTlsVersion: 'TLS1_2'
    supportsHttpsTrafficOnly: true
    defaultToOAuthAuthentication: true
    publicNetworkAccess: 'Enabled'
  }
}

resource blobService 'Microsoft.Storage/storageAccounts/blobServices@2023-05-01' = {
  parent: account
  name: 'default'
}

resource deploymentContainer 'Microsoft.Storage/storageAccounts/blobServices/containers@2023-05-01' = {
  parent: blobService
  name: deploymentContainerName
  properties: {
    publicAccess: 'None'
  }
}

resource tableService 'Microsoft.Storage/storageAccounts/tableServices@2023-05-01' = {
  parent: account
  name: 'default'
}

resource tables 'Microsoft.Storage/storageAccounts/tableServices/tables@2023-05-01' = [
  for tableName in tableNames: {
    parent: tableService
    name: tableName
  }
]

resource queueService 'Microsoft.Storage/storageAccounts/queueServices@2023-05-01' = {
  parent: account
  name: 'default'
}

resource queues 'Microsoft.Storage/storageAccounts/queueServices/queues@2023-05-01' = [
  for queueName in queueNames: {
    parent: queueService
    name: queueName
  }
]

output name string = account.name
output id string = account.id
output blobEndpoint string = account.properties.primaryEndpoints.blob
output tableEndpoint string = account.properties.primaryEndpoints.table
output queueEndpoint string = account.properties.primaryEndpoints.queue
output deploymentContainerUrl string = '${account.properties.primaryEndpoints.blob}${deploymentContainerName}'
output tableNames array = tableNames
output queueNames array = queueNames
