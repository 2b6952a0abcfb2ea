// The program file's surveys: GET /v1/surveys (active ones, translated), answers posted to
// /v1/feedback checked against their definition, merged question by question, listed for admins.
/* eslint-disable @typescript-eslint/no-unsafe-assignment, @typescript-eslint/no-unsafe-member-access, @typescript-eslint/no-unsafe-call -- response bodies are untyped JSON here; helpers/contract.ts checks each one against docs/openapi.yaml */
import assert from 'node:assert/strict';
import { describe, it } from './helpers/node-test.ts';
import { NOW, setup, type TestApi } from './helpers/api.ts';
import { demoProgram } from '../../server/demo-program.ts';
import { checkProgramFile, ProgramFileError } from '../../server/program-check.ts';
import type { ProgramFile } from '../../server/program.ts';

const KEY = 'admin-key-0123456789abcdef0123456789';

const response = (fields: Record<string, unknown> = {}) => ({
  id: crypto.randomUUID(),
  survey: 'delivery',
  answers: { satisfied: 2 },
  answeredAt: NOW.toISOString(),
  ...fields,
});

const stored = async (api: TestApi) => (await api.get('/demo/feedback')).body.feedback as Record<string, unknown>[];

/** The demo program with its surveys changed. */
const withSurveys = (change: (surveys: NonNullable<ProgramFile['surveys']>) => unknown[]): ProgramFile =>
  checkProgramFile({ ...demoProgram, surveys: change(structuredClone(demoProgram.surveys!)) });

describe('GET /v1/surveys', () => {
  it("lists the demo program's four surveys with their triggers, public and cacheable", async () => {
    const api = await setup();
    const reply = await api.get('/v1/surveys');
    assert.equal(reply.status, 200);
    const surveys = reply.body.surveys as { id: string; trigger: { on: string }; questions: { type: string }[] }[];
    assert.deepEqual(
      surveys.map(({ id, trigger }) => [id, trigger.on]),
      [
        ['post-purchase', 'purchase'],
        ['delivery', 'url'],
        ['support', 'event'],
        ['on-site', 'page-views'],
      ],
    );
    assert.deepEqual(
      surveys.map(({ questions }) => questions.map((question) => question.type)),
      [
        ['nps', 'open', 'open'],
        ['rating', 'single'],
        ['ces', 'thumbs'],
        ['multiple', 'open'],
      ],
    );
    assert.deepEqual(surveys[1].questions[1], {
      id: 'problem',
      type: 'single',
      text: 'What went wrong?',
      showIf: { question: 'satisfied', max: 2 },
      choices: [
        { id: 'late', text: 'It arrived late' },
        { id: 'damaged', text: 'It was damaged' },
        { id: 'wrong', text: 'Wrong item' },
      ],
    });
    assert.match(reply.headers.get('Cache-Control') ?? '', /public/);
    const again = await api.get('/v1/surveys', { headers: { 'If-None-Match': reply.headers.get('ETag')! } });
    assert.equal(again.status, 304);
  });

  it('translates questions and choices for Accept-Language: es', async () => {
    const api = await setup();
    const reply = await api.get('/v1/surveys', { headers: { 'Accept-Language': 'es-MX,es;q=0.9' } });
    assert.equal(reply.headers.get('Content-Language'), 'es');
    const delivery = reply.body.surveys[1];
    assert.equal(delivery.title, 'Tu entrega');
    assert.equal(delivery.questions[0].text, '¿Qué tan satisfecho estás con tu entrega?');
    assert.equal(delivery.questions[1].choices[0].text, 'Llegó tarde');
    // Ids never change with the language: answers name them.
    assert.equal(delivery.questions[1].choices[0].id, 'late');
  });

  it('leaves out an inactive survey, and lists none for a program without surveys', async () => {
    const inactive = await setup({ program: withSurveys((s) => s.map((x) => ({ ...x, active: x.id !== 'support' }))) });
    const ids = (await inactive.get('/v1/surveys')).body.surveys.map((survey: { id: string }) => survey.id);
    assert.deepEqual(ids, ['post-purchase', 'delivery', 'on-site']);
    const bare = { ...demoProgram, surveys: undefined };
    assert.deepEqual((await (await setup({ program: bare })).get('/v1/surveys')).body, { surveys: [] });
  });
});

