// Where the story clusterer loses BCubed on ECB+ train folds (each clustered alone): wrong merges (across topics, or two sub-topics of one topic) against splits, per topic.
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadEcbSplit } from './data/ecbplus.js';
import { ecbArticle, onlineLabels, parallaxLabels } from './clusters.js';
import { SHARED_BENCH } from './types.js';

/** Per-item BCubed precision and recall losses, with the precision loss split by what the wrong cluster-mates are. */
export interface Loss {
  /** 1 - precision, from cluster-mates of another gold topic. */
  readonly crossTopic: number;
  /** 1 - precision, from cluster-mates of the same topic but another sub-topic. */
  readonly subTopicMerge: number;
  /** 1 - recall: gold sub-topic mates placed elsewhere. */
  readonly split: number;
}

/** Summed per-item losses by gold topic (divide by the topic's items for its mean, by all items for its share of 1 - F). */
export function lossByTopic(pred: readonly string[], subtopic: readonly string[], topic: readonly string[]): Map<string, Loss & { n: number }> {
  const byPred = new Map<string, number[]>();
  const bySub = new Map<string, number[]>();
  pred.forEach((p, i) => byPred.set(p, [...(byPred.get(p) ?? []), i]));
  subtopic.forEach((s, i) => bySub.set(s, [...(bySub.get(s) ?? []), i]));
  const out = new Map<string, { n: number; crossTopic: number; subTopicMerge: number; split: number }>();
  pred.forEach((p, i) => {
    const mates = byPred.get(p)!;
    const gold = bySub.get(subtopic[i]!)!;
    const same = mates.filter((j) => subtopic[j] === subtopic[i]).length;
    const cross = mates.filter((j) => topic[j] !== topic[i]).length;
    const sub = mates.length - same - cross;
    const t = out.get(topic[i]!) ?? { n: 0, crossTopic: 0, subTopicMerge: 0, split: 0 };
    t.n++;
    t.crossTopic += cross / mates.length;
    t.subTopicMerge += sub / mates.length;
    t.split += 1 - same / gold.length;
    out.set(topic[i]!, t);
  });
  return out;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const docs = loadEcbSplit(join(fileURLToPath(SHARED_BENCH), 'ecbplus/train'));
  const articles = docs.map(ecbArticle);
  const online = process.argv.includes('--online');
  const total = { n: 0, crossTopic: 0, subTopicMerge: 0, split: 0 };
  const topicTotal = { merge: 0, split: 0 };
  const rows: string[] = [];
  for (let f = 0; f < 5; f++) {
    const members = docs.map((_, i) => i).filter((i) => Number.parseInt(docs[i]!.topic, 10) % 5 === f);
    const part = members.map((i) => articles[i]!);
    const batch = parallaxLabels(part);
    const labels = online ? onlineLabels(part, 1) : batch.story;
    const topics = members.map((i) => docs[i]!.topic);
    const loss = lossByTopic(labels, members.map((i) => docs[i]!.subtopic), topics);
    // The topic level: a topic's articles put with another topic's, or its stories left in topics of their own.
    for (const [t, l] of lossByTopic(batch.topic, topics, topics)) {
      topicTotal.merge += l.crossTopic;
      topicTotal.split += l.split;
      if (l.crossTopic + l.split > 0.5) rows.push(`fold ${f} topic ${t.padStart(2)} at the topic level: merged with other topics ${l.crossTopic.toFixed(1)}, split ${l.split.toFixed(1)} (item-losses)`);
    }
    for (const [t, l] of [...loss].sort((a, b) => Number(a[0]) - Number(b[0]))) {
      for (const k of ['n', 'crossTopic', 'subTopicMerge', 'split'] as const) total[k] += l[k];
      if (l.crossTopic + l.subTopicMerge + l.split > 0.5)
        rows.push(`fold ${f} topic ${t.padStart(2)} (${String(l.n).padStart(2)} docs): cross-topic merge ${l.crossTopic.toFixed(1)}, sub-topic merge ${l.subTopicMerge.toFixed(1)}, split ${l.split.toFixed(1)} (item-losses)`);
    }
  }
  console.log(rows.join('\n'));
  const share = (x: number): string => (x / total.n).toFixed(4);
  console.log(`${online ? 'online (order 1)' : 'batch'}, 5 folds alone, ${total.n} docs: 1-precision from cross-topic merges ${share(total.crossTopic)}, from sub-topic merges ${share(total.subTopicMerge)}; 1-recall (splits) ${share(total.split)}; topic level (batch): 1-precision ${share(topicTotal.merge)}, 1-recall ${share(topicTotal.split)}`);
}
