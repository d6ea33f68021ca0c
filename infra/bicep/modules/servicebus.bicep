// Service Bus namespace, the two application queues and their poison queues. Local (SAS) auth is disabled: the
// function app's managed identity sends and receives with Microsoft Entra ID.

@description('Service Bus namespace name.')
param name string

@description('Azure region.')
param location string

@description('Tags applied to every resource.')
param tags object = {}

@description('How long an undelivered message lives before it is dead-lettered (ISO 8601).')
param messageTimeToLive string = 'P14D'

// Queue names fixed by the application: the two trigger queues, and the poison queues the handler moves a
// message to, with its failure reason, when it gives up on it (a custom handler cannot dead-letter with a reason).
var queueNames = [
  'case-events'
  'alert-dispatch'
  'case-events-poison'
  'alert-dispatch-poison'
]

resource namespace 'Microsoft.ServiceBus/namespaces@2024-01-01' = {
  name: name
  location: location
  tags: tags
  sku: {
    name: 'Standard'
    tier: 'Standard'
  }
  properties: {
    disableLocalAuth: true
    minimumTlsVersion: '1.2'
    publicNetworkAccess: 'Enabled'
  }
}

resource queues 'Microsoft.ServiceBus/namespaces/queues@2024-01-01' = [
  for queueName in queueNames: {
    parent: namespace
    name: queueName
    properties: {
      // Senders set MessageId to the event/alert key, so a resend within the window is dropped.
      requiresDuplicateDetection: true
      duplicateDetectionHistoryTimeWindow: 'PT1H'
      deadLetteringOnMessageExpiration: true
      // Same as the local poller: after 5 failed deliveries the message is dead-lettered.
      maxDeliveryCount: 5
      lockDuration: 'PT1M'
      defaultMessageTimeToLive: messageTimeToLive
      requiresSession: false
      enablePartitioning: false
    }
  }
]

output name string = namespace.name
output id string = namespace.id
output fullyQualifiedNamespace string = '${namespace.name}.servicebus.windows.net'
output queueNames array = queueNames
