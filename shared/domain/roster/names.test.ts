import { describe, expect, it } from 'vitest';
import { cleanName, splitLastFirst } from './names';
import { decodeEntities, repairMojibake, textIssues } from './cellText';
import { cleanId } from './ids';

describe('cleanName keeps names as the district wrote them', () => {
  it.each([
    ['Da Silva', 'Da Silva'],
    ['De la Garza', 'De la Garza'],
    ['García Márquez', 'García Márquez'],
    ['Pérez-Treviño', 'Pérez-Treviño'],
    ["O'Brien", "O'Brien"],
    ['D’Angelo', 'D’Angelo'],
    ['van der Berg', 'van der Berg'],
    ['MCDONALD', 'MCDONALD'],
    ['  Ana   María  ', 'Ana María'],
    ['Ana\u00A0María', 'Ana María'],
    ['Jo\u200Bsé', 'José'],
    ['Pe&ntilde;a', 'Peña'],
  ])('%j → %j', (raw, expected) => {
    expect(cleanName(raw).value).toBe(expected);
  });

  it('composes decomposed accents (NFD → NFC) so search and matching agree', () => {
    const decomposed = 'Jose\u0301';
    const r = cleanName(decomposed).value!;
    expect(r).toBe('José');
    expect(r.length).toBe(4);
  });

  it.each(['-', '.', 'N/A', 'null', ''])('treats %j as no name', (raw) => {
    expect(cleanName(raw).value).toBeNull();
  });

  it('treats NMN as "no middle name" only in the middle-name column', () => {
    expect(cleanName('NMN', { middle: true }).value).toBeNull();
    expect(cleanName('NMN').value).toBe('NMN');
  });

  it('refuses a name garbled by a wrong encoding, saying what it probably was', () => {
    const r = cleanName('PeÃ±a');
    expect(r.issues).toEqual([expect.objectContaining({ code: 'encoding-mojibake', severity: 'error' })]);
    expect(r.issues[0].message).toContain('"Peña"');
  });

  it('refuses a name with the replacement character', () => {
    expect(cleanName('Pe\uFFFDa').issues[0]).toMatchObject({ code: 'encoding-replacement-character', severity: 'error' });
  });

  it('refuses values with no letters', () => {
    expect(cleanName('12345').issues[0].code).toBe('name-no-letters');
  });
});

describe('splitLastFirst', () => {
  it.each([
    ['Garza Treviño, María José', { lastName: 'Garza Treviño', firstName: 'María José' }],
    ['De la Cruz, Juan', { lastName: 'De la Cruz', firstName: 'Juan' }],
    ["O'Neil,Sean", { lastName: "O'Neil", firstName: 'Sean' }],
  ])('%j', (raw, expected) => {
    expect(splitLastFirst(raw)).toEqual(expected);
  });

  it.each(['María de los Ángeles Da Silva', 'Smith, Jr., John', ', John', 'Smith,'])('will not guess where the surname of %j ends', (raw) => {
    expect(splitLastFirst(raw)).toBeNull();
  });
});

describe('encoding checks', () => {
  it.each([
    ['PeÃ±a', 'Peña'],
    ['JosÃ©', 'José'],
    ['Oâ€™Brien', 'O’Brien'],
    ['MuÃ±oz NÃºÃ±ez', 'Muñoz Núñez'],
  ])('repairs %j to %j for the message', (garbled, fixed) => {
    expect(repairMojibake(garbled)).toBe(fixed);
    expect(textIssues(garbled)[0].code).toBe('encoding-mojibake');
  });

  it.each(['Peña', 'JOÃO', 'Ñandú', 'Zoë', 'Ø'])('does not flag real names like %j', (name) => {
    expect(textIssues(name)).toEqual([]);
  });

  it('decodes named and numeric entities', () => {
    expect(decodeEntities('Pe&ntilde;a &amp; Nu&#241;ez &#xF1; &bogus;')).toBe('Peña & Nuñez ñ &bogus;');
  });
});

describe('cleanId', () => {
  it.each([
    ['000123', '000123'],
    [' 000123 ', '000123'],
    ['="000123"', '000123'],
    ['713752E1', '713752E1'],
    ['0012\u200B34', '001234'],
    ['S-123.4_A', 'S-123.4_A'],
  ])('%j → %j (leading zeros and letters kept)', (raw, id) => {
    expect(cleanId(raw)).toEqual({ value: id, issue: null });
  });

  it.each([
    ['7.13752E+11', 'id-scientific-notation'],
    ['123456.0', 'id-decimal'],
    ['user identifier', 'id-invalid-characters'],
    ['12#4', 'id-invalid-characters'],
    ['x'.repeat(41), 'id-too-long'],
  ])('%j → %s', (raw, code) => {
    expect(cleanId(raw)).toMatchObject({ value: null, issue: { code } });
  });
});
