// Drives Suhbat's /v1 API with OpenAI's official Node.js client library (npm "openai"), as a user's own tool would.
// Run by OpenAiClientsEndToEndTest with SUHBAT_BASE_URL, SUHBAT_KEY, CHAT_MODEL and PDF_MODEL set; prints one JSON
// object with what the client saw. The client keeps its default retries: a refusal marked x-should-retry: false
// must reach the caller at once.
import OpenAI from 'openai';

const client = new OpenAI({ baseURL: process.env.SUHBAT_BASE_URL, apiKey: process.env.SUHBAT_KEY, timeout: 60_000 });
const question = process.env.QUESTION;
const seen = {};

const models = [];
for await (const model of client.models.list()) {
  models.push(model.id);
}
seen.models = models;

const whole = await client.chat.completions.create({
  model: process.env.CHAT_MODEL,
  messages: [{ role: 'system', content: 'Be brief.' }, { role: 'user', content: 'Salom' }],
});
seen.whole = whole.choices[0].message.content;
seen.wholeFinish = whole.choices[0].finish_reason;
seen.wholeTokens = whole.usage.total_tokens;

let streamed = '';
let chunks = 0;
const stream = await client.chat.completions.create({
  model: process.env.CHAT_MODEL,
  messages: [{ role: 'user', content: 'Sanang' }],
  stream: true,
});
for await (const chunk of stream) {
  chunks++;
  streamed += chunk.choices[0]?.delta?.content ?? '';
}
seen.streamed = streamed;
seen.streamedChunks = chunks;

let pdfText = '';
let pdfSources = null;
const pdfStream = await client.chat.completions.create({
  model: process.env.PDF_MODEL,
  messages: [{ role: 'user', content: question }],
  stream: true,
});
for await (const chunk of pdfStream) {
  if (chunk.sources) {
    pdfSources = chunk.sources;
  }
  pdfText += chunk.choices[0]?.delta?.content ?? '';
}
seen.pdfStreamed = pdfText;
seen.pdfStreamSources = pdfSources;

const pdfWhole = await client.chat.completions.create({
  model: process.env.PDF_MODEL,
  messages: [{ role: 'user', content: question }],
});
seen.pdfWhole = pdfWhole.choices[0].message.content;
seen.pdfWholeSources = pdfWhole.sources;

const started = Date.now();
try {
  await client.chat.completions.create({ model: process.env.PDF_MODEL, messages: [{ role: 'user', content: question }], stream: true });
  seen.overQuota = 'answered';
} catch (error) {
  seen.overQuota = error.constructor.name;
  seen.overQuotaIsRateLimitError = error instanceof OpenAI.RateLimitError;
  seen.overQuotaStatus = error.status;
  seen.overQuotaCode = error.code;
  seen.overQuotaType = error.type;
  seen.overQuotaMillis = Date.now() - started;
}
console.log(JSON.stringify(seen));
