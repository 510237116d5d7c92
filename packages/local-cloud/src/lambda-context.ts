import type { Context } from 'aws-lambda';

/** A Lambda context for handlers invoked in-process. */
export function lambdaContext(functionName: string, requestId: string): Context {
  const started = Date.now();
  return {
    callbackWaitsForEmptyEventLoop: false,
    functionName,
    functionVersion: '$LATEST',
    invokedFunctionArn: `arn:aws:lambda:local:000000000000:function:${functionName}`,
    memoryLimitInMB: '1024',
    awsRequestId: requestId,
    logGroupName: `/aws/lambda/${functionName}`,
    logStreamName: 'local',
    getRemainingTimeInMillis: () => Math.max(0, 30_000 - (Date.now() - started)),
    done: () => undefined,
    fail: () => undefined,
    succeed: () => undefined,
  };
}

type AnyHandler = (event: unknown, context: Context) => Promise<unknown>;
const loaded = new Map<string, Promise<AnyHandler>>();

/** Imports a handler module once and returns the named export. */
export function loadHandler(path: string, exportName: string): Promise<AnyHandler> {
  const key = `${path}#${exportName}`;
  let handler = loaded.get(key);
  if (!handler) {
    handler = import(path).then((module) => {
      const fn = module[exportName];
      if (typeof fn !== 'function') throw new Error(`${key} is not a function`);
      return fn as AnyHandler;
    });
    loaded.set(key, handler);
  }
  return handler;
}
