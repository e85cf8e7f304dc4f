/**
 * Every model row is exercised by at least one fixture or example line: a row nothing matches is either a
 * typo in its access path or knowledge no test protects.
 */
import { describe, expect, it } from 'vitest';
import { conceptIndex } from '../src/engine/run.js';
import { runEngine } from './support/hosts.js';

describe('model rows', () => {
  it('are each matched while scanning the fixtures and examples', () => {
    runEngine(['fixtures', 'examples']);
    const unmatched = conceptIndex()
      .unmatchedRows()
      .map((compiled) => `${compiled.model.name}: ${compiled.row.concept} ${compiled.row.path}`);
    expect(unmatched).toEqual([]);
  });
});
