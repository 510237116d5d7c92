import { Validations } from 'aws-cdk-lib';
import type { IConstruct } from 'constructs';

/** Acknowledges cdk-nag findings on a construct, each with the written reason it is acceptable. */
export function acknowledge(scope: IConstruct, findings: { id: string; reason: string }[]): void {
  for (const finding of findings) Validations.of(scope).acknowledge(finding);
}
