/**
 * Message consumers: whoever can publish to the topic or queue chooses what the handler receives.
 * kafkajs (https://kafka.js.org/docs/consuming): `consumer.run({ eachMessage: async ({ message }) => ... })`
 * gets each message (`value`, `key`, `headers`), `eachBatch` a batch of them (`batch.messages`). amqplib
 * (https://amqp-node.github.io/amqplib/channel_api.html#channel_consume): `channel.consume(queue, (msg) => ...)`
 * gets a message whose `content` is the body. Producers (`producer.send`) and publishers receive nothing.
 */
import type { LibraryModel } from '../concepts.js';
import type { RequestShape } from './request-shape.js';

const EACH_MESSAGE = { concept: 'request-handler', request: 'kafka-payload', parameter: 0, argument: 0, property: 'eachMessage' } as const;
const EACH_BATCH = { ...EACH_MESSAGE, property: 'eachBatch' } as const;

export const kafkajsSources: LibraryModel = {
  name: 'kafkajs',
  modules: ['kafkajs'],
  docs: 'https://kafka.js.org/docs/consuming',
  rows: [
    { ...EACH_MESSAGE, path: 'Kafka().consumer().run' },
    { ...EACH_BATCH, path: 'Kafka().consumer().run' },
    { ...EACH_MESSAGE, path: 'Consumer().run' },
    { ...EACH_BATCH, path: 'Consumer().run' },
    { concept: 'request-type', path: '{EachMessagePayload,EachBatchPayload}()', request: 'kafka-payload' },
  ],
};

export const kafkaPayload: RequestShape = {
  id: 'kafka-payload',
  inputs: [{ paths: ['message.{value,key,headers}', 'batch.messages.**.{value,key,headers}'], kind: 'message' }],
};

const CONSUME = { concept: 'request-handler', request: 'amqp-message', parameter: 0, argument: 1 } as const;

export const amqplibSources: LibraryModel = {
  name: 'amqplib',
  modules: ['amqplib'],
  docs: 'https://amqp-node.github.io/amqplib/channel_api.html#channel_consume',
  rows: [
    { ...CONSUME, path: 'connect().{createChannel,createConfirmChannel}().consume' },
    { ...CONSUME, path: '{Channel,ConfirmChannel}().consume' },
    { concept: 'request-type', path: '{ConsumeMessage,Message}()', request: 'amqp-message' },
  ],
};

export const amqpMessage: RequestShape = {
  id: 'amqp-message',
  inputs: [{ paths: ['content', 'properties.headers'], kind: 'message' }],
};
