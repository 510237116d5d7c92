import { App, Tags, Validations } from 'aws-cdk-lib';
import { AwsSolutionsChecks } from 'cdk-nag';
import { services } from '../../services/registry.js';
import { buildApp } from '../lib/app.js';
import { stageFromContext } from '../lib/stage.js';

const app = new App();
const stage = stageFromContext(app);
buildApp(app, services, { stage, env: { account: stage.account ?? process.env.CDK_DEFAULT_ACCOUNT, region: stage.region ?? process.env.CDK_DEFAULT_REGION } });
Tags.of(app).add('project', 'jingzhun');
Validations.of(app).addPlugins(new AwsSolutionsChecks(app));
app.synth();
