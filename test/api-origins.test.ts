/**
 * What a library value resolves to does not depend on the question that first asked: an answer cut short by the
 * resolution depth bound (a deep chain through other modules' returns) is not remembered as the node's answer.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { MAX_RESOLUTION_DEPTH } from '../src/analysis/modules/api-origins.js';
import { openTaintProjects } from './support/taint-project.js';

const open = openTaintProjects((cleanup) => afterEach(cleanup));

describe('ApiOrigins', () => {
  it('resolves a model from another module after a deeper question was cut short', () => {
    const project = open({
      'account.js': "const mongoose = require('mongoose');\nmodule.exports = mongoose.model('Account', new mongoose.Schema({}));\n",
      'use.js': "const Account = require('./account');\nAccount.find({});\n",
    });
    const file = project.file('use.js');
    const callee = project.call('use.js', 'Account.find').callee;
    expect(file.origins.referenceOf(callee, MAX_RESOLUTION_DEPTH - 1)).toBeNull();
    expect(file.origins.referenceOf(callee)).toEqual({ module: 'mongoose', steps: ['model', '()', 'find'] });
  });
});
