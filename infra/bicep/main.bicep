// Scheduler in one resource group: Flex Consumption function app (.NET isolated worker, dotnet-isolated
// 10.0), storage (host storage, tables, queues), Key Vault, monitoring, one user-assigned identity and its
// role assignments, and optionally a Service Bus namespace and topic that sent alerts are published to.
targetScope = 'resourceGroup'

@description('Environment name, used in resource names (e.g. prod, test).')
@minLength(2)
@maxLength(10)
param environmentName string

@description('Azure region. Must offer Flex Consumption (az functionapp list-flexconsumption-locations).')
param location string = resourceGroup().location

@description('Sender address for alert emails (a SendGrid verified sender).')
param sendGridFromAddress string

@description('SendGrid API key. Optional: leave empty and set the Key Vault secret afterwards.')
@secure()
param sendGridApiKey string = ''

@description('Key that signs the links in alert emails (at least 32 random bytes, e.g. openssl rand -base64 48). Optional: leave empty and set the Key Vault secret LinkSigningSecret yourself (recommended; docs/operations.md).')
@secure()
param linkSigningSecret string = ''

@description('Accept links signed with the previous key (Key Vault secret LinkSigningSecretPrevious) during a key rotation.')
param linkSigningPreviousSecretEnabled bool = false

@description('Days a signed link in an email stays valid.')
@minValue(1)
param linkValidDays int = 30

@description('Hex SHA-256 of the operator API key (64 hex characters).')
@minLength(64)
@maxLength(64)
param operatorKeySha256 string

@description('NCrontab schedule of the daily sweep: 6 fields with seconds, UTC.')
param sweepSchedule string = '0 0 6 * * *'

@description('NCrontab schedule of the recovery timer that re-enqueues alerts a crashed sweep recorded: 6 fields with seconds, UTC.')
param sweepRecoverySchedule string = '0 */10 * * * *'

@description('Years audit and alert-ledger rows are kept.')
@minValue(1)
param retentionYears int = 6

@description('Base URL for links in emails. Empty: https://<function app default host name>.')
param publicBaseUrl string = ''

@description('Deploy a Service Bus namespace (Standard, local auth off) and the topic alerts-sent, and publish every sent alert to it.')
param enableServiceBus bool = false

@description('Most instances the function app may scale out to (Flex Consumption accepts 40 to 1000).')
@minValue(40)
@maxValue(1000)
param maximumInstanceCount int = 40

@description('Tags applied to every resource.')
param tags object = {
  application: 'scheduler'
  environment: environmentName
}

var suffix = uniqueString(resourceGroup().id, environmentName)
var compactEnv = toLower(replace(environmentName, '-', ''))
var names = {
  identity: 'id-sched-${environmentName}'
  storage: take('st${compactEnv}${suffix}', 24)
  serviceBus: 'sb-sched-${environmentName}-${suffix}'
  keyVault: take('kv-sch-${compactEnv}-${suffix}', 24)
  workspace: 'log-sched-${environmentName}'
  appInsights: 'appi-sched-${environmentName}'
  plan: 'plan-sched-${environmentName}'
  functionApp: 'func-sched-${environmentName}-${take(suffix, 6)}'
}
var deploymentContainerName = 'app-package'
var serviceBusTopicName = 'alerts-sent'

module identity 'modules/identity.bicep' = {
  name: 'identity'
  params: {
    name: names.identity
    location: location
    tags: tags
  }
}

module storage 'modules/storage.bicep' = {
  name: 'storage'
  params: {
    name: names.storage
    location: location
    tags: tags
    deploymentContainerName: deploymentContainerName
  }
}

module serviceBus 'modules/servicebus.bicep' = if (enableServiceBus) {
  name: 'servicebus'
  params: {
    name: names.serviceBus
    location: location
    tags: tags
    topicName: serviceBusTopicName
  }
}

module keyVault 'modules/keyvault.bicep' = {
  name: 'keyvault'
  params: {
    name: names.keyVault
    location: location
    tags: tags
    sendGridApiKey: sendGridApiKey
    linkSigningSecret: linkSigningSecret
  }
}

module monitoring 'modules/monitoring.bicep' = {
  name: 'monitoring'
  params: {
    workspaceName: names.workspace
    appInsightsName: names.appInsights
    location: location
    tags: tags
  }
}

// The Service Bus outputs are read with the safe-dereference operator: when enableServiceBus is false
// the module is not deployed and the expressions fall back to empty strings.
module roles 'modules/roles.bicep' = {
  name: 'roles'
  params: {
    principalId: identity.outputs.principalId
    storageAccountName: storage.outputs.name
    keyVaultName: keyVault.outputs.name
    appInsightsName: monitoring.outputs.appInsightsName
    enableServiceBus: enableServiceBus
    serviceBusNamespaceName: serviceBus.?outputs.name ?? ''
    serviceBusTopicName: serviceBus.?outputs.topicName ?? ''
  }
}

module functionApp 'modules/functionapp.bicep' = {
  name: 'functionapp'
  params: {
    name: names.functionApp
    planName: names.plan
    location: location
    tags: tags
    identityId: identity.outputs.id
    identityClientId: identity.outputs.clientId
    storageAccountName: storage.outputs.name
    blobEndpoint: storage.outputs.blobEndpoint
    tableEndpoint: storage.outputs.tableEndpoint
    queueEndpoint: storage.outputs.queueEndpoint
    deploymentContainerName: deploymentContainerName
    serviceBusFullyQualifiedNamespace: serviceBus.?outputs.fullyQualifiedNamespace ?? ''
    serviceBusTopicName: serviceBus.?outputs.topicName ?? ''
    sendGridSecretUri: keyVault.outputs.sendGridSecretUri
    sendGridFromAddress: sendGridFromAddress
    linkSigningSecretUri: keyVault.outputs.linkSigningSecretUri
    linkSigningPreviousSecretUri: keyVault.outputs.linkSigningPreviousSecretUri
    linkSigningPreviousSecretEnabled: linkSigningPreviousSecretEnabled
    linkValidDays: linkValidDays
    operatorKeySha256: operatorKeySha256
    sweepSchedule: sweepSchedule
    sweepRecoverySchedule: sweepRecoverySchedule
    retentionYears: retentionYears
    publicBaseUrl: publicBaseUrl
    appInsightsConnectionString: monitoring.outputs.connectionString
    maximumInstanceCount: maximumInstanceCount
  }
  // The host starts as soon as the site exists: its identity must already hold its roles, or the
  // first start fails to reach storage (host storage and the queue triggers) and the Key Vault references.
  dependsOn: [
    roles
  ]
}

output functionAppName string = functionApp.outputs.name
output functionAppHostName string = functionApp.outputs.defaultHostName
output functionAppUrl string = 'https://${functionApp.outputs.defaultHostName}'
output storageAccountName string = storage.outputs.name
output serviceBusNamespace string = serviceBus.?outputs.fullyQualifiedNamespace ?? ''
output serviceBusTopic string = serviceBus.?outputs.topicName ?? ''
output keyVaultName string = keyVault.outputs.name
output identityClientId string = identity.outputs.clientId
