/** The Xrm bridge's client: the open form's values, and the answers pushed when it loads or changes. */
import { parseXrmAnswer, XRM_ANSWER_EVENT, XRM_REQUEST_EVENT, type XrmAnswer, type XrmWant } from '../bridge/xrm-message';
import { bridgeClient, type BridgeClient } from './bridge-client';

export type XrmClient = BridgeClient<XrmWant, XrmAnswer>;

export const xrmClient = (doc: Document, signal: AbortSignal, onChange: () => void): XrmClient =>
  bridgeClient(doc, signal, { request: XRM_REQUEST_EVENT, answer: XRM_ANSWER_EVENT, parse: parseXrmAnswer }, onChange);
