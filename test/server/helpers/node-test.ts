// node:test's describe and it, typed as returning nothing. They return promises that the runner
// itself awaits, which the type-checked no-floating-promises rule would otherwise flag on every
// test. The same functions at runtime, so reported test locations stay right.
import { describe as nodeDescribe, it as nodeIt, type SuiteContext, type TestContext } from 'node:test';

export const describe = nodeDescribe as (name: string, fn: (suite: SuiteContext) => void) => void;
export const it = nodeIt as (name: string, fn: (test: TestContext) => void | Promise<void>) => void;
