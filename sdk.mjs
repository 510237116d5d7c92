import '@aws-sdk/client-dynamodb'; import '@aws-sdk/lib-dynamodb';
