// Contract part: append-only logs with gap-free sequence numbers, paging, deletion and retention.
import type { ContractContext } from './contract';

export function logsContract(ctx: ContractContext): void {
  describe('logs', () => {
    it('numbers appended entries from 0 and reads them back oldest first', async () => {
      const { logs } = ctx.store();
      expect(await logs.append('transcript/a', { from: 'user', text: 'hi' })).toBe(0);
      expect(await logs.append('transcript/a', { from: 'bot', text: 'hello' })).toBe(1);
      expect(await logs.append('transcript/a', 'plain')).toBe(2);
      expect(await logs.length('transcript/a')).toBe(3);
      expect(await logs.read('transcript/a', 0)).toEqual([
        { seq: 0, entry: { from: 'user', text: 'hi' } },
        { seq: 1, entry: { from: 'bot', text: 'hello' } },
        { seq: 2, entry: 'plain' },
      ]);
    });

    it.each([
      [1, undefined, [1, 2, 3]],
      [1, 2, [1, 2]],
      [3, 10, [3]],
      [4, undefined, []],
      [0, 0, []],
    ])('reads from %p with limit %p', async (from, limit, seqs) => {
      const { logs } = ctx.store();
      for (let i = 0; i < 4; i += 1) await logs.append('log', { i });
      const read = await logs.read('log', from, limit);
      expect(read.map((r) => r.seq)).toEqual(seqs);
      expect(read.map((r) => (r.entry as { i: number }).i)).toEqual(seqs);
    });

    it('appends several entries at once with consecutive numbers after the ones already there', async () => {
      const { logs } = ctx.store();
      if (!logs.appendMany) throw new Error('this store has no appendMany');
      expect(await logs.appendMany('transcript/m', [])).toBe(0);
      await logs.append('transcript/m', { i: 0 });
      expect(await logs.appendMany('transcript/m', [{ i: 1 }, { i: 2 }, 'three'])).toBe(1);
      expect(await logs.appendMany('transcript/m', [])).toBe(4);
      expect(await logs.append('transcript/m', { i: 4 })).toBe(4);
      expect(await logs.read('transcript/m', 0)).toEqual([
        { seq: 0, entry: { i: 0 } }, { seq: 1, entry: { i: 1 } }, { seq: 2, entry: { i: 2 } }, { seq: 3, entry: 'three' }, { seq: 4, entry: { i: 4 } },
      ]);
    });

    it('keeps each batch of parallel appendMany calls together, without gaps', async () => {
      const { logs } = ctx.store();
      const appendMany = logs.appendMany?.bind(logs);
      if (!appendMany) throw new Error('this store has no appendMany');
      const firsts = await Promise.all(Array.from({ length: 10 }, (_, b) => appendMany('dl/activities/batch', [{ b, i: 0 }, { b, i: 1 }, { b, i: 2 }])));
      expect([...firsts].sort((x, y) => x - y)).toEqual(Array.from({ length: 10 }, (_, b) => b * 3));
      const read = await logs.read('dl/activities/batch', 0);
      for (const [b, first] of firsts.entries()) {
        expect(read.slice(first, first + 3).map((r) => r.entry)).toEqual([{ b, i: 0 }, { b, i: 1 }, { b, i: 2 }]);
      }
    });

    it('knows nothing of a log never written', async () => {
      const { logs } = ctx.store();
      expect(await logs.length('none')).toBe(0);
      expect(await logs.read('none', 0)).toEqual([]);
    });

    it('gives parallel appends distinct sequence numbers without gaps', async () => {
      const { logs } = ctx.store();
      const n = 40;
      const seqs = await Promise.all(Array.from({ length: n }, (_, i) => logs.append('dl/activities/c1', { i })));
      expect([...seqs].sort((a, b) => a - b)).toEqual(Array.from({ length: n }, (_, i) => i));
      const read = await logs.read('dl/activities/c1', 0);
      expect(read.map((r) => r.seq)).toEqual(Array.from({ length: n }, (_, i) => i));
      // Each entry sits at the sequence number its append returned.
      for (const [i, seq] of seqs.entries()) expect(read[seq].entry).toEqual({ i });
    });

    it('deletes a log; a new append starts again from 0; other logs are untouched', async () => {
      const { logs } = ctx.store();
      await logs.append('a', 1);
      await logs.append('a', 2);
      await logs.append('b', 1);
      await logs.delete('a');
      await logs.delete('never-written');
      expect(await logs.length('a')).toBe(0);
      expect(await logs.length('b')).toBe(1);
      expect(await logs.append('a', 3)).toBe(0);
    });

    it('expires logs under a prefix last written before the cut-off, and only those', async () => {
      const { logs } = ctx.store();
      const before = Date.now() - 60_000;
      await logs.append('transcript/webchat:1', 1);
      await logs.append('transcript/webchat:1', 2);
      await logs.append('transcript/slack:2', 1);
      await logs.append('dl/activities/3', 1);
      expect(await logs.expire('transcript/', before)).toBe(0);
      expect(await logs.expire('transcript/', Date.now() + 60_000)).toBe(2);
      expect(await logs.length('transcript/webchat:1')).toBe(0);
      expect(await logs.length('transcript/slack:2')).toBe(0);
      expect(await logs.length('dl/activities/3')).toBe(1);
      expect(await logs.expire('transcript/', Date.now() + 60_000)).toBe(0);
    });
  });
}
