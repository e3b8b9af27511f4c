import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { ruleDefinitions } from '../identity-cloud/findings/rule-catalogue.ts';
import { fixturePolicy, fixtureReport } from './audit-fixtures.ts';
import { renderJunit } from './audit-junit.ts';

interface TestCase {
  '@_classname': string;
  '@_name': string;
  failure?: { '@_message': string; '@_type': string; '#text': string };
  skipped?: { '@_message': string };
}
interface Suite {
  '@_name': string;
  '@_tests': string;
  '@_failures': string;
  '@_skipped': string;
  testcase?: TestCase[];
}

const xml = renderJunit(fixtureReport(), fixturePolicy);
const parser = new XMLParser({
  ignoreAttributes: false,
  isArray: (name) => name === 'testsuite' || name === 'testcase',
});
const parsed = parser.parse(xml) as {
  testsuites: { '@_tests': string; '@_failures': string; testsuite: Suite[] };
};
const suites = parsed.testsuites.testsuite;

function testCase(rule: string, name: string): TestCase | undefined {
  return suites
    .find((suite) => suite['@_name'] === rule)
    ?.testcase?.find((entry) => entry['@_name'] === name);
}

describe('JUnit output', () => {
  it('is well-formed XML, even with a hostile client name and control characters in a URI', () => {
    // fast-xml-parser 5 deprecates its validator for a separate package; the pinned one still checks well-formedness.
    // eslint-disable-next-line @typescript-eslint/no-deprecated
    expect(XMLValidator.validate(xml)).toBe(true);
    expect(xml).not.toContain('\u0001');
    expect(testCase('client-configuration', 'client Odd <client> & "friends" (odd)')).toBeDefined();
  });

  it('has a suite per rule and a test case per client for each client rule (and per policy for policy rules)', () => {
    expect(suites.map((suite) => suite['@_name'])).toEqual(ruleDefinitions.map((rule) => rule.id));
    const wildcard = suites.find((suite) => suite['@_name'] === 'redirect-uri-wildcard');
    expect(wildcard?.testcase?.map((entry) => entry['@_name'])).toEqual([
      'client Public spa (spa)',
      'client Confidential web (web)',
      'client Config cfg1 (cfg1)',
      'client Config cfg2 (cfg2)',
      'client Odd <client> & "friends" (odd)',
    ]);
    const lifetime = suites.find((suite) => suite['@_name'] === 'token-policy-lifetime-above-maximum');
    expect(lifetime?.testcase?.map((entry) => entry['@_name'])).toEqual([
      'token policy Standard tokens (tp-a)',
      'token policy Configuration (tp-config)',
    ]);
  });

  it('fails a case with an open finding, naming the matched value; passes a clean one', () => {
    const failed = testCase('redirect-uri-wildcard', 'client Public spa (spa)');
    expect(failed?.failure?.['@_message']).toBe('Redirect URI contains a wildcard');
    expect(failed?.failure?.['@_type']).toBe('high');
    expect(failed?.failure?.['#text']).toContain('https://*.x.example.com/cb');
    const clean = testCase('redirect-uri-wildcard', 'client Confidential web (web)');
    expect(clean).toBeDefined();
    expect(clean?.failure).toBeUndefined();
    expect(clean?.skipped).toBeUndefined();
  });

  it('skips a case whose findings are all accepted, saying why, by whom and until when', () => {
    expect(testCase('redirect-uri-plain-http', 'client Confidential web (web)')?.skipped?.['@_message']).toBe(
      'accepted: Intranet only, replaced in Q3 (it@example.com, until 2027-06-30)',
    );
  });

  it('counts tests and failures consistently', () => {
    const cases = suites.flatMap((suite) => suite.testcase ?? []);
    expect(Number(parsed.testsuites['@_tests'])).toBe(cases.length);
    expect(Number(parsed.testsuites['@_failures'])).toBe(cases.filter((entry) => entry.failure).length);
  });
});