describe('the program file surveys', () => {
  it('refuses definitions the SDK could not ask, naming the field', () => {
    const refuse = (change: (surveys: NonNullable<ProgramFile['surveys']>) => unknown[], message: RegExp) =>
      assert.throws(
        () => withSurveys(change),
        (error: unknown) => error instanceof ProgramFileError && message.test(error.message),
      );
    refuse((s) => [{ ...s[0], id: 'nps' }], /surveys\[0\]\.id nps is used twice or reserved/);
    refuse((s) => [s[0], s[0]], /surveys\[1\]\.id post-purchase is used twice/);
    refuse(
      (s) => [{ ...s[0], questions: [{ id: 'q', type: 'slider', text: 'Q' }] }],
      /questions\[0\]\.type must be one of/,
    );
    refuse((s) => [{ ...s[0], sampling: 2 }], /surveys\[0\]\.sampling must be at most 1/);
    refuse((s) => [{ ...s[0], trigger: { on: 'url' } }], /surveys\[0\]\.trigger\.pattern is required/);
    refuse(
      (s) => [{ ...s[0], questions: [s[0].questions[1], s[0].questions[0]] }],
      /questions\[0\]\.showIf\.question must name an earlier question/,
    );
    refuse(
      (s) => [{ ...s[1], questions: [s[1].questions[0], { ...s[1].questions[1], choices: [] }] }],
      /choices needs distinct ids/,
    );
  });
});

describe('POST /v1/feedback with a program survey', () => {
  it('stores answers question by question into one response, then completed', async () => {
    const api = await setup();
    const token = await api.token('c_ada');
    const first = response({ answers: { satisfied: 2 }, orderId: '1094', locale: 'de' });
    const created = await api.post('/v1/feedback', first, { token });
    assert.equal(created.status, 201);
    assert.deepEqual(created.body, { id: first.id, survey: 'delivery', completed: false });
    const next = response({ id: first.id, answers: { problem: 'late' }, completed: true });
    const merged = await api.post('/v1/feedback', next, { token });
    assert.equal(merged.status, 200);
    assert.deepEqual(merged.body, { id: first.id, survey: 'delivery', completed: true });
    const records = await stored(api);
    assert.equal(records.length, 1);
    assert.deepEqual(records[0], {
      id: first.id,
      survey: 'delivery',
      customerId: 'c_ada',
      answers: { satisfied: 2, problem: 'late' },
      completed: true,
      orderId: '1094',
      locale: 'de',
      answeredAt: NOW.toISOString(),
      receivedAt: NOW.toISOString(),
      updatedAt: NOW.toISOString(),
    });
  });

  it('accepts every question type of the demo surveys', async () => {
    const api = await setup();
    const sends = [
      { survey: 'post-purchase', answers: { score: 0, improve: 'Faster shipping' } },
      { survey: 'delivery', answers: { satisfied: 5 } },
      { survey: 'support', answers: { effort: 7, helpful: 'down' } },
      { survey: 'on-site', answers: { 'came-for': { choices: ['gift', 'other'], other: 'A café' }, missing: '' } },
    ];
    for (const send of sends) assert.equal((await api.post('/v1/feedback', response(send))).status, 201, send.survey);
    assert.deepEqual(
      (await stored(api)).map((record) => record.answers),
      sends.map((send) => send.answers),
    );
  });

  it('keeps a completed response complete and earlier answers when a late resend arrives', async () => {
    const api = await setup();
    // A guest's response, resent with the guest's own key.
    const editKey = 'guest-device-key-0123456789';
    const first = response({ answers: { satisfied: 1 }, completed: true, editKey });
    await api.post('/v1/feedback', first);
    const late = response({
      id: first.id,
      editKey,
      answers: { satisfied: 4, problem: 'damaged' },
      answeredAt: new Date(NOW.getTime() - 60_000).toISOString(),
    });
    assert.equal((await api.post('/v1/feedback', late)).body.completed, true);
    const [record] = await stored(api);
    // The older send fills in the missing question, never the newer answer.
    assert.deepEqual(record.answers, { satisfied: 1, problem: 'damaged' });
  });

  it('refuses with 400 problem+json naming the field, and stores nothing', async () => {
    const api = await setup();
    const cases: [Record<string, unknown>, string][] = [
      [{ survey: 'no-such-survey' }, 'survey'],
      [{ answers: { nope: 3 } }, 'answers.nope'],
      [{ answers: { satisfied: 6 } }, 'answers.satisfied'],
      [{ answers: { satisfied: 0 } }, 'answers.satisfied'],
      [{ answers: { satisfied: 'five' } }, 'answers.satisfied'],
      [{ answers: { satisfied: 2.5 } }, 'answers.satisfied'],
      [{ answers: { problem: 'lost' } }, 'answers.problem'],
      [{ survey: 'support', answers: { effort: 8 } }, 'answers.effort'],
      [{ survey: 'support', answers: { helpful: true } }, 'answers.helpful'],
      [{ survey: 'post-purchase', answers: { score: 11 } }, 'answers.score'],
      [{ survey: 'post-purchase', answers: { improve: 'x'.repeat(501) } }, 'answers.improve'],
      [{ survey: 'on-site', answers: { 'came-for': { choices: ['spaceship'] } } }, 'answers.came-for.choices'],
      [{ survey: 'on-site', answers: { 'came-for': ['gift'] } }, 'answers.came-for'],
      [{ answers: {} }, 'answers'],
      [{ answers: { satisfied: 2 }, score: 9 }, 'score'],
    ];
    for (const [fields, field] of cases) {
      const reply = await api.post('/v1/feedback', response(fields));
      assert.equal(reply.status, 400, JSON.stringify(fields));
      assert.equal(reply.headers.get('Content-Type'), 'application/problem+json');
      assert.equal(reply.body.code, 'invalid-request');
      assert.equal(reply.body.field, field, JSON.stringify(fields));
    }
    assert.deepEqual(await stored(api), []);
  });

  it('refuses answers to one response from another customer or for another survey (409)', async () => {
    const api = await setup();
    const first = response();
    await api.post('/v1/feedback', first, { token: await api.token('c_ada') });
    const other = await api.post('/v1/feedback', response({ id: first.id }), { token: await api.token('c_bob') });
    assert.equal(other.status, 409);
    const survey = await api.post(
      '/v1/feedback',
      response({ id: first.id, survey: 'support', answers: { effort: 3 } }),
      {
        token: await api.token('c_ada'),
      },
    );
    assert.equal(survey.status, 409);
    assert.deepEqual((await stored(api))[0].answers, { satisfied: 2 });
  });

  it("changes a guest's response only with the guest's own key, and never lets a customer adopt it", async () => {
    const api = await setup();
    const editKey = 'guest-device-key-0123456789';
    const first = response({ editKey });
    assert.equal((await api.post('/v1/feedback', first)).status, 201);
    const next = { ...response({ id: first.id, answers: { problem: 'late' } }), editKey };
    assert.equal((await api.post('/v1/feedback', next)).status, 200, 'the guest goes on with their key');
    const stranger = response({ id: first.id, answers: { satisfied: 5 } });
    assert.equal((await api.post('/v1/feedback', stranger)).status, 409, 'another guest without the key');
    const customer = response({ id: first.id, answers: { satisfied: 5 }, editKey });
    const adopted = await api.post('/v1/feedback', customer, { token: await api.token('c_ada') });
    assert.equal(adopted.status, 409, 'a customer, even one sending the key');
    const [record] = await stored(api);
    assert.deepEqual(record.answers, { satisfied: 2, problem: 'late' });
    assert.equal(record.customerId, null);
    assert.equal(record.editKey, undefined);
  });

  it('lists responses beside NPS answers in GET /admin/v1/feedback', async () => {
    const api = await setup({ adminKey: KEY });
    const nps = { id: crypto.randomUUID(), survey: 'nps', score: 9, answeredAt: NOW.toISOString() };
    await api.post('/v1/feedback', nps);
    const sent = response({ completed: true });
    await api.post('/v1/feedback', sent);
    const reply = await api.app.request('/admin/v1/feedback', { headers: { Authorization: `Bearer ${KEY}` } });
    const { items } = (await reply.json()) as { items: Record<string, unknown>[] };
    assert.deepEqual(
      items.map(({ id, survey, score, answers, completed }) => ({ id, survey, score, answers, completed })),
      [
        { id: nps.id, survey: 'nps', score: 9, answers: undefined, completed: undefined },
        { id: sent.id, survey: 'delivery', score: undefined, answers: { satisfied: 2 }, completed: true },
      ],
    );
  });
});

