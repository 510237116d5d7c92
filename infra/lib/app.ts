import type { ServiceManifest } from '@jingzhun/platform';
import type { App, Environment } from 'aws-cdk-lib';
import { ServiceStack } from './service-stack.js';
import { SharedStack } from './shared-stack.js';
import { WebStack } from './web-stack.js';

export interface JingzhunStacks {
  shared: SharedStack;
  services: Record<string, ServiceStack>;
  web: WebStack;
}

/** The whole system: the shared stack, one stack per service manifest, and the web (S3 + CloudFront). */
export function buildApp(app: App, manifests: ServiceManifest[], options: { env?: Environment } = {}): JingzhunStacks {
  const shared = new SharedStack(app, 'Jingzhun-Shared', { env: options.env, description: 'Jingzhun shared: event bus, staff user pool, HTTP API' });
  const services: Record<string, ServiceStack> = {};
  for (const manifest of manifests) {
    const stack = new ServiceStack(app, `Jingzhun-${capitalise(manifest.name)}`, { manifest, shared, env: options.env, description: `Jingzhun ${manifest.name} service` });
    stack.addStackDependency(shared);
    services[manifest.name] = stack;
  }
  const web = new WebStack(app, 'Jingzhun-Web', {
    manifests,
    shared,
    env: options.env,
    description: 'Jingzhun web: console and public notice board on S3 + CloudFront, openapi.json, API paths forwarded to the HTTP API',
  });
  web.addStackDependency(shared);
  return { shared, services, web };
}

function capitalise(name: string): string {
  return name.charAt(0).toUpperCase() + name.slice(1);
}
