// Key Vault for the SendGrid API key. RBAC authorization (no access policies), soft delete and
// purge protection on. The function app reads the secret through a Key Vault reference.

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

output name string = vault.name
output id string = vault.id
// Versionless URI: the app follows the latest version after a rotation.
output sendGridSecretUri string = '${vault.properties.vaultUri}secrets/${sendGridSecretName}'
