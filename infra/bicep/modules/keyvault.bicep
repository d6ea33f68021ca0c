// Key Vault for the app's secrets: the SendGrid API key and the key that signs the links in alert
// emails (and, during a rotation, the previous one). RBAC authorization (no access policies), soft
// delete and purge protection on. The function app reads each secret through a Key Vault reference.

@description('Key Vault name (3-24 characters).')
@minLength(3)
@maxLength(24)
param name string

@description('Azure region.')
param location string

@description('Tags applied to every resource.')
param tags object = {}

@description('Name of the secret holding the SendGrid API key.')
param sendGridSecretName string = 'SendGridApiKey'

@description('SendGrid API key. Empty: the secret is not written here; set it later with az keyvault secret set.')
@secure()
param sendGridApiKey string = ''

@description('Name of the secret holding the link-signing key.')
param linkSigningSecretName string = 'LinkSigningSecret'

@description('Name of the secret holding the previous link-signing key while a rotation is in its grace period.')
param linkSigningPreviousSecretName string = 'LinkSigningSecretPrevious'

@description('Link-signing key. Empty: the secret is not written here; the operator sets it (docs/operations.md).')
@secure()
param linkSigningSecret string = ''

resource vault 'Microsoft.KeyVault/vaults@2023-07-01' = {
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
    enablePurgeProtection: true
    publicNetworkAccess: 'Enabled'
  }
}

resource sendGridSecret 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = if (!empty(sendGridApiKey)) {
  parent: vault
  name: sendGridSecretName
  properties: {
    value: sendGridApiKey
    contentType: 'SendGrid API key'
  }
}

// Written only when the parameter is given: a redeployment without it leaves a key the operator set or
// rotated untouched. The template never generates one (newGuid() as a default would rotate the key, and
// invalidate every link already sent, on each deployment).
resource linkSecret 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = if (!empty(linkSigningSecret)) {
  parent: vault
  name: linkSigningSecretName
  properties: {
    value: linkSigningSecret
    contentType: 'Scheduler link-signing key'
  }
}

output name string = vault.name
output id string = vault.id
// Versionless URIs: the app follows the latest version after a rotation.
output sendGridSecretUri string = '${vault.properties.vaultUri}secrets/${sendGridSecretName}'
output linkSigningSecretUri string = '${vault.properties.vaultUri}secrets/${linkSigningSecretName}'
output linkSigningPreviousSecretUri string = '${vault.properties.vaultUri}secrets/${linkSigningPreviousSecretName}'
