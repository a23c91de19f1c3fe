import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Questionnaire } from '../fhir/questionnaire-types.ts';
import { translationReport } from './translation-report.ts';
import { localizeQuestionnaire } from './translate.ts';
import { builtinQuestionnaires } from '../builtin.ts';
import { citizenLanguages, loadCatalogues } from '../translations/catalogues.ts';
import { translationsCommand } from '../../cli/translations.ts';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const q: Questionnaire = {
  resourceType: 'Questionnaire', url: 'https://x/q', version: '1', status: 'active', title: 'Titel',
  item: [{ linkId: 'a', type: 'choice', text: 'Ryger du?', _text: { extension: [{ url: 'http://hl7.org/fhir/StructureDefinition/translation', extension: [{ url: 'lang', valueCode: 'tr' }, { url: 'content', valueString: 'Sigara içiyor musunuz?' }] }] },
    answerOption: [{ valueCoding: { code: 'y', display: 'Ja' } }, { valueCoding: { code: 'n', display: 'Nej' } }] }],
};

describe('translations', () => {
  it('uses the FHIR translation extension, then the file, else Danish, and lists what fell back', () => {
    const catalogue = { language: 'tr', name: 'Türkçe', direction: 'ltr' as const, strings: { Ja: 'Evet', Gammel: 'Eski' } };
    const { questionnaire, missing } = localizeQuestionnaire(q, 'tr', catalogue);
    assert.equal(questionnaire.item[0]!.text, 'Sigara içiyor musunuz?');
    assert.deepEqual(questionnaire.item[0]!.answerOption!.map((o) => o.valueCoding!.display), ['Evet', 'Nej']);
    assert.deepEqual(questionnaire.item[0]!.answerOption!.map((o) => o.valueCoding!.code), ['y', 'n'], 'codes never change');
    assert.deepEqual(missing.sort(), ['Nej', 'Titel']);
    const [report] = translationReport([q], new Map([['tr', catalogue]]), ['da', 'tr']);
    assert.deepEqual(report, { language: 'tr', total: 4, missing: ['Titel', 'Nej'], stale: ['Gammel'] });
  });

  it('ships every citizen language for every built-in text, and lets a municipality correct a file', () => {
    const reports = translationReport(builtinQuestionnaires, loadCatalogues(undefined), citizenLanguages);
    assert.deepEqual(reports.map((r) => [r.language, r.missing.length, r.stale.length]),
      [['en', 0, 0], ['ar', 0, 0], ['fa', 0, 0], ['so', 0, 0], ['tr', 0, 0], ['ur', 0, 0], ['pl', 0, 0]]);
    const dir = mkdtempSync(join(tmpdir(), 'ligevej-tr-'));
    writeFileSync(join(dir, 'ar.json'), JSON.stringify({ language: 'ar', strings: { 'Ryger du?': 'هل أنت مدخن؟' } }));
    const corrected = loadCatalogues(dir).get('ar')!;
    assert.equal(corrected.strings['Ryger du?'], 'هل أنت مدخن؟');
    assert.equal(corrected.direction, 'rtl', 'the shipped file\'s other fields and strings remain');
    assert.equal(corrected.strings['Dit helbred'], 'صحتك');
  });

  it('prints what each language lacks from the command line; --strict fails when anything is missing', async () => {
    const lines: string[] = [];
    assert.equal(await translationsCommand(['check', '--lang', 'en', '--strict'], (l) => lines.push(l), (l) => lines.push(l)), 0);
    assert.match(lines[0]!, /^en: 150 af 150 tekster oversat\.$/);
    lines.length = 0;
    // A correction left blank shows the Danish text, so the check lists it.
    const dir = mkdtempSync(join(tmpdir(), 'ligevej-tr-'));
    writeFileSync(join(dir, 'so.json'), JSON.stringify({ language: 'so', strings: { 'Hvor mange genstande drikker du på en almindelig uge?': '' } }));
    assert.equal(await translationsCommand(['check', '--lang', 'so', '--strict', '--dir', dir], (l) => lines.push(l), (l) => lines.push(l)), 1);
    assert.equal(lines[0], 'so: 149 af 150 tekster oversat, 1 vises på dansk:');
    assert.deepEqual(lines.slice(1), ['  - Hvor mange genstande drikker du på en almindelig uge?']);
    assert.equal(await translationsCommand(['check', '--lang', 'xx'], () => undefined, () => undefined), 2);
  });
});
