// Passkey Doctor on Azure: App Service (Linux, Node 24 LTS) running the bot, one user-assigned managed
// identity that is the bot's identity (Azure Bot, UserAssignedMSI), its Microsoft Graph identity and
// its state-store identity, and a storage account whose one container holds the bot's state.
// No secret is created: nothing to rotate, nothing to leak.

@maxLength(20)
@minLength(4)
@description('Used to name every resource in this file')
param resourceBaseName string

param webAppSKU string = 'B1'

@maxLength(42)
param botDisplayName string = 'Passkey Doctor'

@description('Object id of the Entra group whose members may use the bot (OPERATORS_GROUP_ID)')
param operatorsGroupId string

@description('Object id of the Entra group whose members may approve a Temporary Access Pass (optional)')
param tapApproversGroupId string = ''

param location string = resourceGroup().location

var stateContainerName = 'passkey-doctor-state'
var storageAccountName = take(toLower('${replace(resourceBaseName, '-', '')}st${uniqueString(resourceGroup().id)}'), 24)
// Built-in role "Storage Blob Data Contributor"
var storageBlobDataContributor = 'ba92f5b4-2d11-453d-a403-e96b0029c9fe'

resource identity 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' = {
  name: resourceBaseName
  location: location
}

resource storage 'Microsoft.Storage/storageAccounts@2023-01-01' = {
  name: storageAccountName
  location: location
  kind: 'StorageV2'
  sku: {
    name: 'Standard_LRS'
  }
  properties: {
    minimumTlsVersion: 'TLS1_2'
    supportsHttpsTrafficOnly: true
    allowBlobPublicAccess: false
    // Only Entra identities (the managed identity) may read or write state; no account keys.
    allowSharedKeyAccess: false
  }
}

resource blobService 'Microsoft.Storage/storageAccounts/blobServices@2023-01-01' = {
  parent: storage
  name: 'default'
}

resource stateContainer 'Microsoft.Storage/storageAccounts/blobServices/containers@2023-01-01' = {
  parent: blobService
  name: stateContainerName
  properties: {
    publicAccess: 'None'
  }
}

// Scoped to the state container, not the account: least privilege.
resource stateAccess 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(stateContainer.id, identity.id, storageBlobDataContributor)
  scope: stateContainer
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', storageBlobDataContributor)
    principalId: identity.properties.principalId
    principalType: 'ServicePrincipal'
  }
}

resource serverfarm 'Microsoft.Web/serverfarms@2022-09-01' = {
  name: resourceBaseName
  location: location
  kind: 'linux'
  sku: {
    name: webAppSKU
  }
  properties: {
    reserved: true
  }
}

resource webApp 'Microsoft.Web/sites@2022-09-01' = {
  name: resourceBaseName
  location: location
  kind: 'app,linux'
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: {
      '${identity.id}': {}
    }
  }
  properties: {
    serverFarmId: serverfarm.id
    httpsOnly: true
    siteConfig: {
      linuxFxVersion: 'NODE|24-lts'
      appCommandLine: 'node dist/bot/main.js'
      healthCheckPath: '/healthz'
      alwaysOn: true
      ftpsState: 'Disabled'
      minTlsVersion: '1.2'
      appSettings: [
        {
          name: 'WEBSITE_RUN_FROM_PACKAGE'
          value: '1'
        }
        {
          name: 'SCM_DO_BUILD_DURING_DEPLOYMENT'
          value: 'false'
        }
        {
          name: 'BOT_ID'
          value: identity.properties.clientId
        }
        {
          name: 'BOT_TENANT_ID'
          value: identity.properties.tenantId
        }
        {
          name: 'BOT_TYPE'
          value: 'UserAssignedMsi'
        }
        {
          // The same identity signs in to Microsoft Graph (grant it the Graph application permissions).
          name: 'AZURE_CLIENT_ID'
          value: identity.properties.clientId
        }
        {
          name: 'OPERATORS_GROUP_ID'
          value: operatorsGroupId
        }
        {
          name: 'TAP_APPROVERS_GROUP_ID'
          value: tapApproversGroupId
        }
        {
          name: 'STATE_STORE'
          value: 'blob:${storage.properties.primaryEndpoints.blob}${stateContainerName}'
        }
        {
          name: 'PLAYGROUND'
          value: 'off'
        }
        {
          // Express and its dependencies drop development-only behaviour (verbose error pages among them).
          name: 'NODE_ENV'
          value: 'production'
        }
      ]
    }
  }
}

module azureBotRegistration './botRegistration/azurebot.bicep' = {
  name: 'Azure-Bot-registration'
  params: {
    resourceBaseName: resourceBaseName
    identityClientId: identity.properties.clientId
    identityResourceId: identity.id
    identityTenantId: identity.properties.tenantId
    botAppDomain: webApp.properties.defaultHostName
    botDisplayName: botDisplayName
  }
}

// Written to env/.env.<env> by arm/deploy.
output BOT_AZURE_APP_SERVICE_RESOURCE_ID string = webApp.id
output BOT_DOMAIN string = webApp.properties.defaultHostName
output BOT_ID string = identity.properties.clientId
output BOT_TENANT_ID string = identity.properties.tenantId
output STATE_STORE_CONTAINER_URL string = '${storage.properties.primaryEndpoints.blob}${stateContainerName}'
