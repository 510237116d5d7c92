import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { App } from 'aws-cdk-lib';
import { describe, expect, it } from 'vitest';
import { services } from '../../services/registry.js';
import { buildApp } from '../lib/app.js';
import { DEFAULT_STAGE, loadStage, type StageConfig, stageConfigSchema, stageFromContext, stageNaming } from '../lib/stage.js';

/** The properties CloudFormation uses as a resource's name in the account and region. */
const NAME_PROPERTIES = [
  'TableName',
  'QueueName',
  'EventBusName',
  'UserPoolName',
  'ClientName',
  'Name',
  'SecretName',
  'TopicName',
  'StateMachineName',
  'DashboardName',
  'AlarmName',
  'FunctionName',
  'LogGroupName',
];

/** Names unique only inside their parent (an authorizer inside its API), not in the account. */
const SCOPED_TYPES = new Set(['AWS::ApiGatewayV2::Authorizer', 'AWS::ApiGatewayV2::Stage', 'AWS::ApiGatewayV2::Route']);

function synthStage(stage: StageConfig) {
  const app = new App({ context: { 'aws:cdk:bundling-stacks': [] } });
  buildApp(app, services, { stage });
  const assembly = app.synth();
  const stackNames = assembly.stacks.map((stack) => stack.stackName);
  const physicalNames: string[] = [];
  // Nested stacks (each service's alarms) are assets of their parents, not stacks of the assembly.
  const nested = readdirSync(assembly.directory)
    .filter((file) => file.endsWith('.nested.template.json'))
    .map((file) => JSON.parse(readFileSync(join(assembly.directory, file), 'utf8')));
  expect(nested.length).toBe(services.length);
  for (const template of [...assembly.stacks.map((stack) => stack.template), ...nested]) {
    const resources = (template as { Resources?: Record<string, { Type: string; Properties?: Record<string, unknown> }> }).Resources ?? {};
    for (const resource of Object.values(resources)) {
      if (SCOPED_TYPES.has(resource.Type)) continue;
      for (const property of NAME_PROPERTIES) {
        const value = resource.Properties?.[property];
        // Literal names only: a reference to another resource is not a name of its own.
        if (typeof value === 'string') physicalNames.push(`${property}=${JSON.stringify(value)}`);
      }
    }
  }
  // What each stack's functions are told (the stage settings they read among it).
  const environments = (stackName: string) =>
    Object.values(
      (assembly.getStackByName(stackName).template as { Resources?: Record<string, { Type: string; Properties?: { Environment?: { Variables?: Record<string, unknown> } } }> })
        .Resources ?? {},
    )
      .filter((resource) => resource.Type === 'AWS::Lambda::Function')
      .map((resource) => resource.Properties?.Environment?.Variables ?? {});
  return { stackNames, physicalNames, environments };
}

describe('stages', () => {
  it('synthesises two stages side by side with no stack name and no physical name in common', () => {
    const dev = synthStage(DEFAULT_STAGE);
    const prod = synthStage(stageConfigSchema.parse({ name: 'prod', subsidyRunRegions: ['370405000000', '370481000000'] }));
    expect(dev.stackNames).toContain('Jingzhun-Shared');
    expect(prod.stackNames).toContain('Jingzhun-prod-Shared');
    expect(prod.stackNames.filter((name) => dev.stackNames.includes(name))).toEqual([]);
    // Both stages name their tables, queues, bus, schedules, pool and secrets; none is shared.
    expect(prod.physicalNames.length).toBeGreaterThan(20);
    expect(prod.physicalNames.filter((name) => dev.physicalNames.includes(name))).toEqual([]);
    expect(prod.physicalNames).toContain('TableName="jingzhun-prod-identification"');
    // The stage's counties reach the monthly run (and every handler of the subsidy service, not its outbox relay), and only there.
    const regionsOf = (stage: typeof dev, stack: string) => [
      ...new Set(
        stage
          .environments(stack)
          .filter((variables) => Object.keys(variables).some((name) => name.startsWith('JZ_TABLE_')))
          .map((variables) => variables.JZ_SUBSIDY_RUN_REGIONS),
      ),
    ];
    expect(regionsOf(prod, 'Jingzhun-prod-Subsidy')).toEqual(['370405000000,370481000000']);
    expect(regionsOf(dev, 'Jingzhun-Subsidy')).toEqual(['370405000000']);
    expect(regionsOf(prod, 'Jingzhun-prod-Identification')).toEqual([undefined]);
    expect(dev.physicalNames).toContain('TableName="jingzhun-identification"');
    expect(prod.physicalNames).toContain('AlarmName="jingzhun-prod-identification-dead-letters-visible"');
    expect(prod.physicalNames).toContain('TopicName="jingzhun-prod-alarms"');
    expect(prod.physicalNames).toContain('DashboardName="jingzhun-prod-operations"');
    // Two whole apps synthesised: about 15 s alone, several times that beside other suites on two cores.
  }, 180_000);

  it('names a stage by its own name, and the default stage as it always was', () => {
    const prod = stageNaming(stageConfigSchema.parse({ name: 'prod' }));
    expect(prod.stack('Web')).toBe('Jingzhun-prod-Web');
    expect(prod.physical('subsidy', 'dead-letters')).toBe('jingzhun-prod-subsidy-dead-letters');
    expect(prod.path('identification', 'name-hash-key')).toBe('jingzhun/prod/identification/name-hash-key');
    const dev = stageNaming(DEFAULT_STAGE);
    expect(dev.stack('Web')).toBe('Jingzhun-Web');
    expect(dev.physical()).toBe('jingzhun');
  });

  it('refuses a stage name CloudFormation would refuse, with the rule in the message', () => {
    for (const bad of ['Prod', 'prod_1', '1prod', 'prod.cn', 'a-stage-name-far-too-long']) {
      const app = new App({ context: { stage: bad } });
      expect(() => stageFromContext(app), bad).toThrow(/lower-case letters, digits and hyphens/);
    }
  });

  it('refuses a stage file with an unknown key, a bad region code, no region, or no file', () => {
    expect(() => stageConfigSchema.parse({ name: 'prod', alarmEmial: 'ops@example.cn' })).toThrow(/alarmEmial/);
    expect(() => stageConfigSchema.parse({ name: 'prod', subsidyRunRegions: ['3704'] })).toThrow(/区划代码应为 12 位数字/);
    expect(() => stageConfigSchema.parse({ name: 'prod', subsidyRunRegions: [] })).toThrow();
    expect(() => loadStage('no-such-stage')).toThrow(/stage no-such-stage: cannot read/);
  });
});
