import type { ServiceManifest } from '@jingzhun/platform';
import type { App, Environment } from 'aws-cdk-lib';
import { MonitoringStack } from './monitoring.js';
import { ServiceStack } from './service-stack.js';
import { SharedStack } from './shared-stack.js';
import { DEFAULT_STAGE, type StageConfig, stageNaming } from './stage.js';
import { WebStack } from './web-stack.js';

export interface JingzhunStacks {
  shared: SharedStack;
  services: Record<string, ServiceStack>;
  web: WebStack;
  monitoring: MonitoringStack;
}

/**
 * The whole system: the shared stack, the web (S3 + CloudFront, with the console's sign-in client
 * and the staff routes' JWT authorizer), one stack per service manifest, and the stage's dashboard.
 * Deployment order: shared → web → services (the staff routes use the web stack's authorizer) →
 * monitoring (the dashboard shows the alarms the other stacks create).
 */
export function buildApp(app: App, manifests: ServiceManifest[], options: { env?: Environment; stage?: StageConfig } = {}): JingzhunStacks {
  const naming = stageNaming(options.stage ?? DEFAULT_STAGE);
  const shared = new SharedStack(app, naming.stack('Shared'), {
    naming,
    env: options.env,
    description: 'Jingzhun shared: event bus, staff user pool and sign-in domain, HTTP API',
  });
  const web = new WebStack(app, naming.stack('Web'), {
    naming,
    manifests,
    shared,
    env: options.env,
    description: 'Jingzhun web: console and public notice board on S3 + CloudFront, staff sign-in client and JWT authorizer, openapi.json, API paths forwarded to the HTTP API',
  });
  web.addStackDependency(shared);
  const services: Record<string, ServiceStack> = {};
  for (const manifest of manifests) {
    const stack = new ServiceStack(app, naming.stack(capitalise(manifest.name)), {
      naming,
      manifest,
      shared,
      staffAuthorizerId: web.staffAuthorizer.authorizerId,
      staffSessionClientId: web.miniprogramClient.userPoolClientId,
      webOrigin: `https://${web.distribution.distributionDomainName}`,
      env: options.env,
      description: `Jingzhun ${manifest.name} service`,
    });
    stack.addStackDependency(shared);
    stack.addStackDependency(web);
    services[manifest.name] = stack;
  }
  const monitoring = new MonitoringStack(app, naming.stack('Monitoring'), {
    naming,
    manifests,
    api: shared.api,
    stage: shared.stage,
    env: options.env,
    description: 'Jingzhun monitoring: the stage dashboard (dead-letter queues, jobs, outbox relays, API)',
  });
  monitoring.addStackDependency(shared);
  for (const stack of Object.values(services)) monitoring.addStackDependency(stack);
  return { shared, services, web, monitoring };
}

function capitalise(name: string): string {
  return name.charAt(0).toUpperCase() + name.slice(1);
}
