/** The Power Automate bridge's client: what the page's own API responses said about the records in the URL. */
import { PA_ANSWER_EVENT, PA_REQUEST_EVENT, parsePaAnswer, type PaAnswer, type PaWant } from '../bridge/pa-message';
import { bridgeClient, type BridgeClient } from './bridge-client';

export type PaClient = BridgeClient<PaWant, PaAnswer>;

export const paClient = (doc: Document, signal: AbortSignal, onChange: () => void): PaClient =>
  bridgeClient(doc, signal, { request: PA_REQUEST_EVENT, answer: PA_ANSWER_EVENT, parse: parsePaAnswer }, onChange);
