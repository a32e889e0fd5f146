import assert from 'node:assert/strict';
import { test } from 'node:test';
import { gradeFor } from '../../../src/lib/grade.ts';

test('grading bands of 财预〔2020〕10号', () => {
  assert.equal(gradeFor('100'), '优');
  assert.equal(gradeFor('98'), '优');
  assert.equal(gradeFor('90'), '优');
  assert.equal(gradeFor('89.99'), '良');
  assert.equal(gradeFor('80'), '良');
  assert.equal(gradeFor('79.5'), '中');
  assert.equal(gradeFor('60'), '中');
  assert.equal(gradeFor('59.9'), '差');
  assert.equal(gradeFor('0'), '差');
});
