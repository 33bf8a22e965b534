import { personIdForEmail } from '@socialmakers/contracts';
import { BadRequestError } from '../../common/bad-request.error';
import { readSignInSheet } from '../sign-in-sheet';

describe('readSignInSheet', () => {
  it('identifies a person by their email, whatever its case, and reports bad rows by line', () => {
    const sheet = readSignInSheet(
      ['email,NAME,organization,country,role', 'Ana@Example.org,Ana,Zavod,si,Policy Maker', 'not-an-email,X,,,', 'b@example.org,B,,SI,Partner', 'b@example.org,B,,,'].join('\n'),
    );
    expect(sheet.rows).toBe(4);
    expect(sheet.entries).toEqual([
      { line: 2, personId: personIdForEmail('ana@example.org'), source: 'sign-in-sheet', name: 'Ana', organisation: 'Zavod', personCountry: 'SI', role: 'policymaker' },
      { line: 4, personId: personIdForEmail('b@example.org'), source: 'sign-in-sheet', name: 'B', personCountry: 'SI', role: 'partner-organisation' },
    ]);
    expect(sheet.rejected).toEqual([{ line: 3, reason: '"not-an-email" is not an email address' }]);
    expect(sheet.duplicates).toEqual([{ line: 5, sameAs: 4 }]);
  });

  it('reports a row with fewer fields than the header', () => {
    expect(readSignInSheet('name,email,organisation,country,role\nAna,ana@example.org\n').rejected).toEqual([
      { line: 2, reason: 'it has 2 fields where the header names 5' },
    ]);
  });

  it('refuses a sheet with a missing column, naming every missing one', () => {
    try {
      readSignInSheet('name,email,role\nAna,ana@example.org,innovator');
      throw new Error('expected a refusal');
    } catch (error) {
      expect(error).toBeInstanceOf(BadRequestError);
      expect((error as BadRequestError).message).toMatch(/^The sign-in sheet has no column "organisation", "country"; its first line must name the columns/);
    }
    expect(() => readSignInSheet('')).toThrow(/empty/);
  });
});
