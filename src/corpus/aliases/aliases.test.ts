import { test } from 'node:test';
import assert from 'node:assert/strict';
import { aliasesStage } from './aliases.js';
import { createContext, emptyCorpus, emptyLayers, emptyMeta, type Article, type EntityMention } from '../../core/index.js';

function article(id: string, text: string, entities: [string, EntityMention['type'], string, string][]): Article {
  let from = 0;
  const mentions: EntityMention[] = entities.map(([surface, type, canonical, how]) => {
    const start = text.indexOf(surface, from);
    from = start + surface.length;
    return { start, end: start + surface.length, type, canonical, how };
  });
  return {
    id, contentHash: id, source: {}, text, removed: [], meta: emptyMeta(), layers: { ...emptyLayers(), entities: mentions },
    diagnostics: [], status: 'ok', extractedBy: 'plain-text', encoding: null,
  };
}

test('the stage numbers entities e1..eN by mention count and cites every mention', () => {
  const a1 = article('a1', 'Zelenskiy met Starmer in Kiev. Zelenskiy left.', [
    ['Zelenskiy', 'PERSON', 'Zelenskiy', 'self'], ['Starmer', 'PERSON', 'Starmer', 'self'], ['Kiev', 'LOC', 'Kiev', 'self'], ['Zelenskiy', 'PERSON', 'Zelenskiy', 'self'],
  ]);
  const a2 = article('a2', 'Volodymyr Zelenskyy spoke in Kyiv.', [
    ['Volodymyr Zelenskyy', 'PERSON', 'Volodymyr Zelenskyy', 'self'], ['Kyiv', 'LOC', 'Kyiv', 'self'],
  ]);
  const out = aliasesStage.run(emptyCorpus([a1, a2]), createContext(), aliasesStage.defaults);
  const entities = out.entities ?? [];
  assert.deepEqual(entities.map((e) => e.id), ['e1', 'e2', 'e3']);
  const zel = entities[0]!;
  assert.equal(zel.name, 'Volodymyr Zelenskyy');
  assert.equal(zel.type, 'PERSON');
  assert.equal(zel.mentions.length, 3);
  assert.deepEqual(zel.aliases, ['Zelenskiy']);
  assert.match(zel.merges[0]!.reason, /surname/);
  assert.equal(entities[1]!.name, 'Kyiv');
  assert.deepEqual(entities[1]!.aliases, ['Kiev']);
  for (const e of entities) for (const c of e.mentions) assert.ok(c.article === 'a1' || c.article === 'a2');
});
