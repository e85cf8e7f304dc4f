/**
 * What MongoDB reads in a query document, shared by the driver and mongoose models: the operator keys whose
 * value is compared literally (an object there is a value, not an operator), and `$where`, whose value runs
 * as JavaScript on the server (the `nosql-code` rows report it). https://www.mongodb.com/docs/manual/reference/operator/query/
 */
export const MONGO_LITERAL_KEYS: readonly string[] = [
  '$eq', '$ne', '$gt', '$gte', '$lt', '$lte', '$in', '$nin', '$all', '$size', '$exists', '$type', '$mod', '$regex', '$options',
  '$where',
];

/** Collection and model methods whose first argument is a filter document. */
export const MONGO_FILTER_METHODS =
  '{find,findOne,findOneAndUpdate,findOneAndDelete,findOneAndReplace,findOneAndRemove,deleteOne,deleteMany,updateOne,updateMany,replaceOne,countDocuments,count,exists,remove,update}';
