import { test } from 'node:test';
import assert from 'node:assert/strict';
import { genderOfName, genderOfSurname } from './name-gender.js';

test('the given name decides gender', () => {
  assert.equal(genderOfName('Irena Tarasova'), 'f');
  assert.equal(genderOfName('Dmytro Kovalsky'), 'm');
  assert.equal(genderOfName('Margit Halvorsen'), 'f');
  assert.equal(genderOfName('Tobias Lindqvist'), 'm');
  assert.equal(genderOfName('José Ferreira'), 'm');
});

test('Slavic and Baltic surname endings give gender when the given name is unknown or absent', () => {
  assert.equal(genderOfSurname('Tarasova'), 'f');
  assert.equal(genderOfSurname('Kowalska'), 'f');
  assert.equal(genderOfSurname('Bondareva'), 'f');
  assert.equal(genderOfSurname('Volkov'), 'm');
  assert.equal(genderOfSurname('Zelinsky'), 'm');
  assert.equal(genderOfName('Zarema Petrova'), 'f');
});

test('names used for both genders and Romance surnames ending in -ina stay unknown', () => {
  assert.equal(genderOfName('Jordan Blake'), null);
  assert.equal(genderOfName('Andrea Rossi'), null);
  assert.equal(genderOfSurname('Medina'), null);
  assert.equal(genderOfSurname('Ruiz'), null);
});
