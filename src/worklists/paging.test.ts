import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { pageNumbers, pageOf, pageWindow } from './paging.ts';

describe('worklist paging', () => {
  it('counts pages from 1 and offsets by whole pages', () => {
    assert.deepEqual(pageWindow(1, 10, 25), { page: 1, pageSize: 10, total: 25, pages: 3, offset: 0 });
    assert.deepEqual(pageWindow(3, 10, 25), { page: 3, pageSize: 10, total: 25, pages: 3, offset: 20 });
  });
  it('shows the last page when asked for one past the end, and one empty page for an empty list', () => {
    assert.deepEqual(pageWindow(9, 10, 25), { page: 3, pageSize: 10, total: 25, pages: 3, offset: 20 });
    assert.deepEqual(pageWindow(0, 10, 25).page, 1);
    assert.deepEqual(pageWindow(2, 10, 0), { page: 1, pageSize: 10, total: 0, pages: 1, offset: 0 });
    assert.equal(pageWindow(2, 10, 20).pages, 2, 'exactly two full pages');
  });
  it('cuts one page out of a list in memory', () => {
    const list = Array.from({ length: 12 }, (_, i) => i + 1);
    assert.deepEqual(pageOf(list, 2, 5), { items: [6, 7, 8, 9, 10], paging: { page: 2, pageSize: 5, total: 12, pages: 3 } });
    assert.deepEqual(pageOf(list, 3, 5).items, [11, 12]);
  });
  it('shows every page number up to seven pages, and the ends and neighbours with gaps beyond that (as DKFDS does)', () => {
    assert.deepEqual(pageNumbers(1, 1), [1]);
    assert.deepEqual(pageNumbers(3, 7), [1, 2, 3, 4, 5, 6, 7]);
    assert.deepEqual(pageNumbers(2, 20), [1, 2, 3, 4, 5, 'gap', 20]);
    assert.deepEqual(pageNumbers(10, 20), [1, 'gap', 9, 10, 11, 'gap', 20]);
    assert.deepEqual(pageNumbers(18, 20), [1, 'gap', 16, 17, 18, 19, 20]);
    assert.deepEqual(pageNumbers(5, 9), [1, 'gap', 4, 5, 6, 'gap', 9]);
  });
});
