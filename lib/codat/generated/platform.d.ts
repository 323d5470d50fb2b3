/**
 * GENERATED FILE: do not edit by hand.
 * Source: Codat-Platform.json (openapi 3.1.0, info.version 3.0.0),
 * normalised first (deep $refs hoisted as `<Schema>_<definition>` or inlined; see the script).
 * Regenerate with `npm run codat:types` (node scripts/codat-types.mjs; CODAT_OAS_DIR overrides
 * the folder the specs are read from).
 */
export interface paths {
    "/companies": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List companies
         * @description The *List companies* endpoint returns a list of [companies](https://docs.codat.io/platform-api#/schemas/Company) associated to your instances.
         *
         *     A [company](https://docs.codat.io/platform-api#/schemas/Company) represents a business sharing access to their data.
         *     Each company can have multiple [connections](https://docs.codat.io/platform-api#/schemas/Connection) to different data sources, such as one connection to Xero for accounting data, two connections to Plaid for two bank accounts, and a connection to Zettle for POS data.
         *
         *     ## Filter by tags
         *
         *     The *List companies* endpoint supports the filtering of companies using [tags](https://docs.codat.io/using-the-api/managing-companies#add-metadata-to-a-company). It supports the following operators with [Codat’s query language](https://docs.codat.io/using-the-api/querying):
         *
         *     - equals (`=`)
         *     - not equals (`!=`)
         *     - contains (`~`)
         *
         *     For example, you can use the querying to filter companies tagged with a specific foreign key, region, or owning team:
         *     - Foreign key: `uid = {yourCustomerId}`
         *     - Region: `region != uk`
         *     - Owning team and region: `region = uk && owningTeam = invoice-finance`
         */
        get: operations["list-companies"];
        put?: never;
        /**
         * Create company
         * @description Use the *Create company* endpoint to create a new [company](https://docs.codat.io/platform-api#/schemas/Company) that represents your customer in Codat.
         *
         *     A [company](https://docs.codat.io/platform-api#/schemas/Company) represents a business sharing access to their data.
         *     Each company can have multiple [connections](https://docs.codat.io/platform-api#/schemas/Connection) to different data sources, such as one connection to Xero for accounting data, two connections to Plaid for two bank accounts, and a connection to Zettle for POS data.
         *
         *     If forbidden characters (see `name` pattern) are present in the request, a company will be created with the forbidden characters removed. For example, `Company (Codat[1])` with be created as `Company Codat1`.
         */
        post: operations["create-company"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/companies/{companyId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Get company
         * @description The *Get company* endpoint returns a single company for a given `companyId`.
         *
         *     A [company](https://docs.codat.io/platform-api#/schemas/Company) represents a business sharing access to their data.
         *     Each company can have multiple [connections](https://docs.codat.io/platform-api#/schemas/Connection) to different data sources, such as one connection to Xero for accounting data, two connections to Plaid for two bank accounts, and a connection to Zettle for POS data.
         */
        get: operations["get-company"];
        /**
         * Replace company
         * @description Use the *Replace company* endpoint to replace the existing name, description, and tags of the company. Calling the endpoint will replace existing values even if new values haven't been defined in the payload.
         *
         *     A [company](https://docs.codat.io/platform-api#/schemas/Company) represents a business sharing access to their data.
         *     Each company can have multiple [connections](https://docs.codat.io/platform-api#/schemas/Connection) to different data sources, such as one connection to Xero for accounting data, two connections to Plaid for two bank accounts, and a connection to Zettle for POS data.
         */
        put: operations["replace-company"];
        post?: never;
        /**
         * Delete a company
         * @description The *Delete company* endpoint permanently deletes a [company](https://docs.codat.io/platform-api#/schemas/Company), its [connections](https://docs.codat.io/platform-api#/schemas/Connection) and any cached data. This operation is irreversible.
         *
         *     A [company](https://docs.codat.io/platform-api#/schemas/Company) represents a business sharing access to their data.
         *     Each company can have multiple [connections](https://docs.codat.io/platform-api#/schemas/Connection) to different data sources, such as one connection to Xero for accounting data, two connections to Plaid for two bank accounts, and a connection to Zettle for POS data.
         */
        delete: operations["delete-company"];
        options?: never;
        head?: never;
        /**
         * Update company
         * @description Use the *Update company* endpoint to update the name, description, or tags of the company.
         *
         *     The *Update company* endpoint doesn't have any required fields. If any of the fields provided are `null` or not provided, they won't be included in the update.
         *
         *     A [company](https://docs.codat.io/platform-api#/schemas/Company) represents a business sharing access to their data.
         */
        patch: operations["update-company"];
        trace?: never;
    };
    "/companies/{companyId}/products/{productIdentifier}": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Unique identifier for a company. */
                companyId: components["parameters"]["companyId"];
                /** @description Human-readable product identifier for a product. */
                productIdentifier: components["parameters"]["productIdentifier"];
            };
            cookie?: never;
        };
        get?: never;
        /**
         * Add product
         * @description Use the *Add product* endpoint to enable a product for the company specified by `companyId`.
         *
         *     > Note: This feature is currently in alpha and available only to participants in the development program.
         */
        put: operations["add-product"];
        post?: never;
        /**
         * Remove product
         * @description Use the *Remove product* endpoint to disable a product for the company specified by `companyId`.
         *
         *     > Note: This feature is currently in alpha and available only to participants in the development program.
         */
        delete: operations["remove-product"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/companies/{companyId}/products/{productIdentifier}/refresh": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Unique identifier for a company. */
                companyId: components["parameters"]["companyId"];
                /** @description Human-readable product identifier for a product. */
                productIdentifier: components["parameters"]["productIdentifier"];
            };
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Refresh product data
         * @description Use the **Refresh product data** endpoint to manually refresh data for a custom product for a specific company.
         *
         *     ### Tips and traps
         *
         *     - This endpoint only supports refreshing data for **custom products** and can't be used for Codat's standard solutions. Refer to [individual solutions' documentation](https://docs.codat.io/) instead.
         *     - If a data sync is already in progress for a custom product, the refresh request will return a `Bad request (400)` response.
         *     - If a company has multiple custom products enabled, you can refresh data for each product individually.
         *      - Optionally include a request body with `dataTypes` to refresh only selected data types for the specified product. If omitted, the product's scheduled refresh is triggered as usual.
         *      - When specifying `dataTypes`, each value must be a valid data type supported by the product. Invalid values will result in a `Bad request (400)` response listing valid options.
         */
        post: operations["refresh-product-data"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/companies/{companyId}/connections": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List connections
         * @description List the connections for a company.
         */
        get: operations["list-connections"];
        put?: never;
        /**
         * Create connection
         * @description Creates a connection for the company by providing a valid `platformKey`.
         *
         *     Use the [List Integrations](https://docs.codat.io/platform-api#/operations/list-integrations) endpoint to access valid platform keys.
         */
        post: operations["create-connection"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/companies/{companyId}/connections/{connectionId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Get connection
         * @description Returns a specific connection for a company when valid identifiers are provided. If the identifiers are for a deleted company and/or connection, a not found response is returned.
         */
        get: operations["get-connection"];
        put?: never;
        post?: never;
        /**
         * Delete connection
         * @description Revoke and remove a connection from a company.
         *     This operation is not reversible. The end user would need to reauthorize a new data connection if you wish to view new data for this company.
         */
        delete: operations["delete-connection"];
        options?: never;
        head?: never;
        /**
         * Unlink connection
         * @description This allows you to deauthorize a connection, without deleting it from Codat. This means you can still view any data that has previously been pulled into Codat, and also lets you re-authorize in future if your customer wishes to resume sharing their data.
         */
        patch: operations["unlink-connection"];
        trace?: never;
    };
    "/companies/{companyId}/connections/{connectionId}/authorization": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Unique identifier for a company. */
                companyId: components["parameters"]["companyId"];
                /** @description Unique identifier for a connection. */
                connectionId: components["parameters"]["connectionId"];
            };
            cookie?: never;
        };
        get?: never;
        /**
         * Update authorization
         * @description Update data connection's authorization.
         */
        put: operations["update-connection-authorization"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/companies/{companyId}/accessToken": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Get company access token
         * @description Use the _Get company access token_ endpoint to return an access token for the specified company ID. The token is valid for one day.
         *
         *     The token is required by Codat's embeddable UIs (such as [Connections SDK](https://docs.codat.io/auth-flow/optimize/connection-management) and [Link SDK](https://docs.codat.io/auth-flow/authorize-embedded-link)) to verify the identity of the user and improve the reliability of data provided by them.
         */
        get: operations["get-company-access-token"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/companies/{companyId}/syncSettings": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Unique identifier for a company. */
                companyId: components["parameters"]["companyId"];
            };
            cookie?: never;
        };
        /**
         * Get company sync settings
         * @description Retrieve the [sync settings](https://docs.codat.io/knowledge-base/advanced-sync-settings) for a specific company. This includes how often data types should be queued to be updated, and how much history should be fetched.
         */
        get: operations["get-company-syncSettings"];
        put?: never;
        /**
         * Set company sync settings
         * @description Set the sync settings for a specific company.
         */
        post: operations["set-company-syncSettings"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/companies/{companyId}/connectionManagement/accessToken": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Unique identifier for a company. */
                companyId: components["parameters"]["companyId"];
            };
            cookie?: never;
        };
        /**
         * Get access token (old)
         * @deprecated
         * @description The new [Get company access token](https://docs.codat.io/platform-api#/operations/get-company-access-token) endpoint replaces this endpoint and includes additional functionality.
         */
        get: operations["get-connection-management-access-token"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/connectionManagement/corsSettings": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Get CORS settings (old)
         * @deprecated
         * @description The *Get CORS settings* endpoint returns the allowed origins (i.e. your domains) you want to allow cross-origin resource sharing ([CORS](https://en.wikipedia.org/wiki/Cross-origin_resource_sharing)) with Codat.
         *
         *     Enabling CORS with Codat is required by our embeddable UIs (such as [Connections SDK](https://docs.codat.io/auth-flow/optimize/connection-management) and [Link SDK](https://docs.codat.io/auth-flow/authorize-embedded-link)) to access Codat's API endpoints.
         */
        get: operations["get-connection-management-cors-settings"];
        put?: never;
        /**
         * Set CORS settings (old)
         * @deprecated
         * @description The *Set CORS settings* endpoint allows you to register allowed origins (i.e. your domains) for use in cross-origin resource sharing ([CORS](https://en.wikipedia.org/wiki/Cross-origin_resource_sharing)).
         *
         *     Enabling CORS with Codat is required by our embeddable UIs (such as [Connections SDK](https://docs.codat.io/auth-flow/optimize/connection-management) and [Link SDK](https://docs.codat.io/auth-flow/authorize-embedded-link)) to access Codat's API endpoints.
         */
        post: operations["set-connection-management-cors-settings"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/corsSettings": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Get CORS settings
         * @description The *Get CORS settings* endpoint returns the allowed origins (i.e. your domains) you want to allow cross-origin resource sharing ([CORS](https://en.wikipedia.org/wiki/Cross-origin_resource_sharing)) with Codat.
         *
         *     Enabling CORS with Codat is required by our embeddable UIs (such as [Connections SDK](https://docs.codat.io/auth-flow/optimize/connection-management) and [Link SDK](https://docs.codat.io/auth-flow/authorize-embedded-link)) to access Codat's API endpoints.
         */
        get: operations["get-cors-settings"];
        put?: never;
        /**
         * Set CORS settings
         * @description The *Set CORS settings* endpoint allows you to register allowed origins (i.e. your domains) for use in cross-origin resource sharing ([CORS](https://en.wikipedia.org/wiki/Cross-origin_resource_sharing)).
         *
         *     Enabling CORS with Codat is required by our embeddable UIs (such as [Connections SDK](https://docs.codat.io/auth-flow/optimize/connection-management) and [Link SDK](https://docs.codat.io/auth-flow/authorize-embedded-link)) to access Codat's API endpoints.
         */
        post: operations["set-cors-settings"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/companies/{companyId}/data/all": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Unique identifier for a company. */
                companyId: components["parameters"]["companyId"];
            };
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Refresh all data
         * @description Refreshes all data types with `fetch on first link` set to `true` for a given company.
         *
         *     This is an asynchronous operation, and will bring updated data into Codat from the linked integration for you to view.
         *
         *     [Read more](https://docs.codat.io/core-concepts/data-type-settings) about data type settings and `fetch on first link`.
         */
        post: operations["refresh-company-data"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/companies/{companyId}/data/queue/{dataType}": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Unique identifier for a company. */
                companyId: components["parameters"]["companyId"];
                /** @description The key of a Codat data type. */
                dataType: components["parameters"]["dataType"];
            };
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Refresh data type
         * @description Refreshes a given data type for a given company.
         *
         *     This is an asynchronous operation, and will bring updated data into Codat from the linked integration for you to view.
         */
        post: operations["refresh-data-type"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/companies/{companyId}/dataStatus": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Unique identifier for a company. */
                companyId: components["parameters"]["companyId"];
            };
            cookie?: never;
        };
        /**
         * Get data status
         * @description Get the state of each data type for a company
         */
        get: operations["get-company-data-status"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/companies/{companyId}/data/history": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Unique identifier for a company. */
                companyId: components["parameters"]["companyId"];
            };
            cookie?: never;
        };
        /**
         * List pull operations
         * @description Gets the pull operation history (datasets) for a given company.
         */
        get: operations["list-pull-operations"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/companies/{companyId}/data/history/{datasetId}": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Unique identifier for a company. */
                companyId: components["parameters"]["companyId"];
                /** @description Unique identifier for the dataset that completed its sync. */
                datasetId: components["parameters"]["datasetId"];
            };
            cookie?: never;
        };
        /**
         * Get pull operation
         * @description Retrieve information about a single dataset or pull operation.
         */
        get: operations["get-pull-operation"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/webhooks": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List webhook consumers
         * @description Use the *List webhook consumers* endpoint to return a list of all webhook consumers that currently exist for your client.
         *
         *     [Webhook consumer](https://docs.codat.io/platform-api#/schemas/WebhookConsumer) is an HTTP endpoint that you configure to subscribe to specific events. See our documentation for more details on [Codat's webhook service](https://docs.codat.io/using-the-api/webhooks/overview).
         */
        get: operations["list-webhook-consumers"];
        put?: never;
        /**
         * Create webhook consumer
         * @description Use the *Create webhook consumer* endpoint to create a new webhook consumer that will listen to messages we send you.
         *
         *     [Webhook consumer](https://docs.codat.io/platform-api#/schemas/WebhookConsumer) is an HTTP endpoint that you configure to subscribe to specific events. See our documentation for more details on [Codat's webhook service](https://docs.codat.io/using-the-api/webhooks/overview).
         *
         *     ### Tips and traps
         *     - The number of webhook consumers you can create is limited to 50. If you have reached the maximum number of consumers, use the [*Delete webhook consumer*](https://docs.codat.io/platform-api#/operations/delete-webhook-consumer) endpoint to delete an unused consumer first.
         */
        post: operations["create-webhook-consumer"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/webhooks/{webhookId}": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Unique identifier for the webhook consumer. */
                webhookId: components["parameters"]["webhookId"];
            };
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /**
         * Delete webhook consumer
         * @description Use the *Delete webhook consumer* endpoint to delete an existing webhoook consumer, providing its valid `id` as a parameter.
         *
         *     [Webhook consumer](https://docs.codat.io/platform-api#/schemas/WebhookConsumer) is an HTTP endpoint that you configure to subscribe to specific events. See our documentation for more details on [Codat's webhook service](https://docs.codat.io/using-the-api/webhooks/overview).
         */
        delete: operations["delete-webhook-consumer"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/webhooks/integrationKeys/zapier": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Rotate Zapier key
         * @description The *Rotate Zapier key* endpoint returns the Zapier integration key needed to configure Zaps triggered by Codat's webhooks.
         *
         *     If a key has already been created, calling this will revoke that existing key.
         *
         *     The key changes each time this endpoint is called. If you are already using our Zapier integration and called this endpoint again, you need to reauthenticate using the latest integration key returned in the response.
         *
         *     Our Zapier integration makes it simple for you to set up and receive user notifications in your preferred ways, such as via email or Slack. See our [Zapier documentation](https://docs.codat.io/using-the-api/webhooks/zapier-integration) for detailed instructions on setting up this integration.
         */
        post: operations["rotate-zapier-key"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/integrations": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List integrations
         * @description List your available integrations
         */
        get: operations["list-integrations"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/integrations/{platformKey}": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description A unique 4-letter key to represent a platform in each integration. */
                platformKey: components["parameters"]["platformKey"];
            };
            cookie?: never;
        };
        /**
         * Get integration
         * @description Get single integration, by platformKey
         */
        get: operations["get-integration"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/integrations/{platformKey}/branding": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description A unique 4-letter key to represent a platform in each integration. */
                platformKey: components["parameters"]["platformKey"];
            };
            cookie?: never;
        };
        /**
         * Get branding
         * @description Get branding for platform.
         */
        get: operations["get-integrations-branding"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/profile": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Get profile
         * @description Fetch your Codat profile.
         */
        get: operations["get-profile"];
        /**
         * Update profile
         * @description Update your Codat profile
         */
        put: operations["update-profile"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/profile/syncSettings": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Get sync settings
         * @description Retrieve the [sync settings](https://docs.codat.io/knowledge-base/advanced-sync-settings) for your client. This includes how often data types should be queued to be updated, and how much history should be fetched.
         */
        get: operations["get-profile-syncSettings"];
        put?: never;
        /**
         * Update all sync settings
         * @description Update sync settings for all data types.
         */
        post: operations["update-profile-syncSettings"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/apiKeys": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List API keys
         * @description Use the *List API keys* endpoint to return a list of all API keys that currently exist for your client. This includes keys created via the Portal UI or the *Create API keys* endpoint.
         *
         *     [API keys](https://docs.codat.io/platform-api#/schemas/apiKeys) are tokens used to control access to the API. Include this token in the `Authorization` header parameter when making API calls, following the word "Basic" and a space with your API key.
         *
         *     You can [read more](https://docs.codat.io/using-the-api/authentication) about authentication at Codat and managing API keys via the Portal UI or API.
         */
        get: operations["list-api-keys"];
        put?: never;
        /**
         * Create API key
         * @description Use the *Create API keys* endpoint to generate a new API key for your client.
         *
         *     [API keys](https://docs.codat.io/platform-api#/schemas/apiKeys) are tokens used to control access to the API. Include this token in the `Authorization` header parameter when making API calls, following the word "Basic" and a space with your API key.
         *
         *     You can [read more](https://docs.codat.io/using-the-api/authentication) about authentication at Codat and managing API keys via the Portal UI or API.
         *
         *     ### Tips and pitfalls
         *
         *     * Your first API key is created for you. Access this key via [Codat's Portal](https://app.codat.io/developers/api-keys).
         *     * If you require multiple API keys, perform multiple calls to the *Create API keys* endpoint.
         *     * The number of API keys is limited to 10. If you have reached the maximum amount of keys, use the *Delete API key* endpoint to delete an unused key first.
         */
        post: operations["create-api-key"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/apiKeys/{apiKeyId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /**
         * Delete API key
         * @description Use the *Delete API keys* endpoint to delete an existing API key, providing its valid `id` as a parameter. Note that this operation is not reversible.
         *
         *     [API keys](https://docs.codat.io/platform-api#/schemas/apiKeys) are tokens used to control access to the API. Include this token in the `Authorization` header parameter when making API calls, following the word "Basic" and a space with your API key.
         *
         *     You can [read more](https://docs.codat.io/using-the-api/authentication) about authentication at Codat and managing API keys via the Portal UI or API.
         *
         *     ### Tips and pitfalls
         *
         *     * It is possible to delete the last remaining API key. If this happens, a new key can be created via the [API key management page](https://app.codat.io/developers/api-keys) of the Portal.
         *     * It is possible to delete the API key used to authenticate the *Delete API key* request.
         */
        delete: operations["delete-api-key"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/companies/{companyId}/sync/{datasetId}/validation": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Unique identifier for a company. */
                companyId: components["parameters"]["companyId"];
                /** @description Unique identifier for the dataset that completed its sync. */
                datasetId: components["parameters"]["datasetId"];
            };
            cookie?: never;
        };
        /**
         * Get validation results
         * @description Use the **Get validation results** endpoint to review warnings and errors encountered during the data type validation phase.
         *
         *     The validation result [schema](https://docs.codat.io/platform-api#/schemas/ValidationResult) contains two message arrays:
         *
         *     - **`warnings`** array lists potential issues with the data type that may require attention but don't block usage.
         *     - **`errors`** array contains critical issues that must be resolved before the data type can be used.
         */
        get: operations["get-read-validation-results"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/companies/{companyId}/connections/{connectionId}/options/{dataType}": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Unique identifier for a company. */
                companyId: components["parameters"]["companyId"];
                /** @description Unique identifier for a connection. */
                connectionId: components["parameters"]["connectionId"];
                /** @description The key of a Codat data type. */
                dataType: components["parameters"]["dataType"];
            };
            cookie?: never;
        };
        /**
         * Get push options
         * @description This is the generic documentation for creation and updating of data. See the equivalent endpoint for a given data type for more specific information.
         *
         *     Before pushing data into accounting software, it is often necessary to collect some details from the user as to how they would like the data to be inserted. This includes names and amounts on transactional entities, but also factors such as categorisation of entities, which is often handled differently between different accounting software. A good example of this is specifying where on the balance sheet/profit and loss reports the user would like a newly-created nominal account to appear.
         *
         *     Codat tries not to limit users to pushing to a very limited number of standard categories, so we have implemented "options" endpoints, which allow us to expose to our clients the fields which are required to be pushed for a specific linked company, and the options which may be selected for each field.
         */
        get: operations["get-create-update-model-options-by-data-type"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/companies/{companyId}/push": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Unique identifier for a company. */
                companyId: components["parameters"]["companyId"];
            };
            cookie?: never;
        };
        /**
         * List push operations
         * @description The **List push operations** endpoint returns a list of [push operations](/using-the-api/push) performed on the company.
         *
         *     Write operations are actions that send requests to Codat, enabling the creation, updating, deletion of records, or uploading attachments in the connected accounting software.
         */
        get: operations["get-company-push-history"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/companies/{companyId}/push/{pushOperationKey}": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Unique identifier for a company. */
                companyId: components["parameters"]["companyId"];
                /** @description Push operation key. */
                pushOperationKey: string;
            };
            cookie?: never;
        };
        /**
         * Get push operation
         * @description The **Get push operation** endpoint returns a specific [push operation](/using-the-api/push) identified by the `pushOperationKey` that was performed on the company.
         *
         *     Write operations are actions that send requests to Codat, enabling the creation, updating, deletion of records, or uploading attachments in the connected accounting software.
         */
        get: operations["get-push-operation"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/integrations/{platformKey}/dataTypes/{dataType}/supplementalDataConfig": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description A unique 4-letter key to represent a platform in each integration. */
                platformKey: components["parameters"]["platformKey"];
                /** @description Supported supplemental data data type. */
                dataType: "chartOfAccounts" | "bills" | "company" | "creditNotes" | "customers" | "invoices" | "items" | "journalEntries" | "suppliers" | "taxRates" | "commerce-companyInfo" | "commerce-customers" | "commerce-disputes" | "commerce-locations" | "commerce-orders" | "commerce-payments" | "commerce-paymentMethods" | "commerce-products" | "commerce-productCategories" | "commerce-taxComponents" | "commerce-transactions";
            };
            cookie?: never;
        };
        /**
         * Get configuration
         * @description The *Get configuration* endpoint returns supplemental data configuration previously created for each integration and data type combination.
         *
         *     [Supplemental data](https://docs.codat.io/using-the-api/supplemental-data/overview) is additional data you can include in Codat's standard data types.
         */
        get: operations["get-supplemental-data-configuration"];
        /**
         * Configure
         * @description The *Configure* endpoint allows you to maintain or change configuration required to return supplemental data for each integration and data type combination.
         *
         *     [Supplemental data](https://docs.codat.io/using-the-api/supplemental-data/overview) is additional data you can include in Codat's standard data types.
         *
         *     **Integration-specific behavior**
         *     See the *examples* for integration-specific frequently requested properties.
         */
        put: operations["configure-supplemental-data"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/integrations/{platformKey}/dataTypes/custom/{customDataIdentifier}": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description A unique 4-letter key to represent a platform in each integration. */
                platformKey: components["parameters"]["platformKey"];
                /** @description Unique identifier for a custom data type. */
                customDataIdentifier: components["parameters"]["customDataIdentifier"];
            };
            cookie?: never;
        };
        /**
         * Get custom data configuration
         * @description The *Get custom data configuration* endpoint returns existing configuration details for the specified custom data type and integration pair you previously configured.
         *
         *     A [custom data type](https://docs.codat.io/using-the-api/custom-data) is an additional data type you can create that is not included in Codat's standardized data model.
         */
        get: operations["get-custom-data-type-configuration"];
        /**
         * Configure custom data type
         * @description The *Configure custom data type* endpoint allows you to maintain or change the configuration required to return a custom data type for a specific integration.
         *
         *     A [custom data type](https://docs.codat.io/using-the-api/custom-data) is an additional data type you can create that is not included in Codat's standardized data model.
         *
         *     ### Tips and traps
         *
         *     - You can only configure a single custom data type for a single platform at a time. Use the endpoint multiple times if you need to configure it for multiple platforms.
         *
         *     - You can only indicate a single data source for each customer data type.
         *
         *     - Make your custom configuration as similar as possible to our standard data types so you can interact with them in exactly the same way.
         */
        put: operations["configure-custom-data-type"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/companies/{companyId}/connections/{connectionId}/data/queue/custom/{customDataIdentifier}": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Unique identifier for a company. */
                companyId: components["parameters"]["companyId"];
                /** @description Unique identifier for a connection. */
                connectionId: components["parameters"]["connectionId"];
                /** @description Unique identifier for a custom data type. */
                customDataIdentifier: components["parameters"]["customDataIdentifier"];
            };
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Refresh custom data type
         * @description The *Refresh custom data type* endpoint refreshes the specified custom data type for a given company. This is an asynchronous operation that will sync updated data from the linked integration into Codat for you to view.
         */
        post: operations["refresh-custom-data-type"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/companies/{companyId}/connections/{connectionId}/data/custom/{customDataIdentifier}": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Unique identifier for a company. */
                companyId: components["parameters"]["companyId"];
                /** @description Unique identifier for a connection. */
                connectionId: components["parameters"]["connectionId"];
                /** @description Unique identifier for a custom data type. */
                customDataIdentifier: components["parameters"]["customDataIdentifier"];
            };
            cookie?: never;
        };
        /**
         * List custom data type records
         * @description The *List custom data type records* endpoint returns a paginated list of records pulled for the specified custom data type you previously configured.
         *
         *     A [custom data type](https://docs.codat.io/using-the-api/custom-data) is an additional data type you can create that is not included in Codat's standardized data model.s endpoint returns a paginated list of records whose schema is defined [Configure custom data type](https://docs.codat.io/platform-api#/operations/configure-custom-data-type)
         */
        get: operations["list-custom-data-type-records"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export interface webhooks {
    "company.created": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** @description Called when a company is created in Codat. */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: {
                content: {
                    "application/json": components["schemas"]["CompanyWebhook"];
                };
            };
            responses: {
                /** @description Return a 200 status to indicate that the webhook was received successfully. */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "company.deleted": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** @description Called when a company is deleted in Codat. */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: {
                content: {
                    "application/json": components["schemas"]["CompanyWebhook"];
                };
            };
            responses: {
                /** @description Return a 200 status to indicate that the webhook was received successfully. */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "company.product.added": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** @description Called when a product is added to a company in Codat. */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: {
                content: {
                    "application/json": components["schemas"]["CompanyProductWebhook"];
                };
            };
            responses: {
                /** @description Return a 200 status to indicate that the webhook was received successfully. */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "company.product.removed": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** @description Called when a product is removed from a company in Codat. */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: {
                content: {
                    "application/json": components["schemas"]["CompanyProductWebhook"];
                };
            };
            responses: {
                /** @description Return a 200 status to indicate that the webhook was received successfully. */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "connection.created": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** @description Called when a connection is created by the SMB. */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: {
                content: {
                    "application/json": components["schemas"]["ConnectionWebhook"];
                };
            };
            responses: {
                /** @description Return a 200 status to indicate that the webhook was received successfully. */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "connection.connected": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** @description Called when a connection is successfully linked by the SMB. */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: {
                content: {
                    "application/json": components["schemas"]["ConnectionWebhook"];
                };
            };
            responses: {
                /** @description Return a 200 status to indicate that the webhook was received successfully. */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "connection.failed": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** @description Called when a connection failed linking to the SMB. */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: {
                content: {
                    "application/json": components["schemas"]["ConnectionWebhook"];
                };
            };
            responses: {
                /** @description Return a 200 status to indicate that the webhook was received successfully. */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "connection.disconnected": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** @description Called when a connection is disconnected either due to being unlinked or de-authorized by the SMB or integration. */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: {
                content: {
                    "application/json": components["schemas"]["ConnectionWebhook"];
                };
            };
            responses: {
                /** @description Return a 200 status to indicate that the webhook was received successfully. */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "connection.reconnected": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** @description Called when a connection is reconnected after becoming disconnected. */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: {
                content: {
                    "application/json": components["schemas"]["ConnectionWebhook"];
                };
            };
            responses: {
                /** @description Return a 200 status to indicate that the webhook was received successfully. */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "connection.deleted": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** @description Called when a connection is deleted. */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: {
                content: {
                    "application/json": components["schemas"]["ConnectionWebhook"];
                };
            };
            responses: {
                /** @description Return a 200 status to indicate that the webhook was received successfully. */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "read.completed": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** @description Called when the fetch of data types for a product has completed. */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: {
                content: {
                    "application/json": components["schemas"]["ReadCompletedWebhook"];
                };
            };
            responses: {
                /** @description Return a 200 status to indicate that the webhook was received successfully. */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "read.completed.initial": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** @description Called when the initial fetch of data types for a product has been completed. */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: {
                content: {
                    "application/json": components["schemas"]["ReadCompletedWebhook"];
                };
            };
            responses: {
                /** @description Return a 200 status to indicate that the webhook was received successfully. */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "{dataType}.write.successful": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * @description Indicates that a `dataType` has been successfully created, updated, deleted, or had an attachment uploaded in the accounting software.
         *
         *     Codat now refers to push operations as write requests.
         *
         *     For example, to subscribe to events where a bill is written into the accounting software, use the `bills.write.successful` webhook.
         *
         *     ### Supported data types and write types
         *
         *     | `dataType`       | Create  | Update  | Delete  | UploadAttachment |
         *     |------------------|---------|---------|---------|------------------|
         *     | bankAccounts     | &#9989; | &#9989; | -       | -                |
         *     | bankTransactions | &#9989; | -       | -       | -                |
         *     | billCreditNotes  | &#9989; | &#9989; | -       | &#9989;          |
         *     | billPayments     | &#9989; | -       | &#9989; | -                |
         *     | bills            | &#9989; | &#9989; | &#9989; | &#9989;          |
         *     | chartOfAccounts  | &#9989; | -       | -       | -                |
         *     | creditNotes      | &#9989; | &#9989; | -       | -                |
         *     | customers        | &#9989; | &#9989; | -       | -                |
         *     | directCosts      | &#9989; | -       | &#9989; | &#9989;          |
         *     | directIncomes    | &#9989; | -       | -       | &#9989;          |
         *     | invoices         | &#9989; | &#9989; | &#9989; | &#9989;          |
         *     | items            | &#9989; | -       | -       | -                |
         *     | journalEntries   | &#9989; | -       | &#9989; | -                |
         *     | journals         | &#9989; | -       | -       | -                |
         *     | payments         | &#9989; | -       | -       | -                |
         *     | purchaseOrders   | &#9989; | &#9989; | -       | -                |
         *     | suppliers        | &#9989; | &#9989; | -       | -                |
         *     | transfers        | &#9989; | -       | -       | &#9989;          |
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: {
                content: {
                    "application/json": components["schemas"]["DataTypeWriteWebhook"];
                };
            };
            responses: {
                /** @description Return a 200 status to indicate that the webhook was received. */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "{dataType}.write.unsuccessful": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * @description Indicates that a `dataType` has not been successfully created, updated, deleted, or had an attachment uploaded in the accounting software.
         *
         *     Codat now refers to push operations as write requests.
         *
         *     For example, to subscribe to events where a bill is written into the accounting software, use the `bills.write.unsuccessful` webhook.
         *
         *     ### Supported data types and write types
         *
         *     | `dataType`       | Create  | Update  | Delete  | UploadAttachment |
         *     |------------------|---------|---------|---------|------------------|
         *     | bankAccounts     | &#9989; | &#9989; | -       | -                |
         *     | bankTransactions | &#9989; | -       | -       | -                |
         *     | billCreditNotes  | &#9989; | &#9989; | -       | &#9989;          |
         *     | billPayments     | &#9989; | -       | &#9989; | -                |
         *     | bills            | &#9989; | &#9989; | &#9989; | &#9989;          |
         *     | chartOfAccounts  | &#9989; | -       | -       | -                |
         *     | creditNotes      | &#9989; | &#9989; | -       | -                |
         *     | customers        | &#9989; | &#9989; | -       | -                |
         *     | directCosts      | &#9989; | -       | &#9989; | &#9989;          |
         *     | directIncomes    | &#9989; | -       | -       | &#9989;          |
         *     | invoices         | &#9989; | &#9989; | &#9989; | &#9989;          |
         *     | items            | &#9989; | -       | -       | -                |
         *     | journalEntries   | &#9989; | -       | &#9989; | -                |
         *     | journals         | &#9989; | -       | -       | -                |
         *     | payments         | &#9989; | -       | -       | -                |
         *     | purchaseOrders   | &#9989; | &#9989; | -       | -                |
         *     | suppliers        | &#9989; | &#9989; | -       | -                |
         *     | transfers        | &#9989; | -       | -       | &#9989;          |
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: {
                content: {
                    "application/json": components["schemas"]["DataTypeWriteWebhook"];
                };
            };
            responses: {
                /** @description Return a 200 status to indicate that the webhook was received. */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "client.rateLimit.reached": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** @description Called when your client’s request count to Codat's API surpasses the allocated quota. */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: {
                content: {
                    "application/json": components["schemas"]["ClientRateLimitWebhook"];
                };
            };
            responses: {
                /** @description Return a 200 status to indicate that the webhook was received successfully. */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "client.rateLimit.reset": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** @description Called when your client's rate limit quota is reset, allowing additional requests to Codat's API. */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: {
                content: {
                    "application/json": components["schemas"]["ClientRateLimitWebhook"];
                };
            };
            responses: {
                /** @description Return a 200 status to indicate that the webhook was received successfully. */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export interface components {
    schemas: {
        /**
         * API key details
         * @description Details of the API key.
         */
        ApiKeyDetails: {
            /**
             * @description Unique identifier for the API key.
             * @example e288a972-b402-4b21-93f9-b5335ae5679c
             */
            id?: string;
            /**
             * @description A meaningful name assigned to the API key.
             * @example azure-invoice-finance-processor
             */
            name?: string | null;
            /**
             * @description The API key value used to make authenticated http requests.
             * @example ztHQGvnC4XN2CgUhaDWEG4ySLUJqWjp7zkbZkGHd
             */
            apiKey?: string;
        } & ({
            /** @description The date the entity was created. */
            createdDate?: components["schemas"]["DateTime"];
        } | null);
        /** API keys */
        ApiKeys: {
            results?: components["schemas"]["ApiKeyDetails"][];
        };
        /**
         * Branding
         * @example {
         *       "logo": {
         *         "full": {
         *           "image": {
         *             "src": "https://static.codat.io/public/officialLogos/Full/8A156A5A-39CB-4F9D-856E-76EF9B9A9607.png",
         *             "alt": "xero full icon"
         *           }
         *         },
         *         "square": {
         *           "image": {
         *             "src": "https://static.codat.io/public/officialLogos/Square/8A156A5A-39CB-4F9D-856E-76EF9B2W3607.png",
         *             "alt": "xero square icon"
         *           }
         *         }
         *       },
         *       "button": {
         *         "default": {
         *           "image": {
         *             "src": "https://static.codat.io/public/officialButtons/Full/8A156A5A-39CB-4F9D-856E-76EF9Q7A9607.png",
         *             "alt": "xero default button icon"
         *           }
         *         },
         *         "hover": {
         *           "image": {
         *             "src": "https://static.codat.io/public/officialLogos/Full/8A156A5A-39CB-4F9D-856E-76EF9B9A9607.png",
         *             "alt": "xero hover button icon"
         *           }
         *         }
         *       },
         *       "sourceId": "35b92968-9851-4095-ad60-395c95cbcba4"
         *     }
         */
        Branding: {
            logo?: components["schemas"]["Branding_brandingLogo"];
            button?: components["schemas"]["Branding_brandingButton"];
            /**
             * Format: uuid
             * @description A source-specific ID used to distinguish between different sources originating from the same data connection. In general, a data connection is a single data source. However, for TrueLayer, `sourceId` is associated with a specific bank and has a many-to-one relationship with the `integrationId`.
             * @example 35b92968-9851-4095-ad60-395c95cbcba4
             */
            sourceId?: string;
        };
        /**
         * Client ID
         * Format: uuid
         * @description Unique identifier for your client in Codat.
         */
        ClientId: string;
        /** Client rate limit webhook */
        ClientRateLimitWebhook: {
            /**
             * Format: uuid
             * @description Unique identifier of the event.
             * @example 743ec94a-8aa4-44bb-8bd4-e1855ee0e74b
             */
            id?: string;
            /**
             * @description The type of event.
             * @example client.rateLimit.reset
             * @example client.rateLimit.reached
             */
            eventType?: string;
            /** @description The date time in UTC the event was generated in Codat. */
            generatedDate?: components["schemas"]["DateTime"];
            payload?: components["schemas"]["ClientRateLimitWebhook_clientRateLimitWebhookPayload"];
        };
        /** Companies */
        Companies: {
            results?: components["schemas"]["Company"][];
        } & components["schemas"]["PagingInfo"];
        /**
         * Company
         * @description In Codat, a company represents a business sharing access to their data. Each company can have multiple [connections](https://docs.codat.io/platform-api#/schemas/Connection) to different data sources such as one connection to [Xero](https://docs.codat.io/integrations/accounting/xero/accounting-xero) for accounting data, two connections to [Plaid](https://docs.codat.io/integrations/banking/plaid/banking-plaid) for two bank accounts and a connection to [Zettle](https://docs.codat.io/integrations/commerce/zettle/commerce-zettle) for POS data.
         *
         *     Typically each company is one of your customers.
         *
         *     When you create a company, you can specify a `name` and we will automatically generate a unique `id` for the company. You can also add a `description` to store any additional information about the company.
         * @example {
         *       "id": "0498e921-9b53-4396-a412-4f2f5983b0a2",
         *       "name": "string",
         *       "redirect": "https://link.codat.io/company/27628208-459c-46a2-a705-5641ce25f739",
         *       "lastSync": "2022-01-01T12:00:00.000Z",
         *       "created": "2022-01-01T12:00:00.000Z",
         *       "createdByUserName": "string",
         *       "tags": {
         *         "region": "us",
         *         "uid": "f6b0c253-16c7-4da1-a0c5-9c871e9c9d6c"
         *       },
         *       "dataConnections": [
         *         {
         *           "id": "ee2eb431-c0fa-4dc9-93fa-d29781c12bcd",
         *           "integrationId": "bf083d72-62c7-493e-aec9-81b4dbba7e2c",
         *           "integrationKey": "dfxm",
         *           "sourceId": "bdd831ce-eebd-4896-89a7-20e5ee8989ee",
         *           "platformName": "Basiq",
         *           "linkUrl": "https://link-api.codat.io/companies/86bd88cb-44ab-4dfb-b32f-87b19b14287f/connections/ee2eb431-c0fa-4dc9-93fa-d29781c12bcd/start",
         *           "status": "Linked",
         *           "lastSync": "2022-10-27T10:22:43.6464237Z",
         *           "created": "2022-10-27T09:53:29Z",
         *           "sourceType": "Banking"
         *         }
         *       ],
         *       "products": [
         *         "spend-insights",
         *         "lending"
         *       ]
         *     }
         */
        Company: components["schemas"]["Company_companyDetails"] & {
            dataConnections?: components["schemas"]["Connection"][];
        };
        /**
         * Company access token
         * @description Details of the access token provisioned for a company.
         * @example {
         *       "expiresIn": 86400,
         *       "accessToken": "string",
         *       "tokenType": "Bearer"
         *     }
         */
        CompanyAccessToken: components["schemas"]["CompanyAccessToken_accessToken"];
        /** Company product webhook */
        CompanyProductWebhook: {
            /**
             * Format: uuid
             * @description Unique identifier of the event.
             * @example ba29118f-5406-4e59-b05c-ba307ca38d01
             */
            id?: string;
            /**
             * @description The type of event.
             * @example company.product.added
             * @example company.product.removed
             */
            eventType?: string;
            /** @description The date time in UTC the event was generated in Codat. */
            generatedDate?: components["schemas"]["DateTime"];
            payload?: components["schemas"]["CompanyProductWebhook_companyProductWebhookPayload"];
        };
        /** Create company request */
        CompanyRequestBody: {
            /**
             * @description Name of company being connected.
             * @example Bank of Dave
             */
            name: string;
            /**
             * @description Additional information about the company. This can be used to store foreign IDs, references, etc.
             * @example Requested early access to the new financing scheme.
             */
            description?: string;
            /**
             * Tags
             * @description A collection of user-defined key-value pairs that store custom metadata against the company.
             */
            tags?: {
                [key: string]: string;
            };
        };
        /** Update company request */
        CompanyUpdateRequest: {
            /**
             * @description Name of company being connected.
             * @example Bank of Dave
             */
            name?: string;
            /**
             * @description Additional information about the company. This can be used to store foreign IDs, references, etc.
             * @example Requested early access to the new financing scheme.
             */
            description?: string;
            /**
             * Tags
             * @description A collection of user-defined key-value pairs that store custom metadata against the company.
             */
            tags?: {
                [key: string]: string;
            };
        };
        /** Company sync settings */
        CompanySyncSettings: {
            /**
             * Format: uuid
             * @description Unique identifier for your SMB in Codat.
             * @example 8a210b68-6988-11ed-a1eb-0242ac120002
             */
            companyId?: string;
            settings?: components["schemas"]["SyncSetting"][];
            /** @description Set to `True` if you want to override the default [sync settings](https://docs.codat.io/knowledge-base/advanced-sync-settings). */
            overridesDefaults?: boolean;
        };
        /** Company webhook */
        CompanyWebhook: {
            /**
             * Format: uuid
             * @description Unique identifier of the event
             * @example ba29118f-5406-4e59-b05c-ba307ca38d01
             */
            id?: string;
            /**
             * @description The type of event.
             * @example company.created
             * @example company.deleted
             */
            eventType?: string;
            /** @description The date time in UTC the event was generated in Codat. */
            generatedDate?: components["schemas"]["DateTime"];
            payload?: components["schemas"]["Company_companyDetails"];
        };
        /**
         * Connection
         * @description A connection represents a [company's](https://docs.codat.io/platform-api#/schemas/Company) connection to a data source and allows you to synchronize data (pull and/or push) with that source.
         *
         *     A company can have multiple data connections depending on the type of data source it is connecting to. For example, a single company can link to:
         *
         *     - [Accounting data](https://docs.codat.io/accounting-api/overview) - 1 active connection.
         *     - [Banking data](https://docs.codat.io/banking-api/overview) - Multiple active connections.
         *     - [Commerce data](https://docs.codat.io/commerce-api/overview) - Multiple active connections.
         *     Any combination of accounting, banking, and commerce data connections is allowed.
         *
         *     Before you can use a data connection to pull or push data, the company must grant you access to their business data by [linking the connection](https://docs.codat.io/auth-flow/overview).
         * @example {
         *       "id": "ee2eb431-c0fa-4dc9-93fa-d29781c12bcd",
         *       "integrationId": "bf083d72-62c7-493e-aec9-81b4dbba7e2c",
         *       "integrationKey": "dfxm",
         *       "sourceId": "bdd831ce-eebd-4896-89a7-20e5ee8989ee",
         *       "platformName": "Basiq",
         *       "linkUrl": "https://link-api.codat.io/companies/86bd88cb-44ab-4dfb-b32f-87b19b14287f/connections/ee2eb431-c0fa-4dc9-93fa-d29781c12bcd/start",
         *       "status": "Linked",
         *       "lastSync": "2022-10-27T10:22:43.6464237Z",
         *       "created": "2022-10-27T09:53:29Z",
         *       "sourceType": "Banking"
         *     }
         */
        Connection: {
            /**
             * Format: uuid
             * @description Unique identifier for a company's data connection.
             * @example 2e9d2c44-f675-40ba-8049-353bfcb5e171
             */
            id: string;
            /**
             * Format: uuid
             * @description A Codat ID representing the integration.
             * @example fd321cb6-7963-4506-b873-e99593a45e30
             */
            integrationId: string;
            /** @description A unique four-character ID that identifies the platform of the company's data connection. This ensures continuity if the platform changes its name in the future. */
            integrationKey?: string;
            /**
             * Format: uuid
             * @description A source-specific ID used to distinguish between different sources originating from the same data connection. In general, a data connection is a single data source. However, for TrueLayer, `sourceId` is associated with a specific bank and has a many-to-one relationship with the `integrationId`.
             * @example 35b92968-9851-4095-ad60-395c95cbcba4
             */
            sourceId: string;
            sourceType: components["schemas"]["Integration_sourceType"];
            /** @description Name of integration connected to company. */
            platformName: string;
            /**
             * Format: uri
             * @description The link URL your customers can use to authorize access to their business application.
             * @example https://link-api.codat.io/companies/86bd88cb-44ab-4dfb-b32f-87b19b14287f/connections/2e2eb431-c1fa-4dc9-93fa-d29781c12bcd/start
             */
            linkUrl: string;
            status: components["schemas"]["Connection_dataConnectionStatus"];
            lastSync?: components["schemas"]["DateTime"] | null;
            created: components["schemas"]["DateTime"];
            dataConnectionErrors?: components["schemas"]["Connection_dataConnectionError"][] | null;
            connectionInfo?: {
                [key: string]: unknown;
            } | null;
        };
        /** Access token */
        ConnectionManagementAccessToken: {
            /**
             * @description Access token that allows SMBs to manage connections that have access to their data.
             * @example eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0NTY3ODkwIiwibmFtZSI6IkpvaG4gRG9lIiwiaWF0IjoxNTE2MjM5MDIyfQ.SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c
             */
            accessToken?: string;
        };
        /**
         * Allowed origins
         * @example {
         *       "allowedOrigins": [
         *         "https://www.bank-of-dave.com"
         *       ]
         *     }
         */
        ConnectionManagementAllowedOrigins: {
            /** @description An array of allowed origins (i.e. your domains) to permit cross-origin resource sharing ([CORS](https://en.wikipedia.org/wiki/Cross-origin_resource_sharing)).n resource sharing ([CORS](https://en.wikipedia.org/wiki/Cross-origin_resource_sharing)). */
            allowedOrigins?: string[];
        };
        /** Connections */
        Connections: {
            results?: components["schemas"]["Connection"][];
        } & components["schemas"]["PagingInfo"];
        /** Connection webhook */
        ConnectionWebhook: {
            /**
             * Format: uuid
             * @description Unique identifier of the event.
             * @example ba29118f-5406-4e59-b05c-ba307ca38d01
             */
            id?: string;
            /**
             * @description The type of event.
             * @example connection.created
             * @example connection.connected
             * @example connection.disconnected
             * @example connection.reconnected
             * @example connection.deleted
             * @example connection.failed
             */
            eventType?: string;
            /** @description The date time in UTC the event was generated in Codat. */
            generatedDate?: components["schemas"]["DateTime"];
            payload?: components["schemas"]["ConnectionWebhook_connectionWebhookPayload"];
        };
        /**
         * Create API key
         * @description Details about the newly created API key.
         */
        CreateApiKey: {
            /**
             * @description A meaningful name assigned to the API key.
             * @example azure-invoice-finance-processor
             */
            name?: string | null;
        };
        /**
         * Custom data type configuration
         * @description Client's configuration details for a specific custom data type and platform pair.
         * @example {
         *       "dataSource": "api/purchaseOrders?$filter=currencyCode eq 'NOK'",
         *       "requiredData": {
         *         "currencyCode": "$[*].currencyCode",
         *         "id": "$[*].id",
         *         "number": "$[*].number",
         *         "orderDate": "$[*].orderDate",
         *         "totalAmountExcludingTax": "$[*].totalAmountExcludingTax",
         *         "totalTaxAmount": "$[*].totalTaxAmount",
         *         "vendorName": "$[*].number"
         *       },
         *       "keyBy": [
         *         "$[*].id"
         *       ],
         *       "sourceModifiedDate": [
         *         "$[*].lastModifiedDateTime"
         *       ]
         *     }
         */
        CustomDataTypeConfiguration: {
            /** @description Underlying endpoint of the source platform that will serve as a data source for the custom data type. This value is not validated by Codat. */
            dataSource?: string;
            /** @description Properties required to be fetched from the underlying platform for the custom data type that is being configured. This value is not validated by Codat. */
            requiredData?: {
                [key: string]: string;
            };
            /** @description An array of properties from the source system that can be used to uniquely identify the records returned for the custom data type. This value is not validated by Codat. */
            keyBy?: string[];
            /** @description Property in the source platform nominated by the client that defines the date when a record was last modified there. This value is not validated by Codat. */
            sourceModifiedDate?: string[] | null;
        };
        /**
         * Custom data type records
         * @description Resulting records pulled from the source platform for a specific custom data type.
         */
        CustomDataTypeRecords: {
            results?: components["schemas"]["CustomDataTypeRecords_customDataTypeRecord"][];
            /** @description Current page number. */
            pageNumber?: number;
            /** @description Number of items to return in results array. */
            pageSize?: number;
            /** @description Total number of items. */
            totalResults?: number;
        };
        /**
         * Data status
         * @description Describes the state of data in the Codat cache for a company and data type
         * @example {
         *       "dataType": "string",
         *       "lastSuccessfulSync": "2022-01-01T13:00:00.000Z",
         *       "currentStatus": "string",
         *       "latestSyncId": "ad474a37-2003-478e-baee-9af9f1ec2fe3",
         *       "latestSuccessfulSyncId": "8220fc90-55b6-47bc-9417-48ac6ea93101"
         *     }
         */
        DataStatus: {
            /**
             * Data types
             * @description Available data types
             * @example invoices
             * @enum {string}
             */
            dataType: "accountTransactions" | "balanceSheet" | "bankAccounts" | "bankTransactions" | "billCreditNotes" | "billPayments" | "bills" | "cashFlowStatement" | "chartOfAccounts" | "company" | "creditNotes" | "customers" | "directCosts" | "directIncomes" | "invoices" | "itemReceipts" | "items" | "journalEntries" | "journals" | "paymentMethods" | "payments" | "profitAndLoss" | "purchaseOrders" | "salesOrders" | "suppliers" | "taxRates" | "trackingCategories" | "transfers" | "banking-accountBalances" | "banking-accounts" | "banking-transactionCategories" | "banking-transactions" | "commerce-companyInfo" | "commerce-customers" | "commerce-disputes" | "commerce-locations" | "commerce-orders" | "commerce-paymentMethods" | "commerce-payments" | "commerce-productCategories" | "commerce-products" | "commerce-taxComponents" | "commerce-transactions";
            lastSuccessfulSync?: components["schemas"]["DateTime"];
            /**
             * Dataset status
             * @description The current status of the dataset.
             * @enum {string}
             */
            currentStatus: "Initial" | "Queued" | "Fetching" | "MapQueued" | "Mapping" | "Complete" | "FetchError" | "MapError" | "InternalError" | "ProcessingQueued" | "Processing" | "ProcessingError" | "ValidationQueued" | "Validating" | "ValidationError" | "AuthError" | "Cancelled" | "NotSupported" | "RateLimitError" | "PermissionsError" | "PrerequisiteNotMet";
            /**
             * Format: uuid
             * @description Unique identifier for most recent sync of data type.
             * @example ad474a37-2003-478e-baee-9af9f1ec2fe3
             */
            latestSyncId?: string;
            /**
             * Format: uuid
             * @description Unique identifier for the most recent successful sync of data type.
             * @example 8220fc90-55b6-47bc-9417-48ac6ea93101
             */
            latestSuccessfulSyncId?: string;
        };
        /** Data statuses */
        DataStatuses: {
            accountTransactions?: components["schemas"]["DataStatus"] | null;
            balanceSheet?: components["schemas"]["DataStatus"] | null;
            bankAccounts?: components["schemas"]["DataStatus"] | null;
            bankTransactions?: components["schemas"]["DataStatus"] | null;
            billCreditNotes?: components["schemas"]["DataStatus"] | null;
            billPayments?: components["schemas"]["DataStatus"] | null;
            bills?: components["schemas"]["DataStatus"] | null;
            cashFlowStatement?: components["schemas"]["DataStatus"] | null;
            chartOfAccounts?: components["schemas"]["DataStatus"] | null;
            company?: components["schemas"]["DataStatus"] | null;
            creditNotes?: components["schemas"]["DataStatus"] | null;
            customers?: components["schemas"]["DataStatus"] | null;
            directCosts?: components["schemas"]["DataStatus"] | null;
            directIncomes?: components["schemas"]["DataStatus"] | null;
            invoices?: components["schemas"]["DataStatus"] | null;
            itemReceipts?: components["schemas"]["DataStatus"] | null;
            items?: components["schemas"]["DataStatus"] | null;
            journalEntries?: components["schemas"]["DataStatus"] | null;
            journals?: components["schemas"]["DataStatus"] | null;
            paymentMethods?: components["schemas"]["DataStatus"] | null;
            payments?: components["schemas"]["DataStatus"] | null;
            profitAndLoss?: components["schemas"]["DataStatus"] | null;
            purchaseOrders?: components["schemas"]["DataStatus"] | null;
            salesOrders?: components["schemas"]["DataStatus"] | null;
            suppliers?: components["schemas"]["DataStatus"] | null;
            taxRates?: components["schemas"]["DataStatus"] | null;
            trackingCategories?: components["schemas"]["DataStatus"] | null;
            transfers?: components["schemas"]["DataStatus"] | null;
            "banking-accountBalances"?: components["schemas"]["DataStatus"] | null;
            "banking-accounts"?: components["schemas"]["DataStatus"] | null;
            "banking-transactionCategories"?: components["schemas"]["DataStatus"] | null;
            "banking-transactions"?: components["schemas"]["DataStatus"] | null;
            "commerce-companyInfo"?: components["schemas"]["DataStatus"] | null;
            "commerce-customers"?: components["schemas"]["DataStatus"] | null;
            "commerce-disputes"?: components["schemas"]["DataStatus"] | null;
            "commerce-locations"?: components["schemas"]["DataStatus"] | null;
            "commerce-orders"?: components["schemas"]["DataStatus"] | null;
            "commerce-paymentMethods"?: components["schemas"]["DataStatus"] | null;
            "commerce-payments"?: components["schemas"]["DataStatus"] | null;
            "commerce-productCategories"?: components["schemas"]["DataStatus"] | null;
            "commerce-products"?: components["schemas"]["DataStatus"] | null;
            "commerce-taxComponents"?: components["schemas"]["DataStatus"] | null;
            "commerce-transactions"?: components["schemas"]["DataStatus"] | null;
        };
        /**
         * Data types
         * @description Available data types
         * @example invoices
         * @enum {string}
         */
        DataType: "accountTransactions" | "balanceSheet" | "bankAccounts" | "bankTransactions" | "billCreditNotes" | "billPayments" | "bills" | "cashFlowStatement" | "chartOfAccounts" | "company" | "creditNotes" | "customers" | "directCosts" | "directIncomes" | "invoices" | "itemReceipts" | "items" | "journalEntries" | "journals" | "paymentMethods" | "payments" | "profitAndLoss" | "purchaseOrders" | "salesOrders" | "suppliers" | "taxRates" | "trackingCategories" | "transfers" | "banking-accountBalances" | "banking-accounts" | "banking-transactionCategories" | "banking-transactions" | "commerce-companyInfo" | "commerce-customers" | "commerce-disputes" | "commerce-locations" | "commerce-orders" | "commerce-paymentMethods" | "commerce-payments" | "commerce-productCategories" | "commerce-products" | "commerce-taxComponents" | "commerce-transactions";
        /** Write data type webhook */
        DataTypeWriteWebhook: {
            /**
             * Format: uuid
             * @description Unique identifier of the event.
             * @example ba29118f-5406-4e59-b05c-ba307ca38d01
             */
            id?: string;
            /**
             * @description The type of event.
             * @example bills.write.successful
             * @example bills.write.unsuccessful
             */
            eventType?: string;
            /** @description The date time in UTC the event was generated in Codat. */
            generatedDate?: components["schemas"]["DateTime"];
            payload?: components["schemas"]["DataTypeWriteWebhook_dataTypeWriteWebhookPayload"];
        };
        /**
         * Date time
         * @description In Codat's data model, dates and times are represented using the <a class="external" href="https://en.wikipedia.org/wiki/ISO_8601" target="_blank">ISO 8601 standard</a>. Date and time fields are formatted as strings; for example:
         *
         *     ```
         *     2020-10-08T22:40:50Z
         *     2021-01-01T00:00:00
         *     ```
         *
         *
         *
         *     When syncing data that contains `DateTime` fields from Codat, make sure you support the following cases when reading time information:
         *
         *     - Coordinated Universal Time (UTC): `2021-11-15T06:00:00Z`
         *     - Unqualified local time: `2021-11-15T01:00:00`
         *     - UTC time offsets: `2021-11-15T01:00:00-05:00`
         *
         *     > Time zones
         *     >
         *     > Not all dates from Codat will contain information about time zones.
         *     > Where it is not available from the underlying platform, Codat will return these as times local to the business whose data has been synced.
         * @example 2022-10-23T00:00:00Z
         * @example 2022-10-23
         */
        DateTime: string;
        /** Error message */
        ErrorMessage: {
            /** @description The HTTP status code returned by the error. */
            statusCode?: number;
            /** @description Codat's service the returned the error. */
            service?: string;
            /** @description A brief description of the error. */
            error?: string;
            /** @description Unique identifier used to propagate to all downstream services and determine the source of the error. */
            correlationId?: string;
            validation?: components["schemas"]["ErrorMessage_errorValidation"];
            /** @description `True` if the error occurred transiently and can be retried. */
            canBeRetried?: string;
            /** @description Machine readable error code used to automate processes based on the code returned. */
            detailedErrorCode?: number;
        };
        /**
         * Integration
         * @description An integration that Codat supports
         * @example {
         *       "key": "gbol",
         *       "logoUrl": "http://example.com",
         *       "name": "Xero",
         *       "enabled": true,
         *       "sourceId": "accounting",
         *       "sourceType": "8193a927-ab7a-45a3-9dc2-d357a4932dfe",
         *       "integrationId": "497a18ca-284e-40c0-985d-f72be35d468e",
         *       "isOfflineConnector": true,
         *       "isBeta": true,
         *       "dataProvidedBy": "string",
         *       "datatypeFeatures": [
         *         {
         *           "datatype": "invoices",
         *           "supportedFeatures": [
         *             {
         *               "featureType": "get",
         *               "featureState": "release"
         *             }
         *           ]
         *         }
         *       ]
         *     }
         */
        Integration: {
            /**
             * @description A unique 4-letter key to represent a platform in each integration. View [accounting](https://docs.codat.io/integrations/accounting/overview#platform-keys), [banking](https://docs.codat.io/integrations/banking/overview#platform-keys), and [commerce](https://docs.codat.io/integrations/commerce/overview#platform-keys) platform keys.
             * @example gbol
             */
            key: string;
            /**
             * Format: uri
             * @description Static url for integration's logo.
             */
            logoUrl: string;
            /**
             * @description Name of integration.
             * @example Xero
             */
            name: string;
            /** @description Whether this integration is enabled for your customers to use. */
            enabled: boolean;
            /**
             * Format: uuid
             * @description A source-specific ID used to distinguish between different sources originating from the same data connection. In general, a data connection is a single data source. However, for TrueLayer, `sourceId` is associated with a specific bank and has a many-to-one relationship with the `integrationId`.
             * @example 35b92968-9851-4095-ad60-395c95cbcba4
             */
            sourceId?: string;
            sourceType?: components["schemas"]["Integration_sourceType"];
            /**
             * Format: uuid
             * @description A Codat ID representing the integration.
             * @example fd321cb6-7963-4506-b873-e99593a45e30
             */
            integrationId?: string;
            /** @description `True` if the integration is to an application installed and run locally on an SMBs computer. */
            isOfflineConnector?: boolean;
            /** @description `True` if the integration is currently in beta release. */
            isBeta?: boolean;
            /** @description The name of the data provider. */
            dataProvidedBy?: string;
            datatypeFeatures?: components["schemas"]["Integration_dataTypeFeature"][];
        };
        /** Integrations */
        Integrations: {
            results?: components["schemas"]["Integration"][];
        } & components["schemas"]["PagingInfo"];
        /**
         * Pagination information
         * @example {
         *       "pageNumber": 1,
         *       "pageSize": 10,
         *       "totalResults": 1,
         *       "_links": {
         *         "self": {
         *           "href": "/companies/{id}/data/{dataType}"
         *         },
         *         "current": {
         *           "href": "/companies/{id}/data/{dataType}?page=1&pageSize=10"
         *         }
         *       }
         *     }
         */
        PagingInfo: {
            /** @description Current page number. */
            pageNumber: number;
            /** @description Number of items to return in results array. */
            pageSize: number;
            /** @description Total number of items. */
            totalResults: number;
            _links: components["schemas"]["PagingInfo_links"];
        };
        /**
         * Profile
         * @description Describes your Codat client instance
         * @example {
         *       "name": "Bob's Burgers",
         *       "logoUrl": "https://client-images.codat.io/logo/042399f5-d104-4f38-9ce8-cac3524f4e88_5806cb1f-7342-4c0e-a0a8-99bfbc47b0ff.png",
         *       "iconUrl": "https://client-images.codat.io/icon/042399f5-d104-4f38-9ce8-cac3524f4e88_3f5623af-d992-4c22-bc08-e58c520a8526.ico",
         *       "redirectUrl": "https://bobs-burgers.{countrySuffix}/{companyId}",
         *       "whiteListUrls": [
         *         "https://bobs-burgers.com",
         *         "https://bobs-burgers.co.uk"
         *       ],
         *       "confirmCompanyName": true
         *     }
         */
        Profile: {
            /**
             * @description The name given to the instance.
             * @example Bob's Burgers
             */
            name: string;
            /**
             * @description Static url to your organization's logo.
             * @example https://client-images.codat.io/logo/042399f5-d104-4f38-9ce8-cac3524f4e88_5806cb1f-7342-4c0e-a0a8-99bfbc47b0ff.png
             */
            logoUrl?: string;
            /**
             * @description Static url to your organization's icon.
             * @example https://client-images.codat.io/icon/042399f5-d104-4f38-9ce8-cac3524f4e88_3f5623af-d992-4c22-bc08-e58c520a8526.ico
             */
            iconUrl?: string;
            /**
             * @description The redirect URL pasted on to the SMB once Codat's [Hosted Link](https://docs.codat.io/auth-flow/authorize-hosted-link) has been completed by the SMB.
             * @example https://bobs-burgers.{countrySuffix}/{companyId}
             */
            redirectUrl: string;
            /** @description A list of urls that are allowed to communicate with Codat. If empty any url is allowed to communicate with Codat. */
            whiteListUrls?: string[];
            /**
             * @deprecated
             * @description The API key for this Codat instance.
             * @example sartANTjHAkLdbyDfaynoTQb7pkmj6hXHmnQKMrB
             */
            apiKey?: string;
            /**
             * @deprecated
             * @description `True` if the company name has been confirmed.
             */
            confirmCompanyName?: boolean;
        };
        /**
         * Pull operation
         * @description Information about a queued, in progress or completed pull operation.
         *     *Formally called `dataset`*
         * @example {
         *       "id": "97d60846-f07a-4d42-b5a0-0bdcc6ebf56b",
         *       "companyId": "4645bd78-8988-45bc-ac9e-67ba5df6e4e5",
         *       "connectionId": "51baa045-4836-4317-a42e-3542e991e581",
         *       "dataType": "invoices",
         *       "status": "Initial",
         *       "statusDescription": "Paused until 2022-10-23T00:00:00.000Z",
         *       "requested": "2022-11-14T11:18:37.2798351Z",
         *       "progress": 10,
         *       "isCompleted": false,
         *       "isErrored": false
         *     }
         */
        PullOperation: {
            /**
             * Format: uuid
             * @description Unique identifier of the pull operation.
             * @example 943accd0-4247-42d8-865b-363c8629e1da
             */
            id: string;
            /**
             * Format: uuid
             * @description Unique identifier of the company associated to this pull operation.
             * @example 22ece347-e5f6-4896-95e0-35a4c7f17023
             */
            companyId: string;
            /**
             * Format: uuid
             * @description Unique identifier of the connection associated to this pull operation.
             * @example 50830828-7d39-4367-b0eb-5ddb2de5faa5
             */
            connectionId: string;
            /**
             * Data types
             * @description The data type you are requesting in a pull operation.
             */
            dataType: string;
            /**
             * Dataset status
             * @description The current status of the dataset.
             * @enum {string}
             */
            status: "Initial" | "Queued" | "Fetching" | "MapQueued" | "Mapping" | "Complete" | "FetchError" | "MapError" | "InternalError" | "ProcessingQueued" | "Processing" | "ProcessingError" | "ValidationQueued" | "Validating" | "ValidationError" | "AuthError" | "Cancelled" | "NotSupported" | "RateLimitError" | "PermissionsError" | "PrerequisiteNotMet";
            /**
             * @description Additional information about the dataset status.
             * @example Paused until 2022-10-23T00:00:00.000Z
             */
            statusDescription?: string | null;
            /** @description A message about a transient or persistent error returned by Codat or the source platform. */
            errorMessage?: string | null;
            requested: components["schemas"]["DateTime"];
            completed?: components["schemas"]["DateTime"];
            /** @description An integer signifying the progress of the pull operation. */
            progress: number;
            /** @description `True` if the pull operation is completed successfully. The `isCompleted` property is not queryable. To filter failed pull operations, query by `status!=Complete&&status!=NotSupported` instead. */
            isCompleted: boolean;
            /** @description `True` if the pull operation entered an error state. */
            isErrored: boolean;
        };
        /** Pull operations */
        PullOperations: {
            results?: components["schemas"]["PullOperation"][];
        } & components["schemas"]["PagingInfo"];
        /** Push operation */
        PushOperation: {
            /** @description Contains a single entry that communicates which record has changed and the manner in which it changed. */
            changes?: components["schemas"]["PushOperation_pushOperationChange"][] | null;
            /**
             * Data types
             * @description The type of data being pushed, eg invoices, customers.
             * @example invoices
             * @enum {string}
             */
            dataType?: "accountTransactions" | "balanceSheet" | "bankAccounts" | "bankTransactions" | "billCreditNotes" | "billPayments" | "bills" | "cashFlowStatement" | "chartOfAccounts" | "company" | "creditNotes" | "customers" | "directCosts" | "directIncomes" | "invoices" | "itemReceipts" | "items" | "journalEntries" | "journals" | "paymentMethods" | "payments" | "profitAndLoss" | "purchaseOrders" | "salesOrders" | "suppliers" | "taxRates" | "trackingCategories" | "transfers" | "banking-accountBalances" | "banking-accounts" | "banking-transactionCategories" | "banking-transactions" | "commerce-companyInfo" | "commerce-customers" | "commerce-disputes" | "commerce-locations" | "commerce-orders" | "commerce-paymentMethods" | "commerce-payments" | "commerce-productCategories" | "commerce-products" | "commerce-taxComponents" | "commerce-transactions";
            /**
             * Format: uuid
             * @description Unique identifier for your SMB in Codat.
             * @example 8a210b68-6988-11ed-a1eb-0242ac120002
             */
            companyId: string;
            /**
             * Format: uuid
             * @description A unique identifier generated by Codat to represent this single push operation. This identifier can be used to track the status of the push, and should be persisted.
             */
            pushOperationKey: string;
            /**
             * Format: uuid
             * @description Unique identifier for a company's data connection.
             * @example 2e9d2c44-f675-40ba-8049-353bfcb5e171
             */
            dataConnectionKey: string;
            /** @description The datetime when the push was requested. */
            requestedOnUtc: components["schemas"]["DateTime"];
            /** @description The datetime when the push was completed, null if Pending. */
            completedOnUtc?: components["schemas"]["DateTime"];
            /**
             * Format: int32
             * @description Number of minutes the push operation must complete within before it times out.
             */
            timeoutInMinutes?: number | null;
            /**
             * Format: int32
             * @deprecated
             * @description Number of seconds the push operation must complete within before it times out.
             */
            timeoutInSeconds?: number | null;
            status: components["schemas"]["PushOperation_pushOperationStatus"];
            /** @description A message about the error. */
            errorMessage?: string | null;
            validation?: components["schemas"]["PushOperation_validation"];
            /** @description Push status code. */
            statusCode: number;
        };
        /** Push operations */
        PushOperations: {
            results?: components["schemas"]["PushOperation"][];
        } & components["schemas"]["PagingInfo"];
        /** Push option */
        PushOption: {
            type: components["schemas"]["PushOption_pushOptionType"];
            /** @description The property's display name. */
            displayName: string;
            /** @description A description of the property. */
            description?: string;
            /** @description The property is required if `True`. */
            required: boolean;
            properties?: {
                [key: string]: components["schemas"]["PushOption_pushOptionProperty"];
            } | null;
            options?: components["schemas"]["PushOption_pushOptionChoice"][] | null;
            validation?: components["schemas"]["PushOption_pushValidationInfo"] | null;
        };
        /** Read completed webhook */
        ReadCompletedWebhook: {
            /**
             * Format: uuid
             * @description Unique identifier of the event.
             * @example 743ec94a-8aa4-44bb-8bd4-e1855ee0e74b
             */
            id?: string;
            /** @description The type of event. */
            eventType?: string;
            /** @description The date time in UTC the event was generated in Codat. */
            generatedDate?: components["schemas"]["DateTime"];
            payload?: components["schemas"]["ReadCompletedWebhook_readCompletedWebhookPayload"];
        };
        /**
         * Supplemental data configuration
         * @example {
         *       "supplementalDataConfig": {
         *         "orders-supplemental-data": {
         *           "dataSource": "/orders",
         *           "pullData": {
         *             "orderNumber": "order_num"
         *           },
         *           "pushData": {
         *             "orderNumber": "order_num"
         *           }
         *         }
         *       }
         *     }
         */
        SupplementalDataConfiguration: {
            supplementalDataConfig?: {
                [key: string]: {
                    /** @description The underlying endpoint of the source system which the configuration is targeting. */
                    dataSource?: string;
                    /** @description The additional properties that are required when pulling records. */
                    pullData?: {
                        [key: string]: string;
                    };
                    /** @description The additional properties that are required to create and/or update records. */
                    pushData?: {
                        [key: string]: string;
                    };
                };
            };
        };
        /**
         * SyncSetting
         * @description Describes how often, and how much history, should be fetched for the given data type when a pull operation is queued.
         * @example {
         *       "dataType": "invoices",
         *       "fetchOnFirstLink": true,
         *       "syncSchedule": 24,
         *       "syncOrder": 0,
         *       "syncFromUtc": "2020-01-01T12:00:00.000Z",
         *       "syncFromWindow": 24,
         *       "monthsToSync": 24,
         *       "isLocked": true
         *     }
         */
        SyncSetting: {
            /**
             * Data types
             * @description Available data types
             * @example invoices
             * @enum {string}
             */
            dataType: "accountTransactions" | "balanceSheet" | "bankAccounts" | "bankTransactions" | "billCreditNotes" | "billPayments" | "bills" | "cashFlowStatement" | "chartOfAccounts" | "company" | "creditNotes" | "customers" | "directCosts" | "directIncomes" | "invoices" | "itemReceipts" | "items" | "journalEntries" | "journals" | "paymentMethods" | "payments" | "profitAndLoss" | "purchaseOrders" | "salesOrders" | "suppliers" | "taxRates" | "trackingCategories" | "transfers" | "banking-accountBalances" | "banking-accounts" | "banking-transactionCategories" | "banking-transactions" | "commerce-companyInfo" | "commerce-customers" | "commerce-disputes" | "commerce-locations" | "commerce-orders" | "commerce-paymentMethods" | "commerce-payments" | "commerce-productCategories" | "commerce-products" | "commerce-taxComponents" | "commerce-transactions";
            /** @description Whether this data type should be queued after a company has authorized a connection. */
            fetchOnFirstLink: boolean;
            /**
             * @description Number of hours after which this data type should be refreshed.
             * @example 24
             */
            syncSchedule: number;
            /** @description The sync in which data types are queued for a sync. */
            syncOrder: number;
            /** @description Date from which data should be fetched. Set this *or* `syncFromWindow`. */
            syncFromUtc?: components["schemas"]["DateTime"];
            /**
             * @description Number of months of data to be fetched. Set this *or* `syncFromUTC`.
             * @example 24
             */
            syncFromWindow?: number;
            /**
             * @description Months of data to fetch, for report data types (`balanceSheet` & `profitAndLoss`) only.
             * @example 24
             */
            monthsToSync?: number;
            /** @description `True` if the [sync setting](https://docs.codat.io/knowledge-base/advanced-sync-settings) is locked. */
            isLocked?: boolean;
        };
        /** Sync settings */
        SyncSettings: {
            clientId?: components["schemas"]["ClientId"];
            settings?: components["schemas"]["SyncSetting"][];
            /** @description Set to `True` if you want to override the default [sync settings](https://docs.codat.io/knowledge-base/advanced-sync-settings). */
            overridesDefaults?: boolean;
        };
        /** Update connection */
        UpdateConnectionStatus: {
            /** @description The current authorization status of the data connection. */
            status?: components["schemas"]["Connection_dataConnectionStatus"] | null;
        };
        /** Validation result */
        ValidationResult: {
            errors?: components["schemas"]["ValidationResult_validationItem"][];
            warnings?: components["schemas"]["ValidationResult_validationItem"][];
        };
        /**
         * Webhook consumer
         * @description A webhook consumer is an HTTP endpoint that developers can configure to subscribe to Codat's supported event types.
         *
         *     See our documentation for more details on [Codat's webhook service](https://docs.codat.io/using-the-api/webhooks/overview).
         */
        WebhookConsumer: {
            /**
             * Format: uuid
             * @description Unique identifier for the webhook consumer.
             * @example 8a210b68-6988-11ed-a1eb-0242ac120002
             */
            id?: string;
            /**
             * Format: uri
             * @description The URL that will consume webhook events dispatched by Codat.
             */
            url?: string;
            /**
             * @description Flag that enables or disables the endpoint from receiving events. Disabled when set to `true`.
             * @default false
             */
            disabled: boolean | null;
            /** @description An array of event types the webhook consumer subscribes to. */
            eventTypes?: string[];
            /** @description Company tags provide an additional way to filter messages, independent of event types. Company tags are case-sensitive, and only messages from companies with matching tags will be sent to this endpoint. Use the format `tagKey:tagValue`. */
            companyTags?: string[] | null;
        };
        /**
         * Zapier integration key
         * @example {
         *       "key": "sk_integ_WM4dfoK1nKZnDE_kceze6hWDjbRwOZwG.us"
         *     }
         */
        WebhookZapierKey: {
            /**
             * @description Integration key used to authorize Zapier's HTTP requests with Codat.
             * @example sk_integ_WM4dfoK1nKZnDE_kceze6hWDjbRwOZwG.us
             */
            key?: string;
        };
        /** @description Logo branding references. */
        Branding_brandingLogo: {
            full?: components["schemas"]["Branding_brandingImage"];
            square?: components["schemas"]["Branding_brandingImage"];
        };
        /** @description Button branding references. */
        Branding_brandingButton: {
            default?: components["schemas"]["Branding_brandingImage"];
            hover?: components["schemas"]["Branding_brandingImage"];
        };
        /** Branding Image */
        Branding_brandingImage: {
            image?: components["schemas"]["Branding_imageReference"];
        };
        /**
         * Image Reference
         * @description Image reference.
         */
        Branding_imageReference: {
            /**
             * Format: uri
             * @description Source URL for image.
             */
            src?: string;
            /** @description Alternative text when image is not available. */
            alt?: string;
        };
        /** Client rate limit webhook payload */
        ClientRateLimitWebhook_clientRateLimitWebhookPayload: {
            /** @description The number of available requests per day. */
            dailyQuota?: number;
            /** @description Total number of requests remaining for your client. */
            quotaRemaining?: number;
            /** @description The date time in UTC when your daily quota is reset. */
            expiryDate?: components["schemas"]["DateTime"];
        };
        /** Company details */
        Company_companyDetails: {
            /**
             * Format: uuid
             * @description Unique identifier for your SMB in Codat.
             * @example 8a210b68-6988-11ed-a1eb-0242ac120002
             */
            id: string;
            /**
             * @description The name of the company
             * @example Codat Ltd.
             */
            name: string;
            description?: string | null;
            /**
             * Format: uri
             * @description The `redirect` [Link URL](https://docs.codat.io/auth-flow/authorize-hosted-link) enabling the customer to start their auth flow journey for the company.
             * @example https://link.codat.io/company/27628208-459c-46a2-a705-5641ce25f739
             */
            redirect: string;
            lastSync?: components["schemas"]["DateTime"] | null;
            created?: components["schemas"]["DateTime"];
            /** @description Name of user that created the company in Codat. */
            createdByUserName?: string | null;
            /** @description An array of products that are currently enabled for the company. */
            products?: string[];
            /**
             * Tags
             * @description A collection of user-defined key-value pairs that store custom metadata against the company.
             */
            tags?: {
                [key: string]: string;
            };
            /** @description The parent entity or controlling organization of this company. Null if the company has no parent. */
            referenceParentCompany?: components["schemas"]["Company_companyReference"] | null;
            /** @description A list of subsidiary companies owned or controlled by this entity. Empty if the company has no children. */
            referenceSubsidiaryCompanies?: components["schemas"]["Company_companyReference"][];
        };
        /** Company reference */
        Company_companyReference: {
            /**
             * Format: uuid
             * @description Unique identifier for your SMB in Codat.
             * @example 8a210b68-6988-11ed-a1eb-0242ac120002
             */
            id?: string;
            /**
             * @description The name of the company
             * @example Codat Ltd.
             */
            name?: string;
            description?: string | null;
            /** @description A collection of links for the company. */
            links?: {
                /**
                 * Format: uri
                 * @description Link to the company page in the portal.
                 */
                portal?: string;
            };
            /**
             * Tags
             * @description A collection of user-defined key-value pairs that store custom metadata against the company.
             */
            tags?: {
                [key: string]: string;
            };
        };
        /** Access token */
        CompanyAccessToken_accessToken: {
            /**
             * @description The number of seconds until the access token expires.
             * @example 86400
             */
            expiresIn: number;
            /** @description The access token for the company. */
            accessToken: string;
            /**
             * @description The type of token.
             * @example Bearer
             */
            tokenType: string;
        };
        /** Company product webhook payload */
        CompanyProductWebhook_companyProductWebhookPayload: {
            /**
             * Format: uuid
             * @description Unique identifier of the company the product change applies to.
             * @example 0498e921-9b53-4396-a412-4f2f5983b0a2
             */
            id?: string;
            /**
             * @description Name of the company.
             * @example Bank of Dave
             */
            name?: string;
            description?: string | null;
            /**
             * @description Unique identifier of the product that was added to or removed from the company.
             * @example lending
             */
            productId?: string;
            /**
             * @description Name of the product that was added to or removed from the company.
             * @example Lending
             */
            productName?: string;
            /**
             * @description The full list of products currently enabled for the company.
             * @example [
             *       "accounting",
             *       "banking",
             *       "lending"
             *     ]
             */
            products?: string[];
        };
        /**
         * Data connection status
         * @description The current authorization status of the data connection.
         * @enum {string}
         */
        Connection_dataConnectionStatus: "PendingAuth" | "Linked" | "Unlinked" | "Deauthorized";
        /** Data connection error */
        Connection_dataConnectionError: {
            /** @description The HTTP status code returned by the source platform when the error occurred. */
            statusCode?: string;
            /** @description A non-numeric status code/text returned by the source platform when the error occurred. */
            statusText?: string;
            /** @description A message about a error returned by Codat. */
            errorMessage?: string;
            erroredOnUtc?: components["schemas"]["DateTime"];
            /**
             * Error status
             * @description The current status of a transient error. Null statuses indicate that the error is not transient.
             * @enum {string|null}
             */
            status?: "Active" | "Resolved" | null;
            /** @description The datetime in Utc that the error was resolved. */
            resolvedOnUtc?: components["schemas"]["DateTime"] | null;
        };
        /**
         * Source Type
         * @description The type of platform of the connection.
         * @example Accounting
         * @enum {string}
         */
        Connection_dataConnectionSourceType: "Accounting" | "Banking" | "BankFeed" | "Commerce" | "Expense" | "Other" | "Unknown";
        /** Connection webhook payload */
        ConnectionWebhook_connectionWebhookPayload: {
            referenceCompany?: components["schemas"]["Company_companyReference"];
            connection?: components["schemas"]["Connection"];
        };
        /** Custom data type record */
        CustomDataTypeRecords_customDataTypeRecord: {
            /** @description Unique identifier of the record. */
            id?: string;
            /** @description Values from the source system for the properties defined in the custom data type configuration. */
            content?: {
                [key: string]: Record<string, never>;
            };
            /** ModifiedDate */
            modifiedDate?: {
                modifiedDate?: components["schemas"]["DateTime"] & unknown;
            };
        };
        /** Payload */
        DataTypeWriteWebhook_dataTypeWriteWebhookPayload: {
            /** @description Unique identifier of the write request. This is also known as the push operation ID. */
            id?: string;
            type?: components["schemas"]["DataTypeWriteWebhook_writeType"];
            referenceCompany?: components["schemas"]["Company_companyReference"];
            /**
             * Format: uuid
             * @description Unique identifier for a company's data connection.
             * @example 2e9d2c44-f675-40ba-8049-353bfcb5e171
             */
            connectionId?: string;
            /** @description The date time in UTC the write request was submitted. */
            requestedOnDate?: components["schemas"]["DateTime"];
            /** @description The date time in UTC the write request completed. */
            completedOnDate?: components["schemas"]["DateTime"];
            status?: components["schemas"]["DataTypeWriteWebhook_writeStatus"];
            record?: components["schemas"]["DataTypeWriteWebhook_dataTypeWriteWebhookRecord"] | null;
            /** @description Unique identifier for the uploaded attachment, null if no attachment uploaded. */
            attachmentId?: string | null;
        };
        DataTypeWriteWebhook_dataTypeWriteWebhookRecord: {
            /** @description The unique identifier of the data type created, updated, deleted, or had an attachment uploaded in the accounting platform. */
            id?: string;
        };
        /**
         * Write type
         * @description Type of write request.
         * @enum {string}
         */
        DataTypeWriteWebhook_writeType: "Create" | "Update" | "Delete" | "UploadAttachment";
        /**
         * Write request status
         * @description The current status of the write request, which is the same as the push operation status.
         * @enum {string}
         */
        DataTypeWriteWebhook_writeStatus: "Pending" | "Failed" | "Success" | "TimedOut";
        /**
         * Validation error
         * @description A human-readable object describing validation decisions Codat has made. If an operation has failed because of validation errors, they will be detailed here.
         */
        ErrorMessage_errorValidation: {
            errors?: components["schemas"]["ErrorMessage_errorValidationItem"][] | null;
            warnings?: components["schemas"]["ErrorMessage_errorValidationItem"][] | null;
        } | null;
        /** Validation error item */
        ErrorMessage_errorValidationItem: {
            /** @description Unique identifier for a validation item. */
            itemId?: string | null;
            /** @description A message outlining validation item's issue. */
            message?: string | null;
            /** @description Name of validator. */
            validatorName?: string | null;
        };
        /**
         * Source Type
         * @description The type of platform of the connection.
         * @example Accounting
         * @enum {string}
         */
        Integration_sourceType: "Accounting" | "Banking" | "BankFeed" | "Commerce" | "Expense" | "Other" | "Unknown";
        /**
         * Data type feature
         * @description Describes support for a given datatype and associated operations
         * @example {
         *       "datatype": "invoices",
         *       "supportedFeatures": [
         *         {
         *           "featureType": "Get",
         *           "featureState": "Release"
         *         }
         *       ]
         *     }
         */
        Integration_dataTypeFeature: {
            /**
             * Data types
             * @description Available data types
             * @example invoices
             * @enum {string}
             */
            dataType?: "accountTransactions" | "balanceSheet" | "bankAccounts" | "bankTransactions" | "billCreditNotes" | "billPayments" | "bills" | "cashFlowStatement" | "chartOfAccounts" | "company" | "creditNotes" | "customers" | "directCosts" | "directIncomes" | "invoices" | "itemReceipts" | "items" | "journalEntries" | "journals" | "paymentMethods" | "payments" | "profitAndLoss" | "purchaseOrders" | "salesOrders" | "suppliers" | "taxRates" | "trackingCategories" | "transfers" | "banking-accountBalances" | "banking-accounts" | "banking-transactionCategories" | "banking-transactions" | "commerce-companyInfo" | "commerce-customers" | "commerce-disputes" | "commerce-locations" | "commerce-orders" | "commerce-paymentMethods" | "commerce-payments" | "commerce-productCategories" | "commerce-products" | "commerce-taxComponents" | "commerce-transactions";
            supportedFeatures: components["schemas"]["Integration_supportedFeature"][];
        };
        Integration_supportedFeature: {
            featureType: components["schemas"]["Integration_featureType"];
            featureState: components["schemas"]["Integration_featureState"];
        };
        /**
         * Feature state
         * @description The current release state of the feature.
         * @example Release
         * @enum {string}
         */
        Integration_featureState: "Release" | "Alpha" | "Beta" | "Deprecated" | "NotSupported" | "NotImplemented";
        /**
         * @description The type of feature.
         * @example Get
         * @enum {string}
         */
        Integration_featureType: "Get" | "Post" | "Categorization" | "Delete" | "Put" | "GetAsPdf" | "DownloadAttachment" | "GetAttachment" | "GetAttachments" | "UploadAttachment";
        /**
         * Hal Links
         * @example {
         *       "self": {
         *         "href": "/companies"
         *       },
         *       "current": {
         *         "href": "/companies?page=1&pageSize=10"
         *       }
         *     }
         */
        PagingInfo_links: {
            self: components["schemas"]["PagingInfo_halRef"];
            current: components["schemas"]["PagingInfo_halRef"];
            next?: components["schemas"]["PagingInfo_halRef"];
            previous?: components["schemas"]["PagingInfo_halRef"];
        };
        /** Hypertext reference */
        PagingInfo_halRef: {
            /**
             * Format: uri-reference
             * @description Uri hypertext reference.
             */
            href?: string;
        };
        /**
         * Validation
         * @description A human-readable object describing validation decisions Codat has made when pushing data into the platform. If a push has failed because of validation errors, they will be detailed here.
         */
        PushOperation_validation: {
            errors?: components["schemas"]["PushOperation_validationItem"][] | null;
            warnings?: components["schemas"]["PushOperation_validationItem"][] | null;
        };
        /** Validation item */
        PushOperation_validationItem: {
            /** @description Unique identifier for a validation item. */
            itemId?: string | null;
            /** @description A message outlining validation item's issue. */
            message?: string | null;
            /** @description Name of validator. */
            validatorName?: string | null;
        };
        /**
         * Push change type
         * @description Type of change being applied to record in third party platform.
         * @enum {string}
         */
        PushOperation_pushChangeType: "Unknown" | "Created" | "Modified" | "Deleted" | "AttachmentUploaded";
        /** Push operation reference */
        PushOperation_pushOperationRef: {
            /** @description Unique identifier for a push operation. */
            id?: string;
            dataType?: ("accountTransactions" | "balanceSheet" | "bankAccounts" | "bankTransactions" | "billCreditNotes" | "billPayments" | "bills" | "cashFlowStatement" | "chartOfAccounts" | "company" | "creditNotes" | "customers" | "directCosts" | "directIncomes" | "invoices" | "itemReceipts" | "items" | "journalEntries" | "journals" | "paymentMethods" | "payments" | "profitAndLoss" | "purchaseOrders" | "salesOrders" | "suppliers" | "taxRates" | "trackingCategories" | "transfers" | "banking-accountBalances" | "banking-accounts" | "banking-transactionCategories" | "banking-transactions" | "commerce-companyInfo" | "commerce-customers" | "commerce-disputes" | "commerce-locations" | "commerce-orders" | "commerce-paymentMethods" | "commerce-payments" | "commerce-productCategories" | "commerce-products" | "commerce-taxComponents" | "commerce-transactions") | null;
        };
        /**
         * Push operation status
         * @description The current status of the push operation.
         * @enum {string}
         */
        PushOperation_pushOperationStatus: "Pending" | "Failed" | "Success" | "TimedOut";
        PushOperation_pushOperationChange: {
            type?: components["schemas"]["PushOperation_pushChangeType"];
            recordRef?: components["schemas"]["PushOperation_pushOperationRef"];
            /** @description Unique identifier for the attachment created otherwise null. */
            attachmentId?: string | null;
        };
        /** Push Option Property */
        PushOption_pushOptionProperty: {
            type: components["schemas"]["PushOption_pushOptionType"];
            /** @description The property's display name. */
            displayName: string;
            /** @description A description of the property. */
            description: string;
            /** @description The property is required if `True`. */
            required: boolean;
            properties?: {
                [key: string]: components["schemas"]["PushOption_pushOptionProperty"];
            } | null;
            options?: components["schemas"]["PushOption_pushOptionChoice"][] | null;
            validation?: components["schemas"]["PushOption_pushValidationInfo"];
        };
        /** Push validation info */
        PushOption_pushValidationInfo: {
            warnings?: components["schemas"]["PushOption_pushFieldValidation"][] | null;
            information?: components["schemas"]["PushOption_pushFieldValidation"][] | null;
        };
        /** Push field validation */
        PushOption_pushFieldValidation: {
            /** @description Field name that resulted in the validation issue. */
            field?: string;
            /** @description Details on the validation issue. */
            details: string;
            /**
             * Format: uri
             * @description Unique reference identifier for the validation issue.
             */
            ref?: string | null;
        };
        /**
         * Option Type
         * @description The option type.
         * @enum {string}
         */
        PushOption_pushOptionType: "Array" | "Object" | "String" | "Number" | "Boolean" | "DateTime" | "File" | "MultiPart";
        /** Push Option Choice */
        PushOption_pushOptionChoice: {
            /** @description Allowed value for field. */
            value?: string;
            type?: components["schemas"]["PushOption_pushOptionType"];
            /** @description The property's display name. */
            displayName?: string;
            /** @description A description of the property. */
            description?: string;
            /** @description The property is required if `True`. */
            required?: boolean;
        };
        /** Read result webhook payload */
        ReadCompletedWebhook_readCompletedWebhookPayload: {
            referenceCompany?: components["schemas"]["Company_companyReference"];
            /** @description The date time in UTC when the data types were last fetched and input into Codat's cache. */
            modifiedFromDate?: components["schemas"]["DateTime"] | null;
            dataTypes?: components["schemas"]["ReadCompletedWebhook_dataTypeReadSummary"][];
        };
        /** Summary of data type reads */
        ReadCompletedWebhook_dataTypeReadSummary: {
            /**
             * Format: uuid
             * @description Unique identifier for a company's data connection.
             * @example 2e9d2c44-f675-40ba-8049-353bfcb5e171
             */
            connectionId?: string;
            /**
             * Data types
             * @description Available data types
             * @example invoices
             * @enum {string}
             */
            dataType?: "accountTransactions" | "balanceSheet" | "bankAccounts" | "bankTransactions" | "billCreditNotes" | "billPayments" | "bills" | "cashFlowStatement" | "chartOfAccounts" | "company" | "creditNotes" | "customers" | "directCosts" | "directIncomes" | "invoices" | "itemReceipts" | "items" | "journalEntries" | "journals" | "paymentMethods" | "payments" | "profitAndLoss" | "purchaseOrders" | "salesOrders" | "suppliers" | "taxRates" | "trackingCategories" | "transfers" | "banking-accountBalances" | "banking-accounts" | "banking-transactionCategories" | "banking-transactions" | "commerce-companyInfo" | "commerce-customers" | "commerce-disputes" | "commerce-locations" | "commerce-orders" | "commerce-paymentMethods" | "commerce-payments" | "commerce-productCategories" | "commerce-products" | "commerce-taxComponents" | "commerce-transactions";
            /**
             * @description `True` if records have been created, updated or deleted in Codat's cache.
             * @example false
             */
            recordsModified?: boolean;
            /**
             * Dataset status
             * @description The current status of the dataset.
             * @enum {string}
             */
            status?: "Initial" | "Queued" | "Fetching" | "MapQueued" | "Mapping" | "Complete" | "FetchError" | "MapError" | "InternalError" | "ProcessingQueued" | "Processing" | "ProcessingError" | "ValidationQueued" | "Validating" | "ValidationError" | "AuthError" | "Cancelled" | "NotSupported" | "RateLimitError" | "PermissionsError" | "PrerequisiteNotMet";
            /** @description A array of issues encountered during a data read. */
            issues?: components["schemas"]["ReadCompletedWebhook_issue"][] | null;
        };
        /** Read completed webhook */
        ReadCompletedWebhook_customProductReadCompleteWebhook: {
            /**
             * Format: uuid
             * @description Unique identifier of the event.
             * @example 743ec94a-8aa4-44bb-8bd4-e1855ee0e74b
             */
            id?: string;
            /** @description The type of event. */
            eventType?: string;
            /** @description The date time in UTC the event was generated in Codat. */
            generatedDate?: components["schemas"]["DateTime"];
            payload?: components["schemas"]["ReadCompletedWebhook_customProductReadCompleteWebhookPayload"];
        };
        /** Read result webhook payload */
        ReadCompletedWebhook_customProductReadCompleteWebhookPayload: {
            referenceCompany?: components["schemas"]["Company_companyReference"];
            /** @description The date time in UTC when the data types were last fetched and input into Codat's cache. */
            modifiedFromDate?: components["schemas"]["DateTime"] | null;
            /** @description Contains all data types configured for the product or a subset of data types defined in the manual refresh call. */
            dataTypes?: {
                /**
                 * Format: uuid
                 * @description Unique identifier for a company's data connection.
                 * @example 2e9d2c44-f675-40ba-8049-353bfcb5e171
                 */
                connectionId?: string;
                /**
                 * Data types
                 * @description Available data types
                 * @example invoices
                 * @enum {string}
                 */
                dataType?: "accountTransactions" | "balanceSheet" | "bankAccounts" | "bankTransactions" | "billCreditNotes" | "billPayments" | "bills" | "cashFlowStatement" | "chartOfAccounts" | "company" | "creditNotes" | "customers" | "directCosts" | "directIncomes" | "invoices" | "itemReceipts" | "items" | "journalEntries" | "journals" | "paymentMethods" | "payments" | "profitAndLoss" | "purchaseOrders" | "salesOrders" | "suppliers" | "taxRates" | "trackingCategories" | "transfers" | "banking-accountBalances" | "banking-accounts" | "banking-transactionCategories" | "banking-transactions" | "commerce-companyInfo" | "commerce-customers" | "commerce-disputes" | "commerce-locations" | "commerce-orders" | "commerce-paymentMethods" | "commerce-payments" | "commerce-productCategories" | "commerce-products" | "commerce-taxComponents" | "commerce-transactions";
                /**
                 * @description `True` if records have been created, updated or deleted in Codat's cache.
                 * @example false
                 */
                recordsModified?: boolean;
                /**
                 * Dataset status
                 * @description The current status of the dataset.
                 * @enum {string}
                 */
                status?: "Initial" | "Queued" | "Fetching" | "MapQueued" | "Mapping" | "Complete" | "FetchError" | "MapError" | "InternalError" | "ProcessingQueued" | "Processing" | "ProcessingError" | "ValidationQueued" | "Validating" | "ValidationError" | "AuthError" | "Cancelled" | "NotSupported" | "RateLimitError" | "PermissionsError" | "PrerequisiteNotMet";
                /** @description A array of issues encountered during a data read. */
                issues?: components["schemas"]["ReadCompletedWebhook_issue"][] | null;
            }[];
        };
        /**
         * Issue
         * @description Details of a problem encountered during a data read.
         */
        ReadCompletedWebhook_issue: {
            /**
             * @description The type of issue.
             * @example warning.validation
             */
            type?: string;
            /**
             * @description A message describing the issue.
             * @example Something doesn't look right about these accounts from Xero. You can see more information in the logs.
             */
            message?: string;
            /** Links */
            links?: {
                /**
                 * @description A link to the validation logs, providing details on any errors or warnings encountered.
                 * @example https://api.codat.io/companies/0498e921-9b53-4396-a412-4f2f5983b0a2/sync/{datasetId}/validation
                 */
                logs?: string;
                /**
                 * @description A link to the company's past data read history in the Codat portal.
                 * @example https://app.codat.io/companies/0498e921-9b53-4396-a412-4f2f5983b0a2/pull-history
                 */
                portal?: string;
                /**
                 * @description A link to Codat's documentation with additional information on how to troubleshoot this issue.
                 * @example https://docs.codat.io/using-the-api/get-data-troubleshooting#warning.validation
                 */
                readMore?: string;
            };
        };
        /** Validation item */
        ValidationResult_validationItem: {
            /** @description The unique identifier of the rule that wasn't met. */
            ruleId?: string;
            /** @description The unique identifier of the item that was validated. */
            itemId?: string;
            /** @description The message that describes the validation warning or error. */
            message?: string;
            /** @description The name of the validator that was used to validate the item. */
            validatorName?: string;
        };
        /** Create webhook consumer */
        WebhookConsumer_webhookConsumerPrototype: {
            /**
             * Format: uri
             * @description The URL that will consume webhook events dispatched by Codat.
             */
            url?: string;
            /**
             * @description Flag that enables or disables the endpoint from receiving events. Disabled when set to `true`.
             * @default false
             */
            disabled: boolean | null;
            /** @description An array of event types the webhook consumer subscribes to. */
            eventTypes?: string[];
            /** @description Company tags provide an additional way to filter messages, independent of event types. Company tags are case-sensitive, and only messages from companies with matching tags will be sent to this endpoint. Use the format `tagKey:tagValue`. */
            companyTags?: string[] | null;
        };
        /** Webhook consumers */
        WebhookConsumer_webhookConsumers: {
            results?: components["schemas"]["WebhookConsumer"][];
        };
    };
    responses: {
        /** @description The request made is not valid. */
        "Bad-Request": {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ErrorMessage"];
            };
        };
        /** @description Success */
        ConnectionManagementAllowedOrigins: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ConnectionManagementAllowedOrigins"];
            };
        };
        /** @description Your `query` parameter was not correctly formed */
        "Malformed-Query": {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ErrorMessage"];
            };
        };
        /** @description Your API request was not properly authorized. */
        Unauthorized: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ErrorMessage"];
            };
        };
        /**
         * @description An account limit has been exceeded. The type of limit is described in the error property:
         *
         *     - You have exceeded the 50-company limit that applies to a Free plan. Delete any companies you no longer need and retry the request.
         *     - The requested sync schedule is not allowed. You requested an hourly sync schedule but this functionality is not included in the Free plan.
         *     - Your Free account is older than 365 days and has expired. Contact support@codat.io.
         */
        "Payment-Required": {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ErrorMessage"];
            };
        };
        /** @description You are using an outdated API key or a key not associated with that resource. */
        Forbidden: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ErrorMessage"];
            };
        };
        /**
         * @description One or more of the resources you referenced could not be found.
         *     This might be because your company or data connection id is wrong, or was already deleted.
         */
        "Not-Found": {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ErrorMessage"];
            };
        };
        /** @description Too many requests were made in a given amount of time. Wait a short period and then try again. */
        "Too-Many-Requests": {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ErrorMessage"];
            };
        };
        /** @description Not currently available due to compliance limitations. Reach out to your Codat contact for further assistance. */
        "Legal-Reasons": {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ErrorMessage"];
            };
        };
        /** @description There is a problem with our server. Please try again later. */
        "Internal-Server-Error": {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ErrorMessage"];
            };
        };
        /** @description The Codat API is temporarily offline for maintenance. Please try again later. */
        "Service-Unavailable": {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ErrorMessage"];
            };
        };
    };
    parameters: {
        /** @description Unique identifier for a company. */
        companyId: string;
        /** @description Unique identifier for a connection. */
        connectionId: string;
        /** @description Unique identifier for a custom data type. */
        customDataIdentifier: string;
        /** @description Page number. [Read more](https://docs.codat.io/using-the-api/paging). */
        page: number;
        /** @description Number of records to return in a page. [Read more](https://docs.codat.io/using-the-api/paging). */
        pageSize: number;
        /** @description Human-readable product identifier for a product. */
        productIdentifier: string;
        /**
         * @description Codat query string. [Read more](https://docs.codat.io/using-the-api/querying).
         * @example id=e3334455-1aed-4e71-ab43-6bccf12092ee
         */
        query: string;
        /** @description Field to order results by. [Read more](https://docs.codat.io/using-the-api/ordering-results). */
        orderBy: string;
        /** @description The key of a Codat data type. */
        dataType: components["schemas"]["DataType"];
        /** @description Unique identifier for the dataset that completed its sync. */
        datasetId: string;
        /** @description A unique 4-letter key to represent a platform in each integration. */
        platformKey: string;
        /** @description Unique identifier for the webhook consumer. */
        webhookId: string;
    };
    requestBodies: never;
    headers: never;
    pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
    "list-companies": {
        parameters: {
            query?: {
                /** @description Page number. [Read more](https://docs.codat.io/using-the-api/paging). */
                page?: components["parameters"]["page"];
                /** @description Number of records to return in a page. [Read more](https://docs.codat.io/using-the-api/paging). */
                pageSize?: components["parameters"]["pageSize"];
                /**
                 * @description Codat query string. [Read more](https://docs.codat.io/using-the-api/querying).
                 * @example id=e3334455-1aed-4e71-ab43-6bccf12092ee
                 */
                query?: components["parameters"]["query"];
                /** @description Field to order results by. [Read more](https://docs.codat.io/using-the-api/ordering-results). */
                orderBy?: components["parameters"]["orderBy"];
                /**
                 * @description Filter companies by tags using the "equals" (=), "not equals" (!=), and "contains" (~) operators with [Codat’s query language](https://docs.codat.io/using-the-api/querying).
                 * @example region=uk && team=invoice-finance
                 */
                tags?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Companies"];
                };
            };
            400: components["responses"]["Malformed-Query"];
            401: components["responses"]["Unauthorized"];
            402: components["responses"]["Payment-Required"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["Not-Found"];
            429: components["responses"]["Too-Many-Requests"];
            500: components["responses"]["Internal-Server-Error"];
            503: components["responses"]["Service-Unavailable"];
        };
    };
    "create-company": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": components["schemas"]["CompanyRequestBody"];
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Company"];
                };
            };
            400: components["responses"]["Bad-Request"];
            401: components["responses"]["Unauthorized"];
            402: components["responses"]["Payment-Required"];
            403: components["responses"]["Forbidden"];
            429: components["responses"]["Too-Many-Requests"];
            500: components["responses"]["Internal-Server-Error"];
            503: components["responses"]["Service-Unavailable"];
        };
    };
    "get-company": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Unique identifier for a company. */
                companyId: components["parameters"]["companyId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Company"];
                };
            };
            401: components["responses"]["Unauthorized"];
            402: components["responses"]["Payment-Required"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["Not-Found"];
            429: components["responses"]["Too-Many-Requests"];
            500: components["responses"]["Internal-Server-Error"];
            503: components["responses"]["Service-Unavailable"];
        };
    };
    "replace-company": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Unique identifier for a company. */
                companyId: components["parameters"]["companyId"];
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": components["schemas"]["CompanyRequestBody"];
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Company"];
                };
            };
            401: components["responses"]["Unauthorized"];
            402: components["responses"]["Payment-Required"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["Not-Found"];
            429: components["responses"]["Too-Many-Requests"];
            500: components["responses"]["Internal-Server-Error"];
            503: components["responses"]["Service-Unavailable"];
        };
    };
    "delete-company": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Unique identifier for a company. */
                companyId: components["parameters"]["companyId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description No Content */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            401: components["responses"]["Unauthorized"];
            402: components["responses"]["Payment-Required"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["Not-Found"];
            429: components["responses"]["Too-Many-Requests"];
            500: components["responses"]["Internal-Server-Error"];
            503: components["responses"]["Service-Unavailable"];
        };
    };
    "update-company": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Unique identifier for a company. */
                companyId: components["parameters"]["companyId"];
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": components["schemas"]["CompanyUpdateRequest"];
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Company"];
                };
            };
            401: components["responses"]["Unauthorized"];
            402: components["responses"]["Payment-Required"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["Not-Found"];
            429: components["responses"]["Too-Many-Requests"];
            500: components["responses"]["Internal-Server-Error"];
            503: components["responses"]["Service-Unavailable"];
        };
    };
    "add-product": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Unique identifier for a company. */
                companyId: components["parameters"]["companyId"];
                /** @description Human-readable product identifier for a product. */
                productIdentifier: components["parameters"]["productIdentifier"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            401: components["responses"]["Unauthorized"];
            402: components["responses"]["Payment-Required"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["Not-Found"];
            429: components["responses"]["Too-Many-Requests"];
            500: components["responses"]["Internal-Server-Error"];
            503: components["responses"]["Service-Unavailable"];
        };
    };
    "remove-product": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Unique identifier for a company. */
                companyId: components["parameters"]["companyId"];
                /** @description Human-readable product identifier for a product. */
                productIdentifier: components["parameters"]["productIdentifier"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            401: components["responses"]["Unauthorized"];
            402: components["responses"]["Payment-Required"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["Not-Found"];
            429: components["responses"]["Too-Many-Requests"];
            500: components["responses"]["Internal-Server-Error"];
            503: components["responses"]["Service-Unavailable"];
        };
    };
    "refresh-product-data": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Unique identifier for a company. */
                companyId: components["parameters"]["companyId"];
                /** @description Human-readable product identifier for a product. */
                productIdentifier: components["parameters"]["productIdentifier"];
            };
            cookie?: never;
        };
        /** @description Optionally specify one or more data types to refresh for the given custom product. If omitted, the product's scheduled refresh is triggered as usual. When provided, each data type must be valid for the specified product. */
        requestBody?: {
            content: {
                "application/json": {
                    /** @description One or more data types to refresh for the product. */
                    dataTypes?: string[];
                };
            };
        };
        responses: {
            /** @description OK */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Bad Request */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorMessage"];
                };
            };
            401: components["responses"]["Unauthorized"];
            402: components["responses"]["Payment-Required"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["Not-Found"];
            429: components["responses"]["Too-Many-Requests"];
            500: components["responses"]["Internal-Server-Error"];
            503: components["responses"]["Service-Unavailable"];
        };
    };
    "list-connections": {
        parameters: {
            query?: {
                /** @description Page number. [Read more](https://docs.codat.io/using-the-api/paging). */
                page?: components["parameters"]["page"];
                /** @description Number of records to return in a page. [Read more](https://docs.codat.io/using-the-api/paging). */
                pageSize?: components["parameters"]["pageSize"];
                /**
                 * @description Codat query string. [Read more](https://docs.codat.io/using-the-api/querying).
                 * @example id=e3334455-1aed-4e71-ab43-6bccf12092ee
                 */
                query?: components["parameters"]["query"];
                /** @description Field to order results by. [Read more](https://docs.codat.io/using-the-api/ordering-results). */
                orderBy?: components["parameters"]["orderBy"];
            };
            header?: never;
            path: {
                /** @description Unique identifier for a company. */
                companyId: components["parameters"]["companyId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Connections"];
                };
            };
            400: components["responses"]["Malformed-Query"];
            401: components["responses"]["Unauthorized"];
            402: components["responses"]["Payment-Required"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["Not-Found"];
            429: components["responses"]["Too-Many-Requests"];
            500: components["responses"]["Internal-Server-Error"];
            503: components["responses"]["Service-Unavailable"];
        };
    };
    "create-connection": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Unique identifier for a company. */
                companyId: components["parameters"]["companyId"];
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": {
                    /**
                     * @description A unique 4-letter key to represent a platform in each integration. View [accounting](https://docs.codat.io/integrations/accounting/overview#platform-keys), [banking](https://docs.codat.io/integrations/banking/overview#platform-keys), and [commerce](https://docs.codat.io/integrations/commerce/overview#platform-keys) platform keys.
                     * @example gbol
                     */
                    platformKey?: string;
                };
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Connection"];
                };
            };
            401: components["responses"]["Unauthorized"];
            402: components["responses"]["Payment-Required"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["Not-Found"];
            429: components["responses"]["Too-Many-Requests"];
            500: components["responses"]["Internal-Server-Error"];
            503: components["responses"]["Service-Unavailable"];
        };
    };
    "get-connection": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Unique identifier for a company. */
                companyId: components["parameters"]["companyId"];
                /** @description Unique identifier for a connection. */
                connectionId: components["parameters"]["connectionId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Connection"];
                };
            };
            401: components["responses"]["Unauthorized"];
            402: components["responses"]["Payment-Required"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["Not-Found"];
            429: components["responses"]["Too-Many-Requests"];
            500: components["responses"]["Internal-Server-Error"];
            503: components["responses"]["Service-Unavailable"];
        };
    };
    "delete-connection": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Unique identifier for a company. */
                companyId: components["parameters"]["companyId"];
                /** @description Unique identifier for a connection. */
                connectionId: components["parameters"]["connectionId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            401: components["responses"]["Unauthorized"];
            402: components["responses"]["Payment-Required"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["Not-Found"];
            429: components["responses"]["Too-Many-Requests"];
            500: components["responses"]["Internal-Server-Error"];
            503: components["responses"]["Service-Unavailable"];
        };
    };
    "unlink-connection": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Unique identifier for a company. */
                companyId: components["parameters"]["companyId"];
                /** @description Unique identifier for a connection. */
                connectionId: components["parameters"]["connectionId"];
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": components["schemas"]["UpdateConnectionStatus"];
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Connection"];
                };
            };
            401: components["responses"]["Unauthorized"];
            402: components["responses"]["Payment-Required"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["Not-Found"];
            429: components["responses"]["Too-Many-Requests"];
            500: components["responses"]["Internal-Server-Error"];
            503: components["responses"]["Service-Unavailable"];
        };
    };
    "update-connection-authorization": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Unique identifier for a company. */
                companyId: components["parameters"]["companyId"];
                /** @description Unique identifier for a connection. */
                connectionId: components["parameters"]["connectionId"];
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": {
                    [key: string]: string;
                };
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Connection"];
                };
            };
            401: components["responses"]["Unauthorized"];
            402: components["responses"]["Payment-Required"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["Not-Found"];
            429: components["responses"]["Too-Many-Requests"];
            500: components["responses"]["Internal-Server-Error"];
            503: components["responses"]["Service-Unavailable"];
        };
    };
    "get-company-access-token": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Unique identifier for a company. */
                companyId: components["parameters"]["companyId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CompanyAccessToken"];
                };
            };
            401: components["responses"]["Unauthorized"];
            402: components["responses"]["Payment-Required"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["Not-Found"];
            429: components["responses"]["Too-Many-Requests"];
            500: components["responses"]["Internal-Server-Error"];
            503: components["responses"]["Service-Unavailable"];
        };
    };
    "get-company-syncSettings": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Unique identifier for a company. */
                companyId: components["parameters"]["companyId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CompanySyncSettings"];
                };
            };
            401: components["responses"]["Unauthorized"];
            402: components["responses"]["Payment-Required"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["Not-Found"];
            429: components["responses"]["Too-Many-Requests"];
            500: components["responses"]["Internal-Server-Error"];
            503: components["responses"]["Service-Unavailable"];
        };
    };
    "set-company-syncSettings": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Unique identifier for a company. */
                companyId: components["parameters"]["companyId"];
            };
            cookie?: never;
        };
        /**
         * @description Include a `syncSetting` object for each data type.
         *     `syncFromWindow`, `syncFromUTC` & `monthsToSync` only need to be included if you wish to set a value for them.
         */
        requestBody?: {
            content: {
                "application/json": {
                    /**
                     * Format: uuid
                     * @description Unique identifier for your SMB in Codat.
                     * @example 8a210b68-6988-11ed-a1eb-0242ac120002
                     */
                    companyId: string;
                    settings: components["schemas"]["SyncSetting"][];
                    /**
                     * @description Set to `True` if you want to override default [sync settings](https://docs.codat.io/knowledge-base/advanced-sync-settings).
                     * @default true
                     */
                    overridesDefaults: boolean;
                };
            };
        };
        responses: {
            /** @description No Content */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            400: components["responses"]["Bad-Request"];
            401: components["responses"]["Unauthorized"];
            402: components["responses"]["Payment-Required"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["Not-Found"];
            429: components["responses"]["Too-Many-Requests"];
            500: components["responses"]["Internal-Server-Error"];
            503: components["responses"]["Service-Unavailable"];
        };
    };
    "get-connection-management-access-token": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Unique identifier for a company. */
                companyId: components["parameters"]["companyId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ConnectionManagementAccessToken"];
                };
            };
            401: components["responses"]["Unauthorized"];
            402: components["responses"]["Payment-Required"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["Not-Found"];
            429: components["responses"]["Too-Many-Requests"];
            500: components["responses"]["Internal-Server-Error"];
            503: components["responses"]["Service-Unavailable"];
        };
    };
    "get-connection-management-cors-settings": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: components["responses"]["ConnectionManagementAllowedOrigins"];
            401: components["responses"]["Unauthorized"];
            402: components["responses"]["Payment-Required"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["Not-Found"];
            429: components["responses"]["Too-Many-Requests"];
            500: components["responses"]["Internal-Server-Error"];
            503: components["responses"]["Service-Unavailable"];
        };
    };
    "set-connection-management-cors-settings": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": components["schemas"]["ConnectionManagementAllowedOrigins"];
            };
        };
        responses: {
            200: components["responses"]["ConnectionManagementAllowedOrigins"];
            401: components["responses"]["Unauthorized"];
            402: components["responses"]["Payment-Required"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["Not-Found"];
            429: components["responses"]["Too-Many-Requests"];
            500: components["responses"]["Internal-Server-Error"];
            503: components["responses"]["Service-Unavailable"];
        };
    };
    "get-cors-settings": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: components["responses"]["ConnectionManagementAllowedOrigins"];
            401: components["responses"]["Unauthorized"];
            402: components["responses"]["Payment-Required"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["Not-Found"];
            429: components["responses"]["Too-Many-Requests"];
            500: components["responses"]["Internal-Server-Error"];
            503: components["responses"]["Service-Unavailable"];
        };
    };
    "set-cors-settings": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": components["schemas"]["ConnectionManagementAllowedOrigins"];
            };
        };
        responses: {
            200: components["responses"]["ConnectionManagementAllowedOrigins"];
            401: components["responses"]["Unauthorized"];
            402: components["responses"]["Payment-Required"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["Not-Found"];
            429: components["responses"]["Too-Many-Requests"];
            500: components["responses"]["Internal-Server-Error"];
            503: components["responses"]["Service-Unavailable"];
        };
    };
    "refresh-company-data": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Unique identifier for a company. */
                companyId: components["parameters"]["companyId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description No Content */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            400: components["responses"]["Malformed-Query"];
            401: components["responses"]["Unauthorized"];
            402: components["responses"]["Payment-Required"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["Not-Found"];
            429: components["responses"]["Too-Many-Requests"];
            500: components["responses"]["Internal-Server-Error"];
            503: components["responses"]["Service-Unavailable"];
        };
    };
    "refresh-data-type": {
        parameters: {
            query?: {
                /** @description Optionally, provide a data connection id to only queue pull operations on that connection. */
                connectionId?: string;
            };
            header?: never;
            path: {
                /** @description Unique identifier for a company. */
                companyId: components["parameters"]["companyId"];
                /** @description The key of a Codat data type. */
                dataType: components["parameters"]["dataType"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PullOperation"];
                };
            };
            400: components["responses"]["Malformed-Query"];
            401: components["responses"]["Unauthorized"];
            402: components["responses"]["Payment-Required"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["Not-Found"];
            429: components["responses"]["Too-Many-Requests"];
            500: components["responses"]["Internal-Server-Error"];
            503: components["responses"]["Service-Unavailable"];
        };
    };
    "get-company-data-status": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Unique identifier for a company. */
                companyId: components["parameters"]["companyId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DataStatuses"];
                };
            };
            401: components["responses"]["Unauthorized"];
            402: components["responses"]["Payment-Required"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["Not-Found"];
            429: components["responses"]["Too-Many-Requests"];
            500: components["responses"]["Internal-Server-Error"];
            503: components["responses"]["Service-Unavailable"];
        };
    };
    "list-pull-operations": {
        parameters: {
            query?: {
                /** @description Page number. [Read more](https://docs.codat.io/using-the-api/paging). */
                page?: components["parameters"]["page"];
                /** @description Number of records to return in a page. [Read more](https://docs.codat.io/using-the-api/paging). */
                pageSize?: components["parameters"]["pageSize"];
                /**
                 * @description Codat query string. [Read more](https://docs.codat.io/using-the-api/querying).
                 * @example id=e3334455-1aed-4e71-ab43-6bccf12092ee
                 */
                query?: components["parameters"]["query"];
                /** @description Field to order results by. [Read more](https://docs.codat.io/using-the-api/ordering-results). */
                orderBy?: components["parameters"]["orderBy"];
            };
            header?: never;
            path: {
                /** @description Unique identifier for a company. */
                companyId: components["parameters"]["companyId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PullOperations"];
                };
            };
            400: components["responses"]["Malformed-Query"];
            401: components["responses"]["Unauthorized"];
            402: components["responses"]["Payment-Required"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["Not-Found"];
            429: components["responses"]["Too-Many-Requests"];
            500: components["responses"]["Internal-Server-Error"];
            503: components["responses"]["Service-Unavailable"];
        };
    };
    "get-pull-operation": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Unique identifier for a company. */
                companyId: components["parameters"]["companyId"];
                /** @description Unique identifier for the dataset that completed its sync. */
                datasetId: components["parameters"]["datasetId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PullOperation"];
                };
            };
            401: components["responses"]["Unauthorized"];
            402: components["responses"]["Payment-Required"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["Not-Found"];
            429: components["responses"]["Too-Many-Requests"];
            500: components["responses"]["Internal-Server-Error"];
            503: components["responses"]["Service-Unavailable"];
        };
    };
    "list-webhook-consumers": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WebhookConsumer_webhookConsumers"];
                };
            };
            400: components["responses"]["Bad-Request"];
            401: components["responses"]["Unauthorized"];
            402: components["responses"]["Payment-Required"];
            403: components["responses"]["Forbidden"];
            429: components["responses"]["Too-Many-Requests"];
            500: components["responses"]["Internal-Server-Error"];
            503: components["responses"]["Service-Unavailable"];
        };
    };
    "create-webhook-consumer": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": components["schemas"]["WebhookConsumer_webhookConsumerPrototype"];
            };
        };
        responses: {
            /** @description OK */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WebhookConsumer"];
                };
            };
            400: components["responses"]["Bad-Request"];
            401: components["responses"]["Unauthorized"];
            402: components["responses"]["Payment-Required"];
            403: components["responses"]["Forbidden"];
            429: components["responses"]["Too-Many-Requests"];
            500: components["responses"]["Internal-Server-Error"];
            503: components["responses"]["Service-Unavailable"];
        };
    };
    "delete-webhook-consumer": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Unique identifier for the webhook consumer. */
                webhookId: components["parameters"]["webhookId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description No content */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            401: components["responses"]["Unauthorized"];
            402: components["responses"]["Payment-Required"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["Not-Found"];
            429: components["responses"]["Too-Many-Requests"];
            500: components["responses"]["Internal-Server-Error"];
            503: components["responses"]["Service-Unavailable"];
        };
    };
    "rotate-zapier-key": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WebhookZapierKey"];
                };
            };
            401: components["responses"]["Unauthorized"];
            402: components["responses"]["Payment-Required"];
            403: components["responses"]["Forbidden"];
            429: components["responses"]["Too-Many-Requests"];
            500: components["responses"]["Internal-Server-Error"];
            503: components["responses"]["Service-Unavailable"];
        };
    };
    "list-integrations": {
        parameters: {
            query?: {
                /** @description Page number. [Read more](https://docs.codat.io/using-the-api/paging). */
                page?: components["parameters"]["page"];
                /** @description Number of records to return in a page. [Read more](https://docs.codat.io/using-the-api/paging). */
                pageSize?: components["parameters"]["pageSize"];
                /**
                 * @description Codat query string. [Read more](https://docs.codat.io/using-the-api/querying).
                 * @example id=e3334455-1aed-4e71-ab43-6bccf12092ee
                 */
                query?: components["parameters"]["query"];
                /** @description Field to order results by. [Read more](https://docs.codat.io/using-the-api/ordering-results). */
                orderBy?: components["parameters"]["orderBy"];
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Integrations"];
                };
            };
            400: components["responses"]["Malformed-Query"];
            401: components["responses"]["Unauthorized"];
            402: components["responses"]["Payment-Required"];
            403: components["responses"]["Forbidden"];
            429: components["responses"]["Too-Many-Requests"];
            500: components["responses"]["Internal-Server-Error"];
            503: components["responses"]["Service-Unavailable"];
        };
    };
    "get-integration": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description A unique 4-letter key to represent a platform in each integration. */
                platformKey: components["parameters"]["platformKey"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Integration"];
                };
            };
            401: components["responses"]["Unauthorized"];
            402: components["responses"]["Payment-Required"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["Not-Found"];
            429: components["responses"]["Too-Many-Requests"];
            500: components["responses"]["Internal-Server-Error"];
            503: components["responses"]["Service-Unavailable"];
        };
    };
    "get-integrations-branding": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description A unique 4-letter key to represent a platform in each integration. */
                platformKey: components["parameters"]["platformKey"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Branding"];
                };
            };
            401: components["responses"]["Unauthorized"];
            402: components["responses"]["Payment-Required"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["Not-Found"];
            429: components["responses"]["Too-Many-Requests"];
            500: components["responses"]["Internal-Server-Error"];
            503: components["responses"]["Service-Unavailable"];
        };
    };
    "get-profile": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Profile"];
                };
            };
            401: components["responses"]["Unauthorized"];
            402: components["responses"]["Payment-Required"];
            403: components["responses"]["Forbidden"];
            429: components["responses"]["Too-Many-Requests"];
            500: components["responses"]["Internal-Server-Error"];
            503: components["responses"]["Service-Unavailable"];
        };
    };
    "update-profile": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** @description All fields should be included when updating your profile. */
        requestBody?: {
            content: {
                "application/json": components["schemas"]["Profile"];
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Profile"];
                };
            };
            401: components["responses"]["Unauthorized"];
            402: components["responses"]["Payment-Required"];
            403: components["responses"]["Forbidden"];
            429: components["responses"]["Too-Many-Requests"];
            500: components["responses"]["Internal-Server-Error"];
            503: components["responses"]["Service-Unavailable"];
        };
    };
    "get-profile-syncSettings": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SyncSettings"];
                };
            };
            401: components["responses"]["Unauthorized"];
            402: components["responses"]["Payment-Required"];
            403: components["responses"]["Forbidden"];
            429: components["responses"]["Too-Many-Requests"];
            500: components["responses"]["Internal-Server-Error"];
            503: components["responses"]["Service-Unavailable"];
        };
    };
    "update-profile-syncSettings": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * @description Include a `syncSetting` object for each data type.
         *     `syncFromWindow`, `syncFromUTC` & `monthsToSync` only need to be included if you wish to set a value for them.
         */
        requestBody?: {
            content: {
                "application/json": {
                    clientId: components["schemas"]["ClientId"];
                    settings: components["schemas"]["SyncSetting"][];
                    /**
                     * @description Set to `True` if you want to override default [sync settings](https://docs.codat.io/knowledge-base/advanced-sync-settings).
                     * @default true
                     */
                    overridesDefaults: boolean;
                };
            };
        };
        responses: {
            /** @description No Content */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            401: components["responses"]["Unauthorized"];
            402: components["responses"]["Payment-Required"];
            403: components["responses"]["Forbidden"];
            429: components["responses"]["Too-Many-Requests"];
            500: components["responses"]["Internal-Server-Error"];
            503: components["responses"]["Service-Unavailable"];
        };
    };
    "list-api-keys": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiKeys"];
                };
            };
            401: components["responses"]["Unauthorized"];
            402: components["responses"]["Payment-Required"];
            403: components["responses"]["Forbidden"];
            429: components["responses"]["Too-Many-Requests"];
            500: components["responses"]["Internal-Server-Error"];
            503: components["responses"]["Service-Unavailable"];
        };
    };
    "create-api-key": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": components["schemas"]["CreateApiKey"];
            };
        };
        responses: {
            /** @description Success */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiKeyDetails"];
                };
            };
            /** @description Bad Request */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorMessage"];
                };
            };
            401: components["responses"]["Unauthorized"];
            402: components["responses"]["Payment-Required"];
            403: components["responses"]["Forbidden"];
            /** @description Conflict */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorMessage"];
                };
            };
            429: components["responses"]["Too-Many-Requests"];
            500: components["responses"]["Internal-Server-Error"];
            503: components["responses"]["Service-Unavailable"];
        };
    };
    "delete-api-key": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Unique identifier for api key. */
                apiKeyId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description No Content */
            204: components["responses"]["Too-Many-Requests"];
            401: components["responses"]["Unauthorized"];
            402: components["responses"]["Payment-Required"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["Not-Found"];
            429: components["responses"]["Too-Many-Requests"];
            500: components["responses"]["Internal-Server-Error"];
            503: components["responses"]["Service-Unavailable"];
        };
    };
    "get-read-validation-results": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Unique identifier for a company. */
                companyId: components["parameters"]["companyId"];
                /** @description Unique identifier for the dataset that completed its sync. */
                datasetId: components["parameters"]["datasetId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ValidationResult"];
                };
            };
            401: components["responses"]["Unauthorized"];
            402: components["responses"]["Payment-Required"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["Not-Found"];
            429: components["responses"]["Too-Many-Requests"];
            500: components["responses"]["Internal-Server-Error"];
            503: components["responses"]["Service-Unavailable"];
        };
    };
    "get-create-update-model-options-by-data-type": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Unique identifier for a company. */
                companyId: components["parameters"]["companyId"];
                /** @description Unique identifier for a connection. */
                connectionId: components["parameters"]["connectionId"];
                /** @description The key of a Codat data type. */
                dataType: components["parameters"]["dataType"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PushOption"];
                };
            };
            401: components["responses"]["Unauthorized"];
            402: components["responses"]["Payment-Required"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["Not-Found"];
            429: components["responses"]["Too-Many-Requests"];
            500: components["responses"]["Internal-Server-Error"];
            503: components["responses"]["Service-Unavailable"];
        };
    };
    "get-company-push-history": {
        parameters: {
            query?: {
                /** @description Page number. [Read more](https://docs.codat.io/using-the-api/paging). */
                page?: components["parameters"]["page"];
                /** @description Number of records to return in a page. [Read more](https://docs.codat.io/using-the-api/paging). */
                pageSize?: components["parameters"]["pageSize"];
                /**
                 * @description Codat query string. [Read more](https://docs.codat.io/using-the-api/querying).
                 * @example id=e3334455-1aed-4e71-ab43-6bccf12092ee
                 */
                query?: components["parameters"]["query"];
                /** @description Field to order results by. [Read more](https://docs.codat.io/using-the-api/ordering-results). */
                orderBy?: components["parameters"]["orderBy"];
            };
            header?: never;
            path: {
                /** @description Unique identifier for a company. */
                companyId: components["parameters"]["companyId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PushOperations"];
                };
            };
            400: components["responses"]["Malformed-Query"];
            401: components["responses"]["Unauthorized"];
            402: components["responses"]["Payment-Required"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["Not-Found"];
            429: components["responses"]["Too-Many-Requests"];
            500: components["responses"]["Internal-Server-Error"];
            503: components["responses"]["Service-Unavailable"];
        };
    };
    "get-push-operation": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Unique identifier for a company. */
                companyId: components["parameters"]["companyId"];
                /** @description Push operation key. */
                pushOperationKey: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PushOperation"];
                };
            };
            401: components["responses"]["Unauthorized"];
            402: components["responses"]["Payment-Required"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["Not-Found"];
            429: components["responses"]["Too-Many-Requests"];
            500: components["responses"]["Internal-Server-Error"];
            503: components["responses"]["Service-Unavailable"];
        };
    };
    "get-supplemental-data-configuration": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description A unique 4-letter key to represent a platform in each integration. */
                platformKey: components["parameters"]["platformKey"];
                /** @description Supported supplemental data data type. */
                dataType: "chartOfAccounts" | "bills" | "company" | "creditNotes" | "customers" | "invoices" | "items" | "journalEntries" | "suppliers" | "taxRates" | "commerce-companyInfo" | "commerce-customers" | "commerce-disputes" | "commerce-locations" | "commerce-orders" | "commerce-payments" | "commerce-paymentMethods" | "commerce-products" | "commerce-productCategories" | "commerce-taxComponents" | "commerce-transactions";
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SupplementalDataConfiguration"];
                };
            };
            401: components["responses"]["Unauthorized"];
            402: components["responses"]["Payment-Required"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["Not-Found"];
            429: components["responses"]["Too-Many-Requests"];
            500: components["responses"]["Internal-Server-Error"];
            503: components["responses"]["Service-Unavailable"];
        };
    };
    "configure-supplemental-data": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description A unique 4-letter key to represent a platform in each integration. */
                platformKey: components["parameters"]["platformKey"];
                /** @description Supported supplemental data data type. */
                dataType: "chartOfAccounts" | "bills" | "company" | "creditNotes" | "customers" | "invoices" | "items" | "journalEntries" | "suppliers" | "taxRates" | "commerce-companyInfo" | "commerce-customers" | "commerce-disputes" | "commerce-locations" | "commerce-orders" | "commerce-payments" | "commerce-paymentMethods" | "commerce-products" | "commerce-productCategories" | "commerce-taxComponents" | "commerce-transactions";
            };
            cookie?: never;
        };
        /** @description The configuration for the specified platform and data type. */
        requestBody?: {
            content: {
                "application/json": components["schemas"]["SupplementalDataConfiguration"];
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            401: components["responses"]["Unauthorized"];
            402: components["responses"]["Payment-Required"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["Not-Found"];
            429: components["responses"]["Too-Many-Requests"];
            500: components["responses"]["Internal-Server-Error"];
            503: components["responses"]["Service-Unavailable"];
        };
    };
    "get-custom-data-type-configuration": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description A unique 4-letter key to represent a platform in each integration. */
                platformKey: components["parameters"]["platformKey"];
                /** @description Unique identifier for a custom data type. */
                customDataIdentifier: components["parameters"]["customDataIdentifier"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CustomDataTypeRecords"];
                };
            };
            401: components["responses"]["Unauthorized"];
            402: components["responses"]["Payment-Required"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["Not-Found"];
            429: components["responses"]["Too-Many-Requests"];
            500: components["responses"]["Internal-Server-Error"];
            503: components["responses"]["Service-Unavailable"];
        };
    };
    "configure-custom-data-type": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description A unique 4-letter key to represent a platform in each integration. */
                platformKey: components["parameters"]["platformKey"];
                /** @description Unique identifier for a custom data type. */
                customDataIdentifier: components["parameters"]["customDataIdentifier"];
            };
            cookie?: never;
        };
        /** @description Custom data type configuration for the specified platform. */
        requestBody?: {
            content: {
                "application/json": components["schemas"]["CustomDataTypeConfiguration"];
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CustomDataTypeConfiguration"];
                };
            };
            401: components["responses"]["Unauthorized"];
            402: components["responses"]["Payment-Required"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["Not-Found"];
            429: components["responses"]["Too-Many-Requests"];
            500: components["responses"]["Internal-Server-Error"];
            503: components["responses"]["Service-Unavailable"];
        };
    };
    "refresh-custom-data-type": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Unique identifier for a company. */
                companyId: components["parameters"]["companyId"];
                /** @description Unique identifier for a connection. */
                connectionId: components["parameters"]["connectionId"];
                /** @description Unique identifier for a custom data type. */
                customDataIdentifier: components["parameters"]["customDataIdentifier"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PullOperation"];
                };
            };
            401: components["responses"]["Unauthorized"];
            402: components["responses"]["Payment-Required"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["Not-Found"];
            429: components["responses"]["Too-Many-Requests"];
            451: components["responses"]["Legal-Reasons"];
            500: components["responses"]["Internal-Server-Error"];
            503: components["responses"]["Service-Unavailable"];
        };
    };
    "list-custom-data-type-records": {
        parameters: {
            query?: {
                /** @description Page number. [Read more](https://docs.codat.io/using-the-api/paging). */
                page?: components["parameters"]["page"];
                /** @description Number of records to return in a page. [Read more](https://docs.codat.io/using-the-api/paging). */
                pageSize?: components["parameters"]["pageSize"];
            };
            header?: never;
            path: {
                /** @description Unique identifier for a company. */
                companyId: components["parameters"]["companyId"];
                /** @description Unique identifier for a connection. */
                connectionId: components["parameters"]["connectionId"];
                /** @description Unique identifier for a custom data type. */
                customDataIdentifier: components["parameters"]["customDataIdentifier"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CustomDataTypeRecords"];
                };
            };
            400: components["responses"]["Bad-Request"];
            401: components["responses"]["Unauthorized"];
            402: components["responses"]["Payment-Required"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["Not-Found"];
            429: components["responses"]["Too-Many-Requests"];
            451: components["responses"]["Legal-Reasons"];
            500: components["responses"]["Internal-Server-Error"];
            503: components["responses"]["Service-Unavailable"];
        };
    };
}
