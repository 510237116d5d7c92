import type { ServiceManifest } from '@jingzhun/platform';
import type { App, Environment } from 'aws-cdk-lib';
import { ServiceStack } from './service-stack.js';
import { SharedStack } from './shared-stack.js';

export interface JingzhunStacks {
  shared: SharedStack;
  services: Record<string, ServiceStack>;
}

/** The whole system: the shared stack and one stack per service manifest. */
export function buildApp(app: App, manifests: ServiceManifest[], options: { env?: Environment } = {}): JingzhunStacks {
  const shared = new SharedStack(app, 'Jingzhun-Shared', { env: options.env, description: 'Jingzhun shared: event bus, staff user pool, HTTP API' });
  const services: Record<string, ServiceStack> = {};
  for (const manifest of manifests) {
    const stack = new ServiceStack(app, `Jingzhun-${capitalise(manifest.name)}`, { manifest, shared, env: options.env, description: `Jingzhun ${manifest.name} service` });
    stack.addStackDependency(shared);
    services[manifest.name] = stack;
  }
  return { shared, services };
}

function capitalise(name: string): string {
  return name.charAt(0).toUpperCase() + name.slice(1);
}
