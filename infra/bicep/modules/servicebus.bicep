// Optional outbound integration (main.bicep deploys this module only when enableServiceBus is true): a
// Service Bus namespace and one topic to which the app publishes every alert it has sent, for councils
// that route alerts into Teams or their case system with Power Automate or Logic Apps. Scheduler itself
// never receives from it; its own messaging is Azure Storage queues. Local (SAS) auth is disabled: the app
// sends with its managed identity, and consumers authenticate with Microsoft Entra ID too.

@description('Service Bus namespace name.')
param name string

@description('Azure region.')
param location string

@description('Tags applied to every resource.')
param tags object = {}

@description('Topic the app publishes sent alerts to.')
param topicName string = 'alerts-sent'

@description('How long a published alert waits for a subscription to take it before it expires (ISO 8601).')
param messageTimeToLive string = 'P14D'

@description('Window in which a repeated MessageId is dropped (ISO 8601; Service Bus allows 20 s to 7 days).')
param duplicateDetectionWindow string = 'P1D'

// Standard, not Basic: Basic has no topics.
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

// The app sets MessageId to the alert key, so a publish repeated after a retry or a recovered sweep
// within the window is dropped by the broker instead of reaching subscribers twice. The template creates
// no subscription: each consumer (a Logic App, a Power Automate flow) gets its own, created by the
// operator (docs/operations.md); a message published while the topic has no subscription is discarded.
resource topic 'Microsoft.ServiceBus/namespaces/topics@2024-01-01' = {
  parent: namespace
  name: topicName
  properties: {
    requiresDuplicateDetection: true
    duplicateDetectionHistoryTimeWindow: duplicateDetectionWindow
    defaultMessageTimeToLive: messageTimeToLive
    maxSizeInMegabytes: 1024
    enablePartitioning: false
    supportOrdering: false
  }
}

output name string = namespace.name
output id string = namespace.id
output fullyQualifiedNamespace string = '${namespace.name}.servicebus.windows.net'
output topicName string = topic.name