describe('GET /v1/surveys rewritten by a test fault (a definition changed between visits)', () => {
  it('answers a revalidation in full with its own ETag, then a 304 for that one, logging what the client sent', async () => {
    const api = await setup();
    const etag = (await api.get('/v1/surveys')).headers.get('ETag')!;
    await api.post('/test/faults', {
      method: 'GET',
      path: '/v1/surveys',
      times: 2,
      rewrite: { set: { 'surveys.1.questions.0.text': 'How happy are you with your delivery?' } },
    });
    const reply = await api.get('/v1/surveys', { headers: { 'If-None-Match': etag } });
    assert.equal(reply.status, 200);
    assert.equal(reply.body.surveys[1].questions[0].text, 'How happy are you with your delivery?');
    const own = reply.headers.get('ETag')!;
    assert.notEqual(own, etag);
    assert.equal((await api.get('/v1/surveys', { headers: { 'If-None-Match': own } })).status, 304);
    const log = (await api.get('/test/requests')).body.requests as { status: number; ifNoneMatch?: string }[];
    assert.deepEqual(
      log.slice(-2).map(({ status, ifNoneMatch }) => ({ status, ifNoneMatch })),
      [
        { status: 200, ifNoneMatch: etag },
        { status: 304, ifNoneMatch: own },
      ],
    );
  });
});
