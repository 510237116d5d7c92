/**
 * `npm start`. The AWS SDK prints a Node-version notice when it loads unless told not to; the
 * variable must be set before the SDK is imported, so the server is loaded after it.
 */
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
await import('./serve.js');

export {};
