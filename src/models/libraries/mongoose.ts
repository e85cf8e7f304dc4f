import type { LibraryModel } from '../concepts.js';
import { MONGO_FILTER_METHODS, MONGO_LITERAL_KEYS } from './mongo-query.js';

/**
 * Mongoose: `connect(uri, options)` and `createConnection(uri, options)`. The URI may embed the password
 * (`mongodb://user:pass@host/db`); options may carry it as `pass`. Models run query documents (nosql-injection).
 */
/** A model: `mongoose.model(name, schema)`, a connection's `model()`, or a value typed `Model` (NestJS `@InjectModel`). */
const MODELS = ['**.model()', 'Model()'] as const;

export const mongoose: LibraryModel = {
  name: 'mongoose',
  modules: ['mongoose'],
  docs: 'https://mongoosejs.com/docs/connections.html#options',
  rows: [
    { concept: 'secret-argument', path: '{connect,createConnection}', argument: 0, secret: 'connection-url' },
    { concept: 'secret-argument', path: '{connect,createConnection}', argument: 1, property: 'pass', secret: 'password' },
    // Query documents (nosql-injection): model statics and the query chains they start (`find().where({...})`).
    ...MODELS.flatMap((model) => [
      { concept: 'nosql-query', path: `${model}.${MONGO_FILTER_METHODS}`, argument: 0, literalKeys: MONGO_LITERAL_KEYS },
      { concept: 'nosql-query', path: `${model}.**.{where,and,or,nor}`, argument: 0, literalKeys: MONGO_LITERAL_KEYS },
      { concept: 'nosql-query', path: `${model}.distinct`, argument: 1, literalKeys: MONGO_LITERAL_KEYS },
      { concept: 'nosql-query', path: `${model}.aggregate`, argument: 0, literalKeys: MONGO_LITERAL_KEYS },
      { concept: 'nosql-code', path: `${model}.${MONGO_FILTER_METHODS}`, argument: 0, property: '$where' },
      { concept: 'nosql-code', path: `${model}.**.$where`, argument: 0 },
      { concept: 'nosql-code', path: `${model}.mapReduce`, argument: 0, property: 'map' },
      { concept: 'nosql-code', path: `${model}.mapReduce`, argument: 0, property: 'reduce' },
    ] as const),
    // Whole documents written from an object (mass-assignment): `create`, `new Model(obj)`, update documents.
    { concept: 'mass-assignment', path: '**.model().{create,insertMany}', argument: 0 },
    // `new Model(obj)`: the path names the constructor (it also matches `model(name)`, whose argument 0 is a constant).
    { concept: 'mass-assignment', path: '**.model()', argument: 0 },
    { concept: 'mass-assignment', path: '**.model().{findByIdAndUpdate,findOneAndUpdate,updateOne,updateMany}', argument: 1 },
  ],
};
