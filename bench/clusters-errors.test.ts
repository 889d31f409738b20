import { test } from 'node:test';
import assert from 'node:assert/strict';
import { lossByTopic } from './clusters-errors.js';
import { fitLogistic } from './clusters-learn.js';

test('BCubed losses split into cross-topic merges, sub-topic merges and splits', () => {
  // Topic 1 has sub-topics a and b, merged into one cluster; topic 2's sub-topic c is split in two.
  const pred = ['k1', 'k1', 'k1', 'k1', 'k2', 'k3'];
  const sub = ['a', 'a', 'b', 'b', 'c', 'c'];
  const topic = ['1', '1', '1', '1', '2', '2'];
  const loss = lossByTopic(pred, sub, topic);
  assert.deepEqual(loss.get('1'), { n: 4, crossTopic: 0, subTopicMerge: 2, split: 0 });
  assert.deepEqual(loss.get('2'), { n: 2, crossTopic: 0, subTopicMerge: 0, split: 1 });
  // Merging the two topics makes every mate of the other topic a cross-topic loss.
  const merged = lossByTopic(['k', 'k', 'k', 'k', 'k', 'k'], sub, topic);
  assert.ok(Math.abs(merged.get('2')!.crossTopic - (4 / 6) * 2) < 1e-12);
  assert.equal(merged.get('2')!.split, 0);
});

test('the pair model learns a positive weight for the feature that tells the classes apart, none for noise', () => {
  const rows: { x: number[]; same: boolean }[] = [];
  for (let i = 0; i < 200; i++) {
    const same = i % 2 === 0;
    const signal = (same ? 0.6 : 0.2) + ((i * 37) % 17) / 100;
    const noise = ((i * 53) % 29) / 29;
    rows.push({ x: [signal, noise], same });
  }
  const [signal, noise, intercept] = fitLogistic(rows);
  assert.ok(signal! > 5, `signal weight ${signal}`);
  assert.ok(Math.abs(noise!) < signal! / 5, `noise weight ${noise}`);
  assert.ok(intercept! < 0);
});
